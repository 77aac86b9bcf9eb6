import { graphql } from '$lib/server/api';
import type { VertelpuntView } from './types';
import { VERTEL_LINK, VERTELPUNTEN } from './operations.server';

type ApiVertelpunt = Omit<VertelpuntView, 'organisationName'>;

/** The open vertelpunten a logged-in wijkcoach can tell at. */
export const fetchCoachVertelpunten = async (
  scope: { token: string | null; organisationId: string | null },
  organisationName: string,
): Promise<VertelpuntView[]> => {
  const { vertelpunten } = await graphql<{ vertelpunten: ApiVertelpunt[] }>(VERTELPUNTEN, {}, scope);
  return vertelpunten.filter((v) => v.isOpen && v.audience === 'wijkcoach').map((v) => ({ ...v, organisationName }));
};

/** A vertel-link, asked anonymously: an inwoner never tells under someone's login. */
export const fetchVertelLink = async (token: string): Promise<VertelpuntView> =>
  (await graphql<{ vertelLink: VertelpuntView }>(VERTEL_LINK, { token })).vertelLink;

import type { TellerKind } from '@vertelpunt/domain';
import { FORM_FRAGMENT, type VertelForm } from '$lib/mijn-verhalen/vertel-form';
import { graphql } from '$lib/server/api';
import type { FieldProblem, QuestionnaireVersionInput } from './questionnaire-editor';
import type { CreateVertelpuntInput, UpdateVertelpuntInput } from './vertelpunt-form';

export type Scope = { token: string | null; organisationId: string | null };

export const scopeOf = (locals: Pick<App.Locals, 'token' | 'organisation'>): Scope => ({
  token: locals.token,
  organisationId: locals.organisation?.id ?? null,
});

export type AdminVertelpunt = {
  id: string;
  name: string;
  audience: TellerKind;
  isOpen: boolean;
  maxRecordingSeconds: number;
  linkToken: string | null;
  wijk: { id: string; name: string } | null;
  questionnaire: { id: string; name: string } | null;
};

const VERTELPUNTEN = /* GraphQL */ `
  query AdminVertelpunten {
    vertelpunten {
      id
      name
      audience
      isOpen
      maxRecordingSeconds
      linkToken
      wijk {
        id
        name
      }
      questionnaire {
        id
        name
      }
    }
  }
`;

export const fetchVertelpunten = async (scope: Scope): Promise<AdminVertelpunt[]> =>
  (await graphql<{ vertelpunten: AdminVertelpunt[] }>(VERTELPUNTEN, {}, scope)).vertelpunten;

export type QuestionnaireVersionSummary = { id: string; version: number; createdAt: string; storyCount: number };

export type AdminQuestionnaire = {
  id: string;
  key: string;
  name: string;
  audience: TellerKind;
  versions: QuestionnaireVersionSummary[];
  current: VertelForm | null;
};

const QUESTIONNAIRES = /* GraphQL */ `
  ${FORM_FRAGMENT}
  query AdminQuestionnaires {
    questionnaires {
      id
      key
      name
      audience
      versions {
        id
        version
        createdAt
        storyCount
      }
      current {
        ...Form
      }
    }
  }
`;

export const fetchQuestionnaires = async (scope: Scope): Promise<AdminQuestionnaire[]> =>
  (await graphql<{ questionnaires: AdminQuestionnaire[] }>(QUESTIONNAIRES, {}, scope)).questionnaires;

const CREATE_VERTELPUNT = /* GraphQL */ `
  mutation CreateVertelpunt($input: CreateVertelpuntInput!) {
    createVertelpunt(input: $input) {
      id
      linkToken
    }
  }
`;

export const createVertelpunt = async (
  scope: Scope,
  input: CreateVertelpuntInput,
): Promise<{ id: string; linkToken: string | null }> =>
  (await graphql<{ createVertelpunt: { id: string; linkToken: string | null } }>(CREATE_VERTELPUNT, { input }, scope))
    .createVertelpunt;

const UPDATE_VERTELPUNT = /* GraphQL */ `
  mutation UpdateVertelpunt($id: ID!, $input: UpdateVertelpuntInput!) {
    updateVertelpunt(id: $id, input: $input) {
      id
      isOpen
    }
  }
`;

export const updateVertelpunt = async (scope: Scope, id: string, input: UpdateVertelpuntInput): Promise<void> => {
  await graphql(UPDATE_VERTELPUNT, { id, input }, scope);
};

const RENEW_LINK = /* GraphQL */ `
  mutation RenewVertelLink($id: ID!) {
    renewVertelLink(id: $id) {
      id
      linkToken
    }
  }
`;

export const renewVertelLink = async (scope: Scope, id: string): Promise<void> => {
  await graphql(RENEW_LINK, { id }, scope);
};

const REVOKE_LINK = /* GraphQL */ `
  mutation RevokeVertelLink($id: ID!) {
    revokeVertelLink(id: $id) {
      id
      linkToken
    }
  }
`;

export const revokeVertelLink = async (scope: Scope, id: string): Promise<void> => {
  await graphql(REVOKE_LINK, { id }, scope);
};

const PUBLISH = /* GraphQL */ `
  mutation PublishQuestionnaireVersion($questionnaireId: ID!, $input: QuestionnaireVersionInput!) {
    publishQuestionnaireVersion(questionnaireId: $questionnaireId, input: $input) {
      __typename
      ... on QuestionnairePublished {
        version {
          id
          version
        }
      }
      ... on QuestionnaireRejected {
        problems {
          field
          message
        }
      }
    }
  }
`;

type PublishResult =
  | { __typename: 'QuestionnairePublished'; version: { id: string; version: number } }
  | { __typename: 'QuestionnaireRejected'; problems: FieldProblem[] };

export const publishQuestionnaireVersion = async (
  scope: Scope,
  questionnaireId: string,
  input: QuestionnaireVersionInput,
): Promise<{ version: number } | { problems: FieldProblem[] }> => {
  const { publishQuestionnaireVersion: result } = await graphql<{ publishQuestionnaireVersion: PublishResult }>(
    PUBLISH,
    { questionnaireId, input },
    scope,
  );
  return result.__typename === 'QuestionnairePublished'
    ? { version: result.version.version }
    : { problems: result.problems };
};

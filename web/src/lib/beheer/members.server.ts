import type { Role } from '@vertelpunt/domain';
import { graphql } from '$lib/server/api';
import type { Scope } from './beheer.server';

export type Member = {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  disabled: boolean;
  lockedUntil: string | null;
  otherOrganisations: number;
};

const MEMBER_FIELDS = 'userId email name roles disabled lockedUntil otherOrganisations';

export const fetchMembers = async (scope: Scope): Promise<Member[]> =>
  (await graphql<{ members: Member[] }>(`query Members { members { ${MEMBER_FIELDS} } }`, {}, scope)).members;

export const addMember = async (scope: Scope, input: { email: string; name: string; roles: Role[] }) =>
  (
    await graphql<{ addMember: { temporaryPassword: string | null; member: Member } }>(
      `mutation AddMember($input: AddMemberInput!) { addMember(input: $input) { temporaryPassword member { ${MEMBER_FIELDS} } } }`,
      { input },
      scope,
    )
  ).addMember;

export const setMemberRoles = (scope: Scope, userId: string, roles: Role[]) =>
  graphql(`mutation SetMemberRoles($input: SetMemberRolesInput!) { setMemberRoles(input: $input) { userId } }`, { input: { userId, roles } }, scope);

export const resetMemberPassword = async (scope: Scope, userId: string) =>
  (
    await graphql<{ resetMemberPassword: { temporaryPassword: string; member: Member } }>(
      `mutation ResetMemberPassword($id: ID!) { resetMemberPassword(userId: $id) { temporaryPassword member { ${MEMBER_FIELDS} } } }`,
      { id: userId },
      scope,
    )
  ).resetMemberPassword;

export const unlockMember = (scope: Scope, userId: string) =>
  graphql(`mutation UnlockMember($id: ID!) { unlockMember(userId: $id) { userId } }`, { id: userId }, scope);

export const removeMember = (scope: Scope, userId: string) =>
  graphql(`mutation RemoveMember($id: ID!) { removeMember(userId: $id) }`, { id: userId }, scope);

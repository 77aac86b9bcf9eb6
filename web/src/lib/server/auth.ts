import { isRole, type OrganisationTheme, type Role } from '@vertelpunt/domain';
import { graphql } from './api';

export type Organisation = {
  id: string;
  name: string;
  slug: string;
  theme: OrganisationTheme;
};

export type Membership = { roles: Role[]; organisation: Organisation };

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  memberships: Membership[];
};

export type LoginResult = {
  token: string;
  expiresAt: string;
  user: { id: string; name: string; email: string };
};

export const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      expiresAt
      user {
        id
        name
        email
      }
    }
  }
`;

export const ME = /* GraphQL */ `
  query Me {
    me {
      id
      name
      email
      memberships {
        roles
        organisation {
          id
          name
          slug
          theme {
            primaryColor
            primaryTextColor
            logoUrl
          }
        }
      }
    }
  }
`;

export const LOGOUT = /* GraphQL */ `
  mutation Logout {
    logout
  }
`;

type MeResponse = {
  me: {
    id: string;
    name: string;
    email: string;
    memberships: { roles: string[]; organisation: Organisation }[];
  };
};

export const login = async (email: string, password: string): Promise<LoginResult> =>
  (await graphql<{ login: LoginResult }>(LOGIN, { input: { email, password } })).login;

/** The logged-in user; roles we do not know (yet) are dropped rather than guessed at. */
export const fetchMe = async (token: string): Promise<SessionUser> => {
  const { me } = await graphql<MeResponse>(ME, {}, { token });
  return {
    id: me.id,
    name: me.name,
    email: me.email,
    memberships: me.memberships.map((membership) => ({
      roles: membership.roles.map((role) => role.toLowerCase()).filter(isRole),
      organisation: membership.organisation,
    })),
  };
};

export const logout = async (token: string): Promise<boolean> =>
  (await graphql<{ logout: boolean }>(LOGOUT, {}, { token })).logout;

/** The membership chosen with `vp_org`, or the first one when none (or a stale one) was chosen. */
export const activeMembership = (
  memberships: readonly Membership[],
  chosenOrganisationId: string | null | undefined,
): Membership | null =>
  memberships.find((membership) => membership.organisation.id === chosenOrganisationId) ?? memberships[0] ?? null;

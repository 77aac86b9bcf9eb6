import type { StoryStatus } from '@vertelpunt/domain';
import { graphql } from './api';

export type StoryListItem = {
  id: string;
  title: string;
  status: StoryStatus;
  tellerKind: string;
  createdAt: string;
  wijk: { name: string } | null;
};

export type StoryConnection = {
  edges: { cursor: string; node: StoryListItem }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

export const STORIES = /* GraphQL */ `
  query Stories($first: Int, $after: String) {
    stories(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          title
          status
          tellerKind
          createdAt
          wijk {
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export type Scope = { token: string | null; organisationId: string | null };

export const fetchStories = async (
  scope: Scope,
  page: { first: number; after: string | null },
): Promise<StoryConnection> => (await graphql<{ stories: StoryConnection }>(STORIES, page, scope)).stories;

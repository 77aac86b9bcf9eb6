import type { StoryFilter } from '@vertelpunt/domain';
import { graphql } from '$lib/server/api';
import { toFilterInput } from './explorer-url';

export type Scope = { token: string | null; organisationId: string | null };
export type Label = { id: string; label: string };

export type ExplorerCard = {
  id: string;
  title: string;
  excerpt: string;
  status: string;
  tellerKind: string;
  toldAt: string;
  wordCount: number | null;
  durationSeconds: number | null;
  wijk: Label | null;
  archetypes: Label[];
  tags: (Label & { taxonomyKey: string; taxonomyName: string })[];
};

export type ExplorerPage = {
  totalCount: number;
  edges: { cursor: string; node: ExplorerCard }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

export type ExplorerOptions = {
  wijken: Label[];
  vertelpunten: Label[];
  archetypeSets: { id: string; name: string; archetypes: Label[] }[];
  taxonomies: { id: string; key: string; name: string; tags: Label[] }[];
  leefgebieden: Label[];
  questions: { id: string; prompt: string; options: Label[] }[];
};

export type ExportFile = {
  filename: string;
  mimeType: string;
  contentBase64: string;
  storyCount: number;
  truncated: boolean;
};

const EXPLORE = /* GraphQL */ `
  query Explore($filter: StoryFilterInput, $first: Int, $after: String) {
    exploreStories(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          title
          excerpt
          status
          tellerKind
          toldAt
          wordCount
          durationSeconds
          wijk {
            id
            label
          }
          archetypes {
            id
            label
          }
          tags {
            id
            label
            taxonomyKey
            taxonomyName
          }
        }
      }
    }
  }
`;

const OPTIONS = /* GraphQL */ `
  query ExplorerOptions {
    explorerOptions {
      wijken {
        id
        label
      }
      vertelpunten {
        id
        label
      }
      archetypeSets {
        id
        name
        archetypes {
          id
          label
        }
      }
      taxonomies {
        id
        key
        name
        tags {
          id
          label
        }
      }
      leefgebieden {
        id
        label
      }
      questions {
        id
        prompt
        options {
          id
          label
        }
      }
    }
  }
`;

const EXPORT = /* GraphQL */ `
  query ExportStories($filter: StoryFilterInput, $format: ExportFormat!) {
    exportStories(filter: $filter, format: $format) {
      filename
      mimeType
      contentBase64
      storyCount
      truncated
    }
  }
`;

export const fetchExplorerPage = async (
  scope: Scope,
  filter: StoryFilter,
  page: { first: number; after: string | null },
) =>
  (await graphql<{ exploreStories: ExplorerPage }>(EXPLORE, { filter: toFilterInput(filter), ...page }, scope))
    .exploreStories;

export const fetchExplorerOptions = async (scope: Scope) =>
  (await graphql<{ explorerOptions: ExplorerOptions }>(OPTIONS, {}, scope)).explorerOptions;

export const fetchExport = async (scope: Scope, filter: StoryFilter, format: 'CSV' | 'XLSX') =>
  (await graphql<{ exportStories: ExportFile }>(EXPORT, { filter: toFilterInput(filter), format }, scope))
    .exportStories;

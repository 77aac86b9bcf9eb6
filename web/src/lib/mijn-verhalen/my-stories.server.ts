import type { StoryStatus } from '@vertelpunt/domain';
import { graphql } from '$lib/server/api';
import type { AnswerInput, FieldProblem, StoryAnswer } from './answers-form';
import { FORM_FRAGMENT, type VertelForm } from './vertel-form';

export type Scope = { token: string | null; organisationId: string | null };

export type MyStoryItem = {
  id: string;
  title: string;
  status: StoryStatus;
  mode: string;
  createdAt: string;
  toldAt: string | null;
  failureReason: string | null;
  hasAudio: boolean;
};

export type MyStoryConnection = {
  edges: { cursor: string; node: MyStoryItem }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

const MY_STORIES = /* GraphQL */ `
  query MyStories($first: Int, $after: String) {
    myStories(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          title
          status
          mode
          createdAt
          toldAt
          failureReason
          hasAudio
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const fetchMyStories = async (
  scope: Scope,
  page: { first: number; after: string | null },
): Promise<MyStoryConnection> => (await graphql<{ myStories: MyStoryConnection }>(MY_STORIES, page, scope)).myStories;

export type MyStory = {
  id: string;
  title: string;
  status: StoryStatus;
  mode: string;
  text: string | null;
  hasAudio: boolean;
  failureReason: string | null;
  createdAt: string;
  answers: StoryAnswer[];
  form: VertelForm;
};

const STORY = /* GraphQL */ `
  ${FORM_FRAGMENT}
  query MyStory($id: ID!) {
    story(id: $id) {
      id
      title
      status
      mode
      text
      hasAudio
      failureReason
      createdAt
      answers {
        questionId
        kind
        archetypeIds
        optionIds
        number
        x
        y
        text
      }
      form {
        ...Form
      }
    }
  }
`;

export const fetchMyStory = async (scope: Scope, id: string): Promise<MyStory> =>
  (await graphql<{ story: MyStory }>(STORY, { id }, scope)).story;

const UPDATE_ANSWERS = /* GraphQL */ `
  mutation UpdateStoryAnswers($id: ID!, $answers: [AnswerInput!]!) {
    updateStoryAnswers(id: $id, answers: $answers) {
      __typename
      ... on StoryUpdated {
        story {
          id
        }
      }
      ... on StoryRejected {
        problems {
          field
          message
        }
      }
    }
  }
`;

type UpdateResult = { __typename: 'StoryUpdated' } | { __typename: 'StoryRejected'; problems: FieldProblem[] };

/** Saves the answers; the problems per field when the API refuses them (empty list: saved). */
export const updateStoryAnswers = async (scope: Scope, id: string, answers: AnswerInput[]): Promise<FieldProblem[]> => {
  const { updateStoryAnswers: result } = await graphql<{ updateStoryAnswers: UpdateResult }>(
    UPDATE_ANSWERS,
    { id, answers },
    scope,
  );
  return result.__typename === 'StoryRejected' ? result.problems : [];
};

const WITHDRAW = /* GraphQL */ `
  mutation WithdrawStory($id: ID!) {
    withdrawStory(id: $id) {
      id
      status
    }
  }
`;

export const withdrawStory = async (scope: Scope, id: string): Promise<void> => {
  await graphql<{ withdrawStory: { id: string; status: StoryStatus } }>(WITHDRAW, { id }, scope);
};

export const scopeOf = (locals: Pick<App.Locals, 'token' | 'organisation'>): Scope => ({
  token: locals.token,
  organisationId: locals.organisation?.id ?? null,
});

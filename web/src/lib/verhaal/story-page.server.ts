import type { StoryStatus } from '@vertelpunt/domain';
import { graphql } from '$lib/server/api';
import type { StoryAnswer } from '$lib/mijn-verhalen/answers-form';
import { FORM_FRAGMENT, type VertelForm } from '$lib/mijn-verhalen/vertel-form';
import type { StoryTagView, TagDecision, TagRef } from './tags';
import type { Segment } from './transcript';

export type Scope = { token: string | null; organisationId: string | null };

export type TagHistoryEntry = {
  id: string;
  decision: TagDecision;
  at: string;
  actorName: string | null;
  tag: TagRef | null;
};
export type SimilarStory = {
  score: number;
  story: { id: string; redactedTitle: string | null; toldAt: string; wijk: { name: string } | null };
};

/** Everything the story page shows; never the raw text, transcript or title (they stay with the teller and admins). */
export type StoryPage = {
  id: string;
  redactedTitle: string | null;
  status: StoryStatus;
  mode: string;
  tellerKind: string;
  toldAt: string;
  failureReason: string | null;
  redactedText: string | null;
  redactedSegments: Segment[] | null;
  hasAudio: boolean;
  audioDurationMs: number | null;
  vertelpuntName: string | null;
  wijk: { name: string } | null;
  permissions: { hearAudio: boolean; decideTags: boolean; seeUnredacted: boolean };
  answers: StoryAnswer[];
  form: VertelForm;
  tags: StoryTagView[];
  addableTags: TagRef[];
  tagHistory: TagHistoryEntry[];
  similarStories: SimilarStory[];
};

const TAG_REF = 'id key label taxonomyKey taxonomyName';

const STORY_PAGE = /* GraphQL */ `
  ${FORM_FRAGMENT}
  query StoryPage($id: ID!) {
    story(id: $id) {
      id
      redactedTitle
      status
      mode
      tellerKind
      toldAt
      failureReason
      redactedText
      redactedSegments { startMs endMs text }
      hasAudio
      audioDurationMs
      vertelpuntName
      wijk { name }
      permissions { hearAudio decideTags seeUnredacted }
      answers { questionId kind archetypeIds optionIds number x y text }
      form { ...Form }
      tags { source state score why tag { ${TAG_REF} } }
      addableTags { ${TAG_REF} }
      tagHistory { id decision at actorName tag { ${TAG_REF} } }
      similarStories(first: 5) { score story { id redactedTitle toldAt wijk { name } } }
    }
  }
`;

export const fetchStoryPage = async (scope: Scope, id: string): Promise<StoryPage> =>
  (await graphql<{ story: StoryPage }>(STORY_PAGE, { id }, scope)).story;

const DECIDE = /* GraphQL */ `
  mutation DecideStoryTag($storyId: ID!, $tagId: ID!, $decision: TagDecision!) {
    decideStoryTag(storyId: $storyId, tagId: $tagId, decision: $decision) {
      id
    }
  }
`;
const ADD = /* GraphQL */ `
  mutation AddStoryTag($storyId: ID!, $tagId: ID!) {
    addStoryTag(storyId: $storyId, tagId: $tagId) {
      id
    }
  }
`;

export const decideTag = async (scope: Scope, storyId: string, tagId: string, decision: TagDecision): Promise<void> => {
  if (decision === 'ADD') await graphql(ADD, { storyId, tagId }, scope);
  else await graphql(DECIDE, { storyId, tagId, decision }, scope);
};

/** Personal data: only asked for when the teller or an admin chooses to see it; the API audits every read. */
export type UnredactedStory = {
  title: string;
  text: string | null;
  transcript: string | null;
  segments: Segment[] | null;
};

const UNREDACTED = /* GraphQL */ `
  query UnredactedStory($id: ID!) {
    story(id: $id) {
      unredacted {
        title
        text
        transcript
        segments {
          startMs
          endMs
          text
        }
      }
    }
  }
`;

export const fetchUnredacted = async (scope: Scope, id: string): Promise<UnredactedStory | null> =>
  (await graphql<{ story: { unredacted: UnredactedStory | null } }>(UNREDACTED, { id }, scope)).story.unredacted;

import { randomUUID } from 'node:crypto';
import type { Question } from '@vertelpunt/domain';
import type { TestOrganisation } from './harness';

type AnswerInput = Record<string, unknown> & { questionId: string };

/** One valid answer for every question of a version (2 archetypes where allowed, mid-scale numbers). */
export const validAnswersFor = (org: TestOrganisation, questions: Question[]): AnswerInput[] =>
  questions.map((q): AnswerInput => {
    switch (q.type) {
      case 'archetype': {
        return { questionId: q.id, archetypeIds: org.archetypeIdsInSet(q.archetypeSetId).slice(0, Math.min(2, q.max)) };
      }
      case 'single':
        return { questionId: q.id, optionIds: [q.options[0].id] };
      case 'multi':
      case 'leefgebied':
        return { questionId: q.id, optionIds: q.options.slice(0, 2).map((o) => o.id) };
      case 'wijk':
        return { questionId: q.id, optionIds: [org.wijken[0].id] };
      case 'scale':
        return { questionId: q.id, number: Math.round((q.min + q.max) / 2) };
      case 'dyad':
        return { questionId: q.id, number: 30 };
      case 'canvas':
        return { questionId: q.id, x: 25, y: 75 };
      case 'text':
        return { questionId: q.id, text: 'Goed dat er naar me geluisterd werd.' };
    }
  });

export const buildStoryInput = (org: TestOrganisation, overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  vertelpuntId: org.vertelpunten.wijkcoach.id,
  questionnaireVersionId: org.versions.wijkcoach.id,
  title: 'Mevrouw kwam er weer bovenop',
  text: 'Ik bezocht een mevrouw met schulden. Samen met de schuldhulp hebben we een plan gemaakt en nu gaat het beter.',
  consentVersion: 'test-1',
  consentUsage: ['leren'],
  answers: validAnswersFor(org, org.versions.wijkcoach.questions),
  ...overrides,
});

export const CREATE_STORY = `mutation($input: CreateStoryInput!) {
  createStory(input: $input) {
    __typename
    ... on StoryCreated { story { id status title } }
    ... on StoryRejected { problems { field message } }
  }
}`;

export const STORY = `query($id: ID!) { story(id: $id) { id status title text tellerKind wijk { name } answers { questionId kind archetypeIds number } steps { step attempts durationMs finishedAt } } }`;

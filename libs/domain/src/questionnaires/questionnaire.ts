import type { TellerKind } from '../stories/story-status';
import type { Question } from './question';

/**
 * A questionnaire as seeded or edited in Beheer. `storyPrompt` opens the recorder;
 * `questions` follow one per screen. Archetype questions name their set by key here
 * (`archetypeSetId` holds the set's key until the seed swaps in the database id).
 */
export type QuestionnaireDefinition = {
  key: string;
  name: string;
  audience: TellerKind;
  intro: string;
  storyPrompt: string;
  titlePrompt: string;
  questions: Question[];
};

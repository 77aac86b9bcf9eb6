import type { AnswerValue } from '../questionnaires/answer';
import type { TellerKind } from '../stories/story-status';

/** A realistic demo story, answers keyed by question id of the default questionnaire for its teller. */
export type DemoStory = {
  title: string;
  text: string;
  tellerKind: TellerKind;
  wijk: string;
  /** Days before "now" the story was told. */
  daysAgo: number;
  answers: { questionId: string; value: AnswerValue }[];
};

import type { AnswerValue, QuestionType, StoryMode, TellerKind } from '@vertelpunt/domain';

/** One choice of a question: an option, a wijk, a leefgebied or an archetype (with description and icon). */
export type FormOption = { id: string; label: string; description: string | null; icon: string | null };

/** A question as the API's `VertelForm` gives it (docs/api-contract-vertelpunt.md). */
export type FormQuestion = {
  id: string;
  type: QuestionType;
  prompt: string;
  help: string | null;
  required: boolean;
  allowNotApplicable: boolean;
  options: FormOption[];
  min: number | null;
  max: number | null;
  maxChoices: number | null;
  minLabel: string | null;
  maxLabel: string | null;
  leftLabel: string | null;
  rightLabel: string | null;
  xLeftLabel: string | null;
  xRightLabel: string | null;
  yBottomLabel: string | null;
  yTopLabel: string | null;
  maxLength: number | null;
  multiline: boolean | null;
};

export type VertelForm = {
  questionnaireVersionId: string;
  version: number;
  intro: string;
  storyPrompt: string;
  titlePrompt: string;
  questions: FormQuestion[];
};

/** What the recorder needs of a vertelpunt, whether reached logged in or through a vertel-link. */
export type VertelpuntView = {
  id: string;
  name: string;
  audience: TellerKind;
  isOpen: boolean;
  maxRecordingSeconds: number;
  organisationName: string;
  form: VertelForm;
};

/**
 * Who sends a story: a logged-in wijkcoach (the session cookie, checked against this user and
 * organisation by the proxy) or an anonymous inwoner with the vertel-link token.
 */
export type TellerScope =
  | { kind: 'coach'; userId: string; organisationId: string; vertelpuntId: string }
  | { kind: 'link'; token: string; vertelpuntId: string };

export const scopeKeyOf = (scope: TellerScope): string =>
  scope.kind === 'coach' ? `coach:${scope.userId}:${scope.vertelpuntId}` : `link:${scope.token}`;

export type { AnswerValue, StoryMode };

/** What was recorded; the Blob itself lives in the `audio` store under the draft's id. */
export type RecordingInfo = { mimeType: string; durationMs: number; bytes: number; sha256: string | null };

export type ConsentChoice = { given: boolean; tafel: boolean };

/** Everything the teller has given so far; lives in IndexedDB from the first tap until the server confirms. */
export type Draft = {
  /** Also the story's id: made once on the device, so every retry of createStory names the same story. */
  id: string;
  scopeKey: string;
  scope: TellerScope;
  vertelpuntName: string;
  organisationName: string;
  audience: TellerKind;
  maxRecordingSeconds: number;
  /** The form the teller saw; answers are checked against this exact version. */
  form: VertelForm;
  mode: StoryMode | null;
  text: string;
  title: string;
  answers: Record<string, AnswerValue>;
  step: string;
  consent: ConsentChoice;
  recording: RecordingInfo | null;
  createdAt: string;
  updatedAt: string;
  /** Set when the teller pressed send: from then on the outbox owns the story. */
  submittedAt: string | null;
  /** Set when the server confirmed everything; the draft then keeps only what the receipt shows. */
  confirmedAt: string | null;
  /** Set when the teller moved on to a new story; the outbox keeps sending this one. */
  acknowledgedAt: string | null;
  /** Problems the server found in the answers, per field (`answers.<questionId>`, `title`, `text`). */
  problems: { field: string; message: string }[];
};

/** The flat GraphQL `AnswerInput`: exactly one group is set. */
export type AnswerInput = {
  questionId: string;
  archetypeIds?: string[];
  optionIds?: string[];
  number?: number;
  x?: number;
  y?: number;
  text?: string;
  notApplicable?: true;
};

export type CreateStoryInput = {
  id: string;
  vertelpuntId?: string;
  vertelToken?: string;
  questionnaireVersionId: string;
  mode: StoryMode;
  title: string;
  text?: string;
  toldAt: string;
  consentVersion: string;
  consentUsage: string[];
  answers: AnswerInput[];
};

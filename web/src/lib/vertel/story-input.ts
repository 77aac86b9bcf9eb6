import { buildAnswers } from './answers';
import type { CreateStoryInput, Draft } from './types';

/** The consent text the teller saw; a new wording gets a new version. */
export const consentVersionFor = (audience: Draft['audience']): string => `vertelpunt-${audience}-2025-11`;

/** Always: learning within the organisation. Only when ticked: reading out or printing at an ErvaringenTafel. */
export const consentUsageFor = (consent: Draft['consent']): string[] =>
  consent.tafel ? ['leren', 'ervaringentafel'] : ['leren'];

/** The CreateStoryInput for a draft the teller sends; built once and kept in the outbox as is. */
export const buildStoryInput = (draft: Draft, toldAt: string): CreateStoryInput => {
  const mode = draft.mode ?? 'text';
  const text = draft.text.trim();
  return {
    id: draft.id,
    ...(draft.scope.kind === 'link' ? { vertelToken: draft.scope.token } : { vertelpuntId: draft.scope.vertelpuntId }),
    questionnaireVersionId: draft.form.questionnaireVersionId,
    mode,
    title: draft.title.trim(),
    ...(mode === 'text' || text !== '' ? { text } : {}),
    toldAt,
    consentVersion: consentVersionFor(draft.audience),
    consentUsage: consentUsageFor(draft.consent),
    answers: buildAnswers(draft.form.questions, draft.answers),
  };
};

export const TITLE_MAX = 200;
export const TEXT_MAX = 50_000;

/** Problems of the screens before the questions, as message keys. */
export const titleProblem = (title: string): 'leeg' | 'teLang' | null =>
  title.trim() === '' ? 'leeg' : title.trim().length > TITLE_MAX ? 'teLang' : null;

export const textProblem = (text: string): 'leeg' | 'teLang' | null =>
  text.trim() === '' ? 'leeg' : text.length > TEXT_MAX ? 'teLang' : null;

/** The screen to go back to for a problem the server found: `answers.<id>`, `title` or `text`. */
export const stepForField = (field: string, mode: Draft['mode']): string => {
  if (field.startsWith('answers.')) return `q:${field.slice('answers.'.length)}`;
  if (field === 'title') return 'title';
  if (field === 'text') return mode === 'audio' ? 'record' : 'type';
  return 'consent';
};

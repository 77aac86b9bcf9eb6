import type { TellerKind } from '@vertelpunt/domain';

export type FieldProblem = { field: string; message: string };

/** The API's limits for a recording, in seconds (CreateVertelpuntInput.maxRecordingSeconds). */
export const MIN_RECORDING_SECONDS = 30;
export const MAX_RECORDING_SECONDS = 7200;
export const DEFAULT_RECORDING_SECONDS = 900;

export type CreateVertelpuntInput = {
  name: string;
  audience: TellerKind;
  questionnaireId: string;
  wijkId?: string;
  maxRecordingSeconds: number;
};

export type UpdateVertelpuntInput = {
  name?: string;
  isOpen?: boolean;
  wijkId?: string | null;
  maxRecordingSeconds?: number;
};

export type VertelpuntMessages = {
  nameEmpty: string;
  audienceEmpty: string;
  questionnaireEmpty: string;
  durationInvalid: string;
};

type FormValues = { get(name: string): unknown };

const read = (form: FormValues, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

const isAudience = (value: string): value is TellerKind => value === 'wijkcoach' || value === 'inwoner';

/** Minutes as typed (a Dutch comma allowed) to whole seconds; null when it is not a duration we accept. */
export const secondsFromMinutes = (value: string): number | null => {
  const normalised = value.trim().replace(',', '.');
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(normalised)) return null;
  const seconds = Math.round(Number(normalised) * 60);
  return seconds >= MIN_RECORDING_SECONDS && seconds <= MAX_RECORDING_SECONDS ? seconds : null;
};

/** Seconds as minutes for a form field: "15", "0,5". */
export const minutesFromSeconds = (seconds: number): string =>
  String(Math.round((seconds / 60) * 100) / 100).replace('.', ',');

/** The create form's values, to show again when it is refused. */
export type CreateValues = {
  name: string;
  audience: string;
  questionnaireId: string;
  wijkId: string;
  minutes: string;
};

export const readCreateForm = (form: FormValues): CreateValues => ({
  name: read(form, 'name'),
  audience: read(form, 'audience'),
  questionnaireId: read(form, 'questionnaireId'),
  wijkId: read(form, 'wijkId'),
  minutes: read(form, 'minutes'),
});

export const createInputFrom = (
  values: CreateValues,
  messages: VertelpuntMessages,
): { input: CreateVertelpuntInput | null; problems: FieldProblem[] } => {
  const problems: FieldProblem[] = [];
  if (values.name === '') problems.push({ field: 'name', message: messages.nameEmpty });
  if (!isAudience(values.audience)) problems.push({ field: 'audience', message: messages.audienceEmpty });
  if (values.questionnaireId === '') problems.push({ field: 'questionnaireId', message: messages.questionnaireEmpty });
  const seconds = values.minutes === '' ? DEFAULT_RECORDING_SECONDS : secondsFromMinutes(values.minutes);
  if (seconds === null) problems.push({ field: 'maxRecordingSeconds', message: messages.durationInvalid });
  if (problems.length > 0 || seconds === null || !isAudience(values.audience)) return { input: null, problems };
  return {
    input: {
      name: values.name,
      audience: values.audience,
      questionnaireId: values.questionnaireId,
      ...(values.wijkId ? { wijkId: values.wijkId } : {}),
      maxRecordingSeconds: seconds,
    },
    problems,
  };
};

export type UpdateValues = { name: string; wijkId: string; minutes: string };

export const readUpdateForm = (form: FormValues): UpdateValues => ({
  name: read(form, 'name'),
  wijkId: read(form, 'wijkId'),
  minutes: read(form, 'minutes'),
});

export const updateInputFrom = (
  values: UpdateValues,
  messages: Pick<VertelpuntMessages, 'nameEmpty' | 'durationInvalid'>,
): { input: UpdateVertelpuntInput | null; problems: FieldProblem[] } => {
  const problems: FieldProblem[] = [];
  if (values.name === '') problems.push({ field: 'name', message: messages.nameEmpty });
  const seconds = secondsFromMinutes(values.minutes);
  if (seconds === null) problems.push({ field: 'maxRecordingSeconds', message: messages.durationInvalid });
  if (problems.length > 0 || seconds === null) return { input: null, problems };
  // An empty wijk means "all wijken": sent as null so the API clears it.
  return { input: { name: values.name, wijkId: values.wijkId || null, maxRecordingSeconds: seconds }, problems };
};

/** The public address inwoners open; the QR code holds exactly this. */
export const vertelLinkUrl = (origin: string, token: string): string =>
  `${origin.replace(/\/+$/, '')}/vertel/${encodeURIComponent(token)}`;

export type LinkStatus = 'actief' | 'ingetrokken' | 'nietNodig';

/** Wijkcoaches log in and need no link; an inwoner point without a token has had its link revoked. */
export const linkStatus = (vertelpunt: { audience: string; linkToken: string | null }): LinkStatus =>
  vertelpunt.audience !== 'inwoner' ? 'nietNodig' : vertelpunt.linkToken ? 'actief' : 'ingetrokken';

/**
 * The organisation's wijken, as far as the questionnaires show them (a wijk question lists them all).
 * Vertelpunten that already have a wijk add theirs, so a current choice is never missing.
 */
export const wijkenFrom = (
  questionnaires: readonly {
    current: { questions: readonly { type: string; options: readonly { id: string; label: string }[] }[] } | null;
  }[],
  vertelpunten: readonly { wijk: { id: string; name: string } | null }[],
): { id: string; name: string }[] => {
  const byId = new Map<string, string>();
  for (const questionnaire of questionnaires) {
    for (const question of questionnaire.current?.questions ?? []) {
      if (question.type === 'wijk') for (const option of question.options) byId.set(option.id, option.label);
    }
  }
  for (const { wijk } of vertelpunten) if (wijk) byId.set(wijk.id, wijk.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
};

/** Reading the Tafel forms: plain functions, so they are tested without a server. */
export type FieldProblem = { field: string; message: string };

export type TafelValues = { title: string; date: string; question: string; wijkId: string; facilitatorUserId: string };
export type TafelInput = {
  title: string;
  date: string;
  question: string;
  wijkId: string | null;
  facilitatorUserId: string;
};
export type InsightInput = { text: string; storyIds: string[] };
export type InterventionValues = { action: string; owner: string; status: string; dueDate: string };
export type InterventionInput = {
  action: string;
  owner: string;
  status: 'open' | 'bezig' | 'klaar';
  dueDate: string | null;
};

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export const readTafelForm = (form: FormData): TafelValues => ({
  title: text(form, 'title'),
  date: text(form, 'date'),
  question: text(form, 'question'),
  wijkId: text(form, 'wijkId'),
  facilitatorUserId: text(form, 'facilitatorUserId'),
});

export type TafelMessages = {
  titleEmpty: string;
  dateInvalid: string;
  questionEmpty: string;
  facilitatorEmpty: string;
};

/** Checks what the browser cannot; the API checks everything again. */
export const tafelInputFrom = (
  values: TafelValues,
  m: TafelMessages,
): { input: TafelInput | null; problems: FieldProblem[] } => {
  const problems: FieldProblem[] = [];
  if (values.title.trim() === '') problems.push({ field: 'title', message: m.titleEmpty });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date.trim())) problems.push({ field: 'date', message: m.dateInvalid });
  if (values.question.trim() === '') problems.push({ field: 'question', message: m.questionEmpty });
  if (values.facilitatorUserId === '') problems.push({ field: 'facilitatorUserId', message: m.facilitatorEmpty });
  if (problems.length > 0) return { input: null, problems };
  return {
    input: {
      title: values.title.trim(),
      date: values.date.trim(),
      question: values.question.trim(),
      wijkId: values.wijkId === '' ? null : values.wijkId,
      facilitatorUserId: values.facilitatorUserId,
    },
    problems,
  };
};

export const readInsightForm = (form: FormData): InsightInput => ({
  text: text(form, 'text'),
  storyIds: form.getAll('storyIds').filter((v): v is string => typeof v === 'string' && v !== ''),
});

export const INTERVENTION_STATUSES = ['open', 'bezig', 'klaar'] as const;
const isStatus = (value: string): value is InterventionInput['status'] =>
  (INTERVENTION_STATUSES as readonly string[]).includes(value);

export const readInterventionForm = (form: FormData): InterventionValues => ({
  action: text(form, 'action'),
  owner: text(form, 'owner'),
  status: text(form, 'status'),
  dueDate: text(form, 'dueDate'),
});

export const interventionInputFrom = (values: InterventionValues): InterventionInput => ({
  action: values.action,
  owner: values.owner,
  status: isStatus(values.status) ? values.status : 'open',
  dueDate: values.dueDate.trim() === '' ? null : values.dueDate.trim(),
});

/** A whole number within bounds, or null (a form field typed by hand). */
export const intFrom = (value: string, min: number, max: number): number | null => {
  if (!/^-?\d+$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
};

/** Splits Tafels into upcoming (soonest first) and past (latest first). */
export const splitByDate = <T extends { upcoming: boolean; date: string }>(
  tafels: T[],
): { upcoming: T[]; past: T[] } => ({
  upcoming: tafels.filter((t) => t.upcoming).sort((a, b) => a.date.localeCompare(b.date)),
  past: tafels.filter((t) => !t.upcoming).sort((a, b) => b.date.localeCompare(a.date)),
});

import { isIsoDate } from '../iso-date';
import type { FieldProblem } from '../errors/domain-error';
import type { Role } from '../organisations/role';

/** Where an agreed action stands; the impact view follows these over time. */
export const INTERVENTION_STATUSES = ['open', 'bezig', 'klaar'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];
export const isInterventionStatus = (value: string): value is InterventionStatus =>
  (INTERVENTION_STATUSES as readonly string[]).includes(value);

/** The print pack is made by a worker: `pending` until the PDF is stored. */
export const PRINT_PACK_STATUSES = ['none', 'pending', 'ready', 'failed'] as const;
export type PrintPackStatus = (typeof PRINT_PACK_STATUSES)[number];

/** Facilitators prepare and record Tafels; managers only read what came out. */
export const TAFEL_EDIT_ROLES: Role[] = ['facilitator', 'admin'];
export const TAFEL_READ_ROLES: Role[] = ['facilitator', 'manager', 'admin'];

/** A session has room for a limited number of stories; larger baskets make unreadable print packs. */
export const MAX_BASKET_SIZE = 40;
export const MAX_TITLE_LENGTH = 200;
export const MAX_TEXT_LENGTH = 4000;

export type TafelFields = {
  title: string;
  date: string;
  question: string;
  wijkId: string | null;
  facilitatorUserId: string;
};

/** Problems per field, in Dutch; empty when the Tafel can be saved. */
export const validateTafelFields = (fields: TafelFields): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const title = fields.title.trim();
  if (title === '') problems.push({ field: 'title', message: 'Geef de Tafel een titel.' });
  else if (title.length > MAX_TITLE_LENGTH)
    problems.push({ field: 'title', message: `De titel mag hoogstens ${MAX_TITLE_LENGTH} tekens hebben.` });
  if (!isIsoDate(fields.date)) problems.push({ field: 'date', message: 'Kies een geldige datum.' });
  const question = fields.question.trim();
  if (question === '') problems.push({ field: 'question', message: 'Schrijf het thema of de vraag van de Tafel op.' });
  else if (question.length > MAX_TEXT_LENGTH)
    problems.push({ field: 'question', message: `Het thema mag hoogstens ${MAX_TEXT_LENGTH} tekens hebben.` });
  return problems;
};

/** Upcoming includes today: a Tafel of today is still being prepared or held. */
export const isUpcoming = (date: string, today: string): boolean => date >= today;

/** Checks free text such as a note, an insight or an action; returns the trimmed text or a problem. */
export const checkText = (field: string, value: string, required: boolean, label: string): FieldProblem | null => {
  const text = value.trim();
  if (required && text === '') return { field, message: `Vul ${label} in.` };
  if (text.length > MAX_TEXT_LENGTH)
    return {
      field,
      message: `${label[0].toUpperCase()}${label.slice(1)} mag hoogstens ${MAX_TEXT_LENGTH} tekens hebben.`,
    };
  return null;
};

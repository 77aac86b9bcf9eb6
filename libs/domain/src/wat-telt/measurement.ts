import type { FieldProblem } from '../errors/domain-error';
import { isIsoDate } from '../iso-date';

export const PERSPECTIVES = ['inwoner', 'professional', 'derde'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

/** Who the optional third perspective is. */
export const THIRD_PERSPECTIVE_ROLES = ['mantelzorger', 'partner'] as const;
export type ThirdPerspectiveRole = (typeof THIRD_PERSPECTIVE_ROLES)[number];

export const GOAL_STATUSES = ['open', 'bezig', 'bereikt', 'gestopt'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const SCALE_MIN = 0;
export const SCALE_MAX = 10;
export const NOTE_MAX_LENGTH = 500;
export const GOAL_MAX_LENGTH = 300;

export type LeefgebiedPositions = { leefgebied: string; inwoner: number | null; professional: number | null; derde: number | null };
export type NewGoal = { leefgebied: string; text: string; status: GoalStatus };
export type GoalUpdate = { goalId: string; status: GoalStatus };

export type MeasurementDraft = {
  measuredOn: string;
  rapportcijfer: number;
  thirdRole: ThirdPerspectiveRole | null;
  note: string;
  positions: LeefgebiedPositions[];
  goals: NewGoal[];
  goalUpdates: GoalUpdate[];
};

export const isPerspective = (v: string): v is Perspective => (PERSPECTIVES as readonly string[]).includes(v);
export const isGoalStatus = (v: string): v is GoalStatus => (GOAL_STATUSES as readonly string[]).includes(v);
export const isThirdRole = (v: string): v is ThirdPerspectiveRole => (THIRD_PERSPECTIVE_ROLES as readonly string[]).includes(v);

/** A position on the continuous scale is stored with one decimal; 4.25 becomes 4.3. */
export const roundPosition = (value: number): number => Math.round(value * 10) / 10;

const positionProblem = (value: number | null): string | null => {
  if (value === null) return null;
  if (!Number.isFinite(value) || value < SCALE_MIN || value > SCALE_MAX) return 'Een plek op de schaal ligt tussen 0 en 10.';
  if (Math.abs(roundPosition(value) - value) > 1e-9) return 'Gebruik hooguit één cijfer achter de komma.';
  return null;
};

/**
 * Checks a measurement against the organisation's board. `today` keeps a date in the future out;
 * every problem names its field so the form can show it in place.
 */
export const measurementProblems = (draft: MeasurementDraft, boardKeys: ReadonlySet<string>, today: string): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  if (!isIsoDate(draft.measuredOn)) problems.push({ field: 'measuredOn', message: 'Vul een geldige datum in.' });
  else if (draft.measuredOn > today) problems.push({ field: 'measuredOn', message: 'De datum ligt in de toekomst.' });
  if (!Number.isInteger(draft.rapportcijfer) || draft.rapportcijfer < 1 || draft.rapportcijfer > 10) {
    problems.push({ field: 'rapportcijfer', message: 'Het rapportcijfer is een heel getal van 1 tot en met 10.' });
  }
  if (draft.note.length > NOTE_MAX_LENGTH) problems.push({ field: 'note', message: `De notitie is langer dan ${NOTE_MAX_LENGTH} tekens.` });
  if (draft.positions.length === 0) problems.push({ field: 'leefgebieden', message: 'Kies minstens één leefgebied.' });
  const seen = new Set<string>();
  for (const p of draft.positions) {
    const field = `leefgebieden.${p.leefgebied}`;
    if (!boardKeys.has(p.leefgebied)) problems.push({ field, message: 'Dit leefgebied staat niet op jullie bord.' });
    if (seen.has(p.leefgebied)) problems.push({ field, message: 'Dit leefgebied staat er twee keer in.' });
    seen.add(p.leefgebied);
    if (p.inwoner === null && p.professional === null && p.derde === null) {
      problems.push({ field, message: 'Plaats minstens één fiche op de schaal.' });
    }
    for (const perspective of PERSPECTIVES) {
      const message = positionProblem(p[perspective]);
      if (message) problems.push({ field: `${field}.${perspective}`, message });
    }
    if (p.derde !== null && draft.thirdRole === null) {
      problems.push({ field: 'thirdRole', message: 'Kies of de derde fiche van een mantelzorger of een partner is.' });
    }
  }
  draft.goals.forEach((goal, i) => {
    if (goal.text.trim() === '') problems.push({ field: `goals.${i}.text`, message: 'Beschrijf het doel.' });
    if (goal.text.length > GOAL_MAX_LENGTH) problems.push({ field: `goals.${i}.text`, message: `Een doel is hooguit ${GOAL_MAX_LENGTH} tekens.` });
    if (!boardKeys.has(goal.leefgebied)) problems.push({ field: `goals.${i}.leefgebied`, message: 'Kies een leefgebied van het bord.' });
  });
  return problems.filter((p, i, all) => all.findIndex((q) => q.field === p.field && q.message === p.message) === i);
};

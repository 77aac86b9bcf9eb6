export const PERSPECTIVE_KEYS = ['inwoner', 'professional', 'derde'] as const;
export type PerspectiveKey = (typeof PERSPECTIVE_KEYS)[number];
export const GOAL_STATUS_KEYS = ['open', 'bezig', 'bereikt', 'gestopt'] as const;
export type GoalStatusKey = (typeof GOAL_STATUS_KEYS)[number];
/** Empty goal rows on a board form: enough for one conversation, more can be added on the next. */
export const NEW_GOAL_ROWS = 2;

export type FieldProblem = { field: string; message: string };

export type BoardInput = {
  measuredOn: string;
  rapportcijfer: number;
  thirdRole: 'mantelzorger' | 'partner' | null;
  note: string;
  leefgebieden: { leefgebied: string; inwoner: number | null; professional: number | null; derde: number | null }[];
  goals: { leefgebied: string; text: string; status: GoalStatusKey }[];
  goalUpdates: { goalId: string; status: GoalStatusKey }[];
};

/** What the form shows again after a refusal: exactly what was typed. */
export type BoardValues = {
  datum: string;
  rapportcijfer: string;
  derdeRol: string;
  notitie: string;
  chosen: string[];
  positions: Record<string, Record<PerspectiveKey, string>>;
  goals: { tekst: string; leefgebied: string; status: string }[];
  goalUpdates: Record<string, string>;
};

export type BoardMessages = { positionInvalid: string; rapportcijferInvalid: string; dateInvalid: string };

/** "4,5", "4.5" and " 4 " are positions; empty is no chip; anything else is invalid. */
export const parsePosition = (raw: string): number | null | 'invalid' => {
  const value = raw.trim().replace(',', '.');
  if (value === '') return null;
  if (!/^\d{1,2}(\.\d)?$/.test(value)) return 'invalid';
  const number = Number(value);
  return number >= 0 && number <= 10 ? number : 'invalid';
};

/** One decimal, with the locale's decimal sign. */
export const formatPosition = (value: number, locale: 'nl' | 'en' = 'nl'): string => {
  const text = value.toFixed(1);
  return locale === 'nl' ? text.replace('.', ',') : text;
};

const clamp = (value: number) => Math.min(10, Math.max(0, Math.round(value * 10) / 10));

/** The slider keys of WAI-ARIA: arrows move 0.1, Page Up/Down a whole point, Home/End to the ends. */
export const nextPosition = (value: number, key: string): number | null => {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(value + 0.1);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(value - 0.1);
    case 'PageUp':
      return clamp(value + 1);
    case 'PageDown':
      return clamp(value - 1);
    case 'Home':
      return 0;
    case 'End':
      return 10;
    default:
      return null;
  }
};

/** Where a pointer at `x` puts a chip on a track that starts at `left` and is `width` wide. */
export const positionFromPointer = (x: number, left: number, width: number): number =>
  width <= 0 ? 0 : clamp(((x - left) / width) * 10);

type FormValues = { get(name: string): unknown; getAll(name: string): unknown[] };

const text = (form: FormValues, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

const isGoalStatus = (value: string): value is GoalStatusKey => (GOAL_STATUS_KEYS as readonly string[]).includes(value);

/**
 * Reads a board form (with or without JavaScript, the field names are the same). Problems here are
 * only about reading; the API checks the rest and its messages are shown per field.
 */
export const readBoardForm = (
  form: FormValues,
  leefgebiedKeys: readonly string[],
  goalIds: readonly string[],
  messages: BoardMessages,
): { values: BoardValues; input: BoardInput | null; problems: FieldProblem[] } => {
  const chosen = form.getAll('kies').filter((v): v is string => typeof v === 'string' && leefgebiedKeys.includes(v));
  const positions: BoardValues['positions'] = {};
  for (const key of leefgebiedKeys) {
    positions[key] = { inwoner: text(form, `p.${key}.inwoner`), professional: text(form, `p.${key}.professional`), derde: text(form, `p.${key}.derde`) };
  }
  const goals = Array.from({ length: NEW_GOAL_ROWS }, (_, i) => ({
    tekst: text(form, `doel.${i}.tekst`),
    leefgebied: text(form, `doel.${i}.leefgebied`),
    status: text(form, `doel.${i}.status`) || 'open',
  }));
  const goalUpdates = Object.fromEntries(goalIds.map((id) => [id, text(form, `doelstatus.${id}`)]));
  const values: BoardValues = {
    datum: text(form, 'datum'),
    rapportcijfer: text(form, 'rapportcijfer'),
    derdeRol: text(form, 'derdeRol'),
    notitie: text(form, 'notitie'),
    chosen,
    positions,
    goals,
    goalUpdates,
  };

  const problems: FieldProblem[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.datum)) problems.push({ field: 'measuredOn', message: messages.dateInvalid });
  const rapportcijfer = Number(values.rapportcijfer);
  if (!/^\d{1,2}$/.test(values.rapportcijfer) || rapportcijfer < 1 || rapportcijfer > 10) {
    problems.push({ field: 'rapportcijfer', message: messages.rapportcijferInvalid });
  }
  const leefgebieden = chosen.map((leefgebied) => {
    const read = (perspective: PerspectiveKey) => {
      const parsed = parsePosition(positions[leefgebied][perspective]);
      if (parsed === 'invalid') {
        problems.push({ field: `leefgebieden.${leefgebied}.${perspective}`, message: messages.positionInvalid });
        return null;
      }
      return parsed;
    };
    return { leefgebied, inwoner: read('inwoner'), professional: read('professional'), derde: read('derde') };
  });
  if (problems.length > 0) return { values, input: null, problems };
  const role = values.derdeRol;
  return {
    values,
    problems,
    input: {
      measuredOn: values.datum,
      rapportcijfer,
      thirdRole: role === 'mantelzorger' || role === 'partner' ? role : null,
      note: values.notitie,
      leefgebieden,
      goals: goals
        .filter((g) => g.tekst !== '')
        .map((g) => ({ leefgebied: g.leefgebied, text: g.tekst, status: isGoalStatus(g.status) ? g.status : 'open' })),
      goalUpdates: Object.entries(goalUpdates).flatMap(([goalId, status]) => (isGoalStatus(status) ? [{ goalId, status }] : [])),
    },
  };
};

/** API fields (`goals.0.text`) use the same numbering as the form's goal rows. */
export const problemFor = (problems: readonly FieldProblem[], field: string): string | undefined =>
  problems.find((p) => p.field === field)?.message;

import { clientCodeProblems, normaliseClientCode } from './client-code';
import { isIsoDate } from '../iso-date';
import { parseCsv } from './csv';
import {
  GOAL_MAX_LENGTH,
  isGoalStatus,
  isThirdRole,
  NOTE_MAX_LENGTH,
  type GoalStatus,
  type LeefgebiedPositions,
  type MeasurementDraft,
  type ThirdPerspectiveRole,
} from './measurement';
import type { WatTeltLeefgebied } from './leefgebieden';

/** The template's columns, in order; documented in docs/wat-telt-import.md. */
export const IMPORT_COLUMNS = [
  'clientcode',
  'datum',
  'wijk',
  'team',
  'rapportcijfer',
  'leefgebied',
  'inwoner',
  'professional',
  'derde',
  'derde_rol',
  'doel',
  'doel_status',
  'notitie',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: Column[] = ['clientcode', 'datum', 'rapportcijfer', 'leefgebied'];

export const IMPORT_MAX_ROWS = 5000;

export type ImportContext = {
  leefgebieden: readonly WatTeltLeefgebied[];
  wijken: readonly { id: string; name: string }[];
  today: string;
  /** `CODE|jjjj-mm-dd` of conversations already stored, so importing a file twice does not double them. */
  existing?: ReadonlySet<string>;
};

export const measurementKey = (clientCode: string, measuredOn: string) => `${normaliseClientCode(clientCode)}|${measuredOn}`;

/** The normalised client codes a file mentions, to look up what is already stored before validating. */
export const clientCodesIn = (text: string): string[] => {
  const [header, ...body] = parseCsv(text);
  const at = (header ?? []).map((h) => h.trim().toLowerCase()).indexOf('clientcode');
  return at === -1 ? [] : [...new Set(body.map((cells) => normaliseClientCode(cells[at] ?? '')).filter((c) => c !== ''))];
};

export type ImportRowReport = { line: number; clientCode: string; measuredOn: string; problems: string[] };

/** One measurement built from the valid rows with the same client code and date. */
export type ImportedMeasurement = { clientCode: string; wijkId: string | null; team: string | null; lines: number[]; draft: MeasurementDraft };

export type ImportValidation = { fileProblems: string[]; rows: ImportRowReport[]; measurements: ImportedMeasurement[] };

type ParsedRow = {
  line: number;
  clientCode: string;
  measuredOn: string;
  wijkId: string | null;
  team: string | null;
  rapportcijfer: number;
  positions: LeefgebiedPositions;
  thirdRole: ThirdPerspectiveRole | null;
  goal: { text: string; status: GoalStatus } | null;
  note: string;
};

/** "4,5" and "4.5" are both four and a half; empty is no chip. */
const readNumber = (raw: string): number | null | 'invalid' => {
  const value = raw.trim().replace(',', '.');
  if (value === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(value)) return 'invalid';
  return Number(value);
};

/** A d-m-yyyy date (Dutch spreadsheets) becomes yyyy-mm-dd; yyyy-mm-dd stays. */
const readDate = (raw: string): string | null => {
  const value = raw.trim();
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value);
  const iso = dutch ? `${dutch[3]}-${dutch[2].padStart(2, '0')}-${dutch[1].padStart(2, '0')}` : value;
  return isIsoDate(iso) ? iso : null;
};

/**
 * Reads an import file and reports per row, in Dutch. Only rows without problems end up in
 * `measurements`; whether those are imported when other rows have problems is the caller's choice.
 */
export const validateImport = (text: string, context: ImportContext): ImportValidation => {
  const [header, ...body] = parseCsv(text).filter((r) => r.some((cell) => cell.trim() !== ''));
  if (!header) return { fileProblems: ['Het bestand is leeg.'], rows: [], measurements: [] };
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    return { fileProblems: [`Deze kolommen ontbreken: ${missing.join(', ')}. Gebruik het sjabloon.`], rows: [], measurements: [] };
  }
  if (body.length > IMPORT_MAX_ROWS) {
    return { fileProblems: [`Het bestand heeft meer dan ${IMPORT_MAX_ROWS} rijen. Splits het in kleinere bestanden.`], rows: [], measurements: [] };
  }
  const index = new Map(names.map((n, i) => [n, i]));
  const leefgebiedByName = new Map(context.leefgebieden.flatMap((l) => [[l.key, l.key], [l.label.toLowerCase(), l.key]] as const));
  const wijkByName = new Map(context.wijken.map((w) => [w.name.toLowerCase(), w.id]));

  const reports: ImportRowReport[] = [];
  const parsed: ParsedRow[] = [];
  body.forEach((cells, i) => {
    const line = i + 2; // the header is line 1
    const cell = (c: Column) => (index.has(c) ? (cells[index.get(c)!] ?? '').trim() : '');
    const problems: string[] = [];
    const code = cell('clientcode');
    problems.push(...clientCodeProblems(code).map((p) => p.message));
    const measuredOn = readDate(cell('datum'));
    if (!measuredOn) problems.push('De datum is niet te lezen; gebruik jjjj-mm-dd of dd-mm-jjjj.');
    else if (measuredOn > context.today) problems.push('De datum ligt in de toekomst.');
    else if (code !== '' && context.existing?.has(measurementKey(code, measuredOn))) {
      problems.push('Er is al een gesprek van deze cliënt op deze datum; is dit bestand al eens geïmporteerd?');
    }
    const wijkName = cell('wijk');
    const wijkId = wijkName === '' ? null : (wijkByName.get(wijkName.toLowerCase()) ?? null);
    if (wijkName !== '' && !wijkId) problems.push(`De wijk "${wijkName}" bestaat niet bij jullie organisatie.`);
    const rapport = readNumber(cell('rapportcijfer'));
    if (rapport === null || rapport === 'invalid' || !Number.isInteger(rapport) || rapport < 1 || rapport > 10) {
      problems.push('Het rapportcijfer moet een heel getal van 1 tot en met 10 zijn.');
    }
    const leefgebiedName = cell('leefgebied');
    const leefgebied = leefgebiedByName.get(leefgebiedName.toLowerCase());
    if (!leefgebied) problems.push(`Het leefgebied "${leefgebiedName}" staat niet op jullie bord.`);
    const position = (c: 'inwoner' | 'professional' | 'derde') => {
      const value = readNumber(cell(c));
      if (value === 'invalid' || (value !== null && (value < 0 || value > 10 || Math.round(value * 10) !== value * 10))) {
        problems.push(`De plek van ${c === 'derde' ? 'de derde fiche' : `de ${c}`} moet tussen 0 en 10 liggen, met hooguit één decimaal.`);
        return null;
      }
      return value;
    };
    const positions = { leefgebied: leefgebied ?? '', inwoner: position('inwoner'), professional: position('professional'), derde: position('derde') };
    if (positions.inwoner === null && positions.professional === null && positions.derde === null && cell('inwoner') + cell('professional') + cell('derde') === '') {
      problems.push('Vul minstens één plek in: inwoner, professional of derde.');
    }
    const roleRaw = cell('derde_rol').toLowerCase();
    const thirdRole = roleRaw === '' ? null : isThirdRole(roleRaw) ? roleRaw : 'invalid';
    if (thirdRole === 'invalid') problems.push('De rol van de derde is mantelzorger of partner.');
    if (positions.derde !== null && thirdRole === null) problems.push('Vul bij een derde fiche ook derde_rol in (mantelzorger of partner).');
    const goalText = cell('doel');
    const statusRaw = cell('doel_status').toLowerCase() || 'open';
    if (goalText !== '' && !isGoalStatus(statusRaw)) problems.push('De status van het doel is open, bezig, bereikt of gestopt.');
    if (goalText.length > GOAL_MAX_LENGTH) problems.push(`Het doel is langer dan ${GOAL_MAX_LENGTH} tekens.`);
    const note = cell('notitie');
    if (note.length > NOTE_MAX_LENGTH) problems.push(`De notitie is langer dan ${NOTE_MAX_LENGTH} tekens.`);
    const team = cell('team');
    if (team.length > 80) problems.push('De teamnaam is langer dan 80 tekens.');

    reports.push({ line, clientCode: code, measuredOn: measuredOn ?? cell('datum'), problems });
    if (problems.length === 0) {
      parsed.push({
        line,
        clientCode: normaliseClientCode(code),
        measuredOn: measuredOn!,
        wijkId,
        team: team === '' ? null : team,
        rapportcijfer: rapport as number,
        positions,
        thirdRole: thirdRole === 'invalid' ? null : thirdRole,
        goal: goalText === '' ? null : { text: goalText, status: statusRaw as GoalStatus },
        note,
      });
    }
  });

  // Rows of one measurement must agree with its first valid row.
  const groups = new Map<string, ParsedRow[]>();
  for (const row of parsed) {
    const key = `${row.clientCode}|${row.measuredOn}`;
    const group = groups.get(key) ?? [];
    const first = group[0];
    const report = reports.find((r) => r.line === row.line)!;
    if (first && first.rapportcijfer !== row.rapportcijfer) report.problems.push(`Het rapportcijfer wijkt af van regel ${first.line} van dezelfde meting.`);
    if (group.some((g) => g.positions.leefgebied === row.positions.leefgebied)) report.problems.push('Dit leefgebied staat al in een eerdere regel van dezelfde meting.');
    if (report.problems.length === 0) groups.set(key, [...group, row]);
  }

  const measurements = [...groups.values()].map((rows): ImportedMeasurement => ({
    clientCode: rows[0].clientCode,
    wijkId: rows.find((r) => r.wijkId)?.wijkId ?? null,
    team: rows.find((r) => r.team)?.team ?? null,
    lines: rows.map((r) => r.line),
    draft: {
      measuredOn: rows[0].measuredOn,
      rapportcijfer: rows[0].rapportcijfer,
      thirdRole: rows.find((r) => r.thirdRole)?.thirdRole ?? null,
      note: rows.map((r) => r.note).filter((n) => n !== '').join(' ').slice(0, NOTE_MAX_LENGTH),
      positions: rows.map((r) => r.positions),
      goals: rows.flatMap((r) => (r.goal ? [{ leefgebied: r.positions.leefgebied, ...r.goal }] : [])),
      goalUpdates: [],
    },
  }));
  return { fileProblems: [], rows: reports, measurements };
};

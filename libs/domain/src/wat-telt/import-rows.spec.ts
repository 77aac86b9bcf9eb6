import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_WAT_TELT_LEEFGEBIEDEN } from './leefgebieden';
import { parseCsv } from './csv';
import { clientCodesIn, validateImport } from './import-rows';

const context = { leefgebieden: DEFAULT_WAT_TELT_LEEFGEBIEDEN, wijken: [{ id: 'w-noord', name: 'Noord' }], today: '2026-11-23' };
const HEADER = 'clientcode;datum;wijk;team;rapportcijfer;leefgebied;inwoner;professional;derde;derde_rol;doel;doel_status;notitie';

describe('parseCsv', () => {
  it('reads quoted fields with the delimiter, quotes and line breaks inside', () => {
    expect(parseCsv('a;b\r\n"x;y";"zeg ""hoi""\nok"\n')).toEqual([['a', 'b'], ['x;y', 'zeg "hoi"\nok']]);
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('validateImport', () => {
  it('groups rows of one client and date into one measurement, with Dutch decimals and dates', () => {
    const result = validateImport(
      [HEADER, 'nrd-1;10-01-2026;Noord;Team A;6;financien;4,5;5;;;Schulden op een rij;bezig;eerste gesprek', 'NRD-1;2026-01-10;;;6;Wonen;7;;6;partner;;;'].join('\n'),
      context,
    );
    expect(result.rows.map((r) => r.problems)).toEqual([[], []]);
    expect(result.measurements).toEqual([
      {
        clientCode: 'NRD-1',
        wijkId: 'w-noord',
        team: 'Team A',
        lines: [2, 3],
        draft: {
          measuredOn: '2026-01-10',
          rapportcijfer: 6,
          thirdRole: 'partner',
          note: 'eerste gesprek',
          positions: [
            { leefgebied: 'financien', inwoner: 4.5, professional: 5, derde: null },
            { leefgebied: 'wonen', inwoner: 7, professional: null, derde: 6 },
          ],
          goals: [{ leefgebied: 'financien', text: 'Schulden op een rij', status: 'bezig' }],
          goalUpdates: [],
        },
      },
    ]);
  });

  it('reports every problem of a row in Dutch and keeps only the good rows', () => {
    const result = validateImport(
      [
        HEADER,
        '111222333;2026-01-10;;;6;financien;4;;;;;;',
        'NRD-2;31-02-2026;Oost;;11;maan;12;4,25;;;;;',
        'NRD-3;2026-01-10;;;7;wonen;;;3;;;;',
        'NRD-4;2026-01-10;;;7;wonen;5;;;;;;',
        'NRD-4;2026-01-10;;;8;financien;5;;;;;;',
      ].join('\n'),
      context,
    );
    const problems = Object.fromEntries(result.rows.map((r) => [r.line, r.problems]));
    expect(problems[2]).toEqual([expect.stringContaining('BSN')]);
    expect(problems[3]).toEqual([
      expect.stringContaining('datum is niet te lezen'),
      'De wijk "Oost" bestaat niet bij jullie organisatie.',
      expect.stringContaining('rapportcijfer'),
      'Het leefgebied "maan" staat niet op jullie bord.',
      expect.stringContaining('de inwoner moet tussen 0 en 10'),
      expect.stringContaining('de professional moet tussen 0 en 10'),
    ]);
    expect(problems[4]).toEqual([expect.stringContaining('derde_rol')]);
    expect(problems[5]).toEqual([]);
    expect(problems[6]).toEqual(['Het rapportcijfer wijkt af van regel 5 van dezelfde meting.']);
    expect(result.measurements.map((m) => [m.clientCode, m.lines])).toEqual([['NRD-4', [5]]]);
  });

  it('accepts the documented example file (docs/wat-telt-import-voorbeeld.csv)', () => {
    const example = readFileSync(path.resolve(__dirname, '../../../../docs/wat-telt-import-voorbeeld.csv'), 'utf8');
    const result = validateImport(example, { ...context, wijken: [{ id: 'w-noord', name: 'Noord' }] });
    expect(result.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(result.measurements.map((m) => [m.clientCode, m.draft.measuredOn, m.draft.positions.length])).toEqual([
      ['NRD-0042', '2026-01-15', 2],
      ['NRD-0042', '2026-04-01', 1],
      ['ZLD-0007', '2026-02-03', 1],
    ]);
    expect(result.measurements[2].draft.goals[0].text).toBe('Naar de koffieochtend; samen met de buurvrouw');
  });

  it('refuses a conversation that is already stored, so a file imported twice does not double', () => {
    const text = [HEADER, 'nrd-1;2026-01-10;;;6;wonen;4;;;;;;', 'NRD-1;2026-02-10;;;6;wonen;5;;;;;;'].join('\n');
    expect(clientCodesIn(text)).toEqual(['NRD-1']);
    const result = validateImport(text, { ...context, existing: new Set(['NRD-1|2026-01-10']) });
    expect(result.rows.map((r) => r.problems)).toEqual([[expect.stringContaining('al een gesprek')], []]);
  });

  it('refuses a file without the required columns', () => {
    expect(validateImport('code;datum\nNRD-1;2026-01-01', context).fileProblems).toEqual([
      'Deze kolommen ontbreken: clientcode, rapportcijfer, leefgebied. Gebruik het sjabloon.',
    ]);
  });
});

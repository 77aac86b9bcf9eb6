import { measurementProblems, roundPosition, type MeasurementDraft } from './measurement';

const board = new Set(['financien', 'wonen']);
const draft = (overrides: Partial<MeasurementDraft> = {}): MeasurementDraft => ({
  measuredOn: '2026-03-01',
  rapportcijfer: 6,
  thirdRole: null,
  note: '',
  positions: [{ leefgebied: 'financien', inwoner: 4.5, professional: 5, derde: null }],
  goals: [],
  goalUpdates: [],
  ...overrides,
});
const fields = (d: MeasurementDraft) => measurementProblems(d, board, '2026-11-23').map((p) => p.field);

describe('measurementProblems', () => {
  it('accepts a measurement on the board with one decimal', () => {
    expect(fields(draft())).toEqual([]);
  });

  it('refuses positions outside 0–10 or with two decimals, per perspective', () => {
    expect(fields(draft({ positions: [{ leefgebied: 'financien', inwoner: 10.1, professional: 4.25, derde: null }] }))).toEqual([
      'leefgebieden.financien.inwoner',
      'leefgebieden.financien.professional',
    ]);
  });

  it('refuses a rapportcijfer outside 1–10, a future date and an unknown leefgebied', () => {
    expect(fields(draft({ rapportcijfer: 0, measuredOn: '2026-12-01', positions: [{ leefgebied: 'maan', inwoner: 3, professional: null, derde: null }] }))).toEqual([
      'measuredOn',
      'rapportcijfer',
      'leefgebieden.maan',
    ]);
  });

  it('asks who the third chip belongs to, and for at least one chip', () => {
    expect(fields(draft({ positions: [{ leefgebied: 'wonen', inwoner: null, professional: null, derde: 3 }] }))).toEqual(['thirdRole']);
    expect(fields(draft({ positions: [{ leefgebied: 'wonen', inwoner: null, professional: null, derde: null }] }))).toEqual(['leefgebieden.wonen']);
    expect(fields(draft({ positions: [] }))).toEqual(['leefgebieden']);
  });

  it('rounds a dragged position to one decimal', () => {
    expect(roundPosition(4.25)).toBe(4.3);
    expect(roundPosition(7.04)).toBe(7);
  });
});

import { clientCodeProblems } from '../wat-telt/client-code';
import { DEFAULT_WAT_TELT_LEEFGEBIEDEN } from '../wat-telt/leefgebieden';
import { measurementProblems } from '../wat-telt/measurement';
import { buildDemoWatTelt } from './demo-wat-telt';

describe('demo Wat telt registrations', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  const wijken = ['noord', 'zuid', 'oost', 'west', 'centrum'];
  const measurements = buildDemoWatTelt(wijken, now);
  const keys = new Set(DEFAULT_WAT_TELT_LEEFGEBIEDEN.map((l) => l.key));

  it('are valid boards with valid pseudonymous codes, in the past', () => {
    for (const m of measurements) {
      expect(clientCodeProblems(m.clientCode)).toEqual([]);
      expect(measurementProblems(m.draft, keys, '2026-11-23')).toEqual([]);
    }
  });

  it('give every client a follow-up, most of them a change, and one wijk too few clients to show figures', () => {
    const perClient = new Map<string, number>();
    for (const m of measurements) perClient.set(m.clientCode, (perClient.get(m.clientCode) ?? 0) + 1);
    expect([...perClient.values()].every((n) => n >= 2)).toBe(true);
    expect(perClient.size).toBe(48);
    const clientsIn = (wijk: string) => new Set(measurements.filter((m) => m.wijkId === wijk).map((m) => m.clientCode)).size;
    expect(clientsIn('centrum')).toBeLessThan(10);
    expect(clientsIn('noord')).toBeGreaterThanOrEqual(10);
  });

  it('are the same on every start', () => {
    expect(buildDemoWatTelt(wijken, now)).toEqual(measurements);
  });
});

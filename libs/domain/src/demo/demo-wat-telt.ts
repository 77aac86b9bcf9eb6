import type { ImportedMeasurement } from '../wat-telt/import-rows';
import { DEFAULT_WAT_TELT_LEEFGEBIEDEN } from '../wat-telt/leefgebieden';
import type { LeefgebiedPositions } from '../wat-telt/measurement';

const DAY_MS = 86_400_000;
const GOAL_TEXTS: Record<string, string> = {
  financien: 'Overzicht in de post en een betalingsregeling',
  wonen: 'De huurachterstand oplossen',
  'sociale-contacten': 'Eén keer per week naar de inloop',
  'lichamelijke-gezondheid': 'Weer naar de huisarts durven',
  'werk-en-dagbesteding': 'Vrijwilligerswerk zoeken',
};

/** A small deterministic generator, so every demo start shows the same figures. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const oneDecimal = (n: number) => Math.round(Math.min(10, Math.max(0, n)) * 10) / 10;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Wat telt demo registrations: `count` pseudonymous clients spread over the wijken and two teams, each with a first
 * board and one or two follow-ups; most improve a little, some stay the same, a few decline — so /impact has figures
 * above the small-group threshold, and one wijk with few clients shows "te weinig gegevens".
 */
export const buildDemoWatTelt = (wijkIds: string[], now: number, count = 48): ImportedMeasurement[] => {
  const next = random(20261123);
  const keys = DEFAULT_WAT_TELT_LEEFGEBIEDEN.map((l) => l.key);
  const out: ImportedMeasurement[] = [];
  for (let i = 0; i < count; i++) {
    // The last wijk gets only a handful of clients: too few to show figures for.
    const wijkId = wijkIds.length > 1 && i % 12 === 11 ? wijkIds[wijkIds.length - 1] : wijkIds[i % Math.max(1, wijkIds.length - 1)];
    const team = i % 2 === 0 ? 'Team Noord' : 'Team Zuid';
    const chosen = keys.filter(() => next() < 0.4).slice(0, 6);
    const leefgebieden = chosen.length >= 3 ? chosen : keys.slice(0, 3);
    const trend = next() < 0.7 ? 1 : next() < 0.6 ? 0 : -1;
    const start = now - (240 + Math.floor(next() * 90)) * DAY_MS;
    const visits = next() < 0.5 ? 3 : 2;
    const base = new Map(leefgebieden.map((k) => [k, 2 + next() * 5]));
    const cijfer = 4 + Math.floor(next() * 3);
    for (let v = 0; v < visits; v++) {
      const step = v * trend;
      const positions: LeefgebiedPositions[] = leefgebieden.map((k) => {
        const inwoner = oneDecimal(base.get(k)! + step * (0.6 + next() * 1.2) + (next() - 0.5) * 0.4);
        return { leefgebied: k, inwoner, professional: oneDecimal(inwoner + (next() - 0.5) * 1.6), derde: null };
      });
      out.push({
        clientCode: `VB-${String(i + 1).padStart(4, '0')}`,
        wijkId,
        team,
        lines: [],
        draft: {
          measuredOn: isoDay(start + v * (80 + Math.floor(next() * 40)) * DAY_MS),
          rapportcijfer: Math.min(10, Math.max(1, cijfer + step)),
          thirdRole: null,
          note: v === 0 ? 'Eerste gesprek met het Wat telt-bord.' : 'Vervolggesprek: het vorige bord lag ernaast.',
          positions,
          goals: v === 0 ? leefgebieden.filter((k) => GOAL_TEXTS[k]).slice(0, 2).map((k) => ({ leefgebied: k, text: GOAL_TEXTS[k], status: 'open' as const })) : [],
          goalUpdates: [],
        },
      });
    }
  }
  return out;
};

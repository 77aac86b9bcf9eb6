import { describe, expect, it } from 'vitest';
import {
  interventionInputFrom,
  intFrom,
  readInsightForm,
  readTafelForm,
  splitByDate,
  tafelInputFrom,
} from './tafel-form';

const messages = { titleEmpty: 'titel', dateInvalid: 'datum', questionEmpty: 'vraag', facilitatorEmpty: 'facilitator' };
const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

describe('tafel form', () => {
  it('turns a filled-in form into input, with an empty wijk as none', () => {
    const values = readTafelForm(
      form([
        ['title', ' Tafel '],
        ['date', '2026-12-03'],
        ['question', 'Vraag'],
        ['wijkId', ''],
        ['facilitatorUserId', 'u1'],
      ]),
    );
    expect(tafelInputFrom(values, messages)).toEqual({
      input: { title: 'Tafel', date: '2026-12-03', question: 'Vraag', wijkId: null, facilitatorUserId: 'u1' },
      problems: [],
    });
  });

  it('names every empty field', () => {
    const { input, problems } = tafelInputFrom(readTafelForm(form([])), messages);
    expect(input).toBeNull();
    expect(problems.map((p) => p.field)).toEqual(['title', 'date', 'question', 'facilitatorUserId']);
  });

  it('reads the chosen stories of an insight and the status of an intervention', () => {
    expect(
      readInsightForm(
        form([
          ['text', 'x'],
          ['storyIds', 'a'],
          ['storyIds', 'b'],
        ]),
      ),
    ).toEqual({ text: 'x', storyIds: ['a', 'b'] });
    expect(interventionInputFrom({ action: 'a', owner: 'o', status: 'gek', dueDate: ' ' })).toEqual({
      action: 'a',
      owner: 'o',
      status: 'open',
      dueDate: null,
    });
    expect(interventionInputFrom({ action: 'a', owner: 'o', status: 'klaar', dueDate: '2026-12-01' }).status).toBe(
      'klaar',
    );
  });

  it('reads whole numbers within bounds only', () => {
    expect(intFrom('5', 1, 20)).toBe(5);
    expect(intFrom('0', 1, 20)).toBeNull();
    expect(intFrom('2.5', 1, 20)).toBeNull();
    expect(intFrom('', 1, 20)).toBeNull();
  });

  it('lists upcoming Tafels soonest first and past ones latest first', () => {
    const t = (date: string, upcoming: boolean) => ({ date, upcoming });
    expect(
      splitByDate([t('2026-01-01', false), t('2027-02-01', true), t('2026-12-01', true), t('2026-03-01', false)]),
    ).toEqual({
      upcoming: [t('2026-12-01', true), t('2027-02-01', true)],
      past: [t('2026-03-01', false), t('2026-01-01', false)],
    });
  });
});

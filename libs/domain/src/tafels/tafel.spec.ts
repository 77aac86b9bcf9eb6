import { isIsoDate } from '../iso-date';
import { checkText, isUpcoming, validateTafelFields } from './tafel';

const valid = {
  title: 'Tafel Schulden',
  date: '2026-12-03',
  question: 'Wat helpt bij schulden?',
  wijkId: null,
  facilitatorUserId: 'u1',
};

describe('validateTafelFields', () => {
  it('accepts a complete Tafel', () => {
    expect(validateTafelFields(valid)).toEqual([]);
  });

  it('names every missing or wrong field in Dutch', () => {
    const problems = validateTafelFields({ ...valid, title: '  ', date: '2026-02-30', question: '' });
    expect(problems.map((p) => p.field)).toEqual(['title', 'date', 'question']);
    expect(problems[0].message).toMatch(/titel/);
  });
});

describe('dates and text', () => {
  it('knows real calendar dates', () => {
    expect(isIsoDate('2026-11-23')).toBe(true);
    expect(isIsoDate('23-11-2026')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
  });

  it('counts today as upcoming', () => {
    expect(isUpcoming('2026-11-23', '2026-11-23')).toBe(true);
    expect(isUpcoming('2026-11-22', '2026-11-23')).toBe(false);
  });

  it('refuses empty required text and over-long text', () => {
    expect(checkText('text', ' ', true, 'het inzicht')?.message).toBe('Vul het inzicht in.');
    expect(checkText('note', '', false, 'de notitie')).toBeNull();
    expect(checkText('note', 'x'.repeat(5000), false, 'de notitie')?.message).toMatch(/^De notitie mag/);
  });
});

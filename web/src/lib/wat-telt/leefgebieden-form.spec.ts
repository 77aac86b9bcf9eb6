import { describe, expect, it } from 'vitest';
import { keyFor, parseLines, toLines } from './leefgebieden-form';

describe('the leefgebieden list of an organisation', () => {
  it('makes keys without accents or spaces', () => {
    expect(keyFor('Financiën & schulden')).toBe('financien-schulden');
    expect(keyFor('  Werk  ')).toBe('werk');
  });

  it('keeps a given key when the name changes, and makes one for a new name', () => {
    expect(parseLines('financien = Geld en schulden\n\nMeedoen in de buurt')).toEqual({
      leefgebieden: [
        { key: 'financien', label: 'Geld en schulden' },
        { key: 'meedoen-in-de-buurt', label: 'Meedoen in de buurt' },
      ],
      problems: [],
    });
  });

  it('refuses a repeated key and an empty list', () => {
    expect(parseLines('Wonen\nwonen = Thuis').problems).toEqual(['Regel 2: "wonen" staat er al.']);
    expect(parseLines(' \n').problems).toEqual(['Geef minstens één leefgebied.']);
  });

  it('writes a list back as lines that read the same', () => {
    const list = [{ key: 'wonen', label: 'Wonen' }];
    expect(parseLines(toLines(list)).leefgebieden).toEqual(list);
  });
});

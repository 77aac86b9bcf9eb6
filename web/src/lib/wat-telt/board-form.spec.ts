import { describe, expect, it } from 'vitest';
import { formatPosition, nextPosition, parsePosition, positionFromPointer, readBoardForm } from './board-form';

const messages = { positionInvalid: 'plek', rapportcijferInvalid: 'cijfer', dateInvalid: 'datum' };
const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [k, v] of entries) form.append(k, v);
  return form;
};

describe('positions on the scale', () => {
  it('reads Dutch and English decimals and refuses the rest', () => {
    expect(parsePosition('4,5')).toBe(4.5);
    expect(parsePosition(' 7 ')).toBe(7);
    expect(parsePosition('')).toBeNull();
    expect(parsePosition('10,5')).toBe('invalid');
    expect(parsePosition('4,25')).toBe('invalid');
    expect(parsePosition('veel')).toBe('invalid');
  });

  it('writes one decimal with a comma in Dutch', () => {
    expect(formatPosition(4)).toBe('4,0');
    expect(formatPosition(6.5, 'en')).toBe('6.5');
  });

  it('moves by 0.1 with the arrows, by 1 with Page Up/Down, and stays within 0–10', () => {
    expect(nextPosition(5, 'ArrowRight')).toBe(5.1);
    expect(nextPosition(0.3, 'ArrowLeft')).toBe(0.2);
    expect(nextPosition(0, 'ArrowDown')).toBe(0);
    expect(nextPosition(9.95, 'ArrowUp')).toBe(10);
    expect(nextPosition(4.2, 'PageUp')).toBe(5.2);
    expect(nextPosition(4.2, 'Home')).toBe(0);
    expect(nextPosition(4.2, 'End')).toBe(10);
    expect(nextPosition(4.2, 'Enter')).toBeNull();
  });

  it('turns a pointer position into a position with one decimal', () => {
    expect(positionFromPointer(150, 100, 200)).toBe(2.5);
    expect(positionFromPointer(50, 100, 200)).toBe(0);
    expect(positionFromPointer(333, 100, 200)).toBe(10);
  });
});

describe('readBoardForm', () => {
  it('reads chosen leefgebieden, chips, new goals and goal updates', () => {
    const { input, problems } = readBoardForm(
      formOf([
        ['datum', '2026-03-01'],
        ['rapportcijfer', '6'],
        ['derdeRol', 'partner'],
        ['notitie', ' Goed gesprek '],
        ['kies', 'financien'],
        ['p.financien.inwoner', '4,5'],
        ['p.financien.professional', '5'],
        ['p.financien.derde', '3'],
        ['p.wonen.inwoner', '9'],
        ['doel.0.tekst', 'Post openen'],
        ['doel.0.leefgebied', 'financien'],
        ['doel.0.status', 'bezig'],
        ['doelstatus.g1', 'bereikt'],
      ]),
      ['financien', 'wonen'],
      ['g1'],
      messages,
    );
    expect(problems).toEqual([]);
    expect(input).toEqual({
      measuredOn: '2026-03-01',
      rapportcijfer: 6,
      thirdRole: 'partner',
      note: 'Goed gesprek',
      // wonen was not chosen: its chip is ignored
      leefgebieden: [{ leefgebied: 'financien', inwoner: 4.5, professional: 5, derde: 3 }],
      goals: [{ leefgebied: 'financien', text: 'Post openen', status: 'bezig' }],
      goalUpdates: [{ goalId: 'g1', status: 'bereikt' }],
    });
  });

  it('names the fields it cannot read and keeps what was typed', () => {
    const { input, problems, values } = readBoardForm(
      formOf([['datum', ''], ['rapportcijfer', '11'], ['kies', 'wonen'], ['p.wonen.inwoner', '12']]),
      ['wonen'],
      [],
      messages,
    );
    expect(input).toBeNull();
    expect(problems.map((p) => p.field)).toEqual(['measuredOn', 'rapportcijfer', 'leefgebieden.wonen.inwoner']);
    expect(values.positions.wonen.inwoner).toBe('12');
  });
});

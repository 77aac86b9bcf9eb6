import { describe, expect, it } from 'vitest';
import { selectionFrom, selectionQuery, storyOptionsFrom, storyOptionsQuery } from './impact-selection';

describe('impact selection in the address', () => {
  it('reads period, wijk and team, and drops a date that is not a date', () => {
    const params = new URLSearchParams('van=2026-01-01&tot=31-12-2026&wijk=abc&team=%20Team%20Oost%20');
    expect(selectionFrom(params)).toEqual({ from: '2026-01-01', to: null, wijkId: 'abc', team: 'Team Oost' });
    expect(selectionFrom(new URLSearchParams())).toEqual({ from: null, to: null, wijkId: null, team: null });
  });

  it('gives the report links the same selection back', () => {
    const selection = { from: '2026-01-01', to: '2026-06-30', wijkId: 'abc', team: 'Team & Co' };
    expect(selectionQuery(selection)).toBe('van=2026-01-01&tot=2026-06-30&wijk=abc&team=Team+%26+Co');
    expect(selectionFrom(new URLSearchParams(selectionQuery(selection)))).toEqual(selection);
    expect(selectionQuery({ from: null, to: null, wijkId: null, team: null })).toBe('');
  });

  it('reads how tag trends are grouped and which intervention to compare, over how many months', () => {
    const id = '0b6a3c1e-5f2d-4a8b-9c7d-1e2f3a4b5c6d';
    expect(storyOptionsFrom(new URLSearchParams(`tags=kwartaal&interventie=${id}&maanden=6`))).toEqual({ by: 'QUARTER', interventionId: id, months: 6 });
    expect(storyOptionsFrom(new URLSearchParams('tags=maand'))).toEqual({ by: 'MONTH', interventionId: null, months: 3 });
    // Not an id, or no number: nothing chosen, the default window. A number out of range goes to the API, which explains.
    expect(storyOptionsFrom(new URLSearchParams('tags=jaar&interventie=1%20OR%201=1&maanden=drie'))).toEqual({ by: null, interventionId: null, months: 3 });
    expect(storyOptionsFrom(new URLSearchParams(`interventie=${id}&maanden=24`)).months).toBe(24);
  });

  it('gives the report links the same story options back', () => {
    const options = { by: 'QUARTER' as const, interventionId: '0b6a3c1e-5f2d-4a8b-9c7d-1e2f3a4b5c6d', months: 6 };
    expect(storyOptionsQuery(options)).toBe('tags=kwartaal&interventie=0b6a3c1e-5f2d-4a8b-9c7d-1e2f3a4b5c6d&maanden=6');
    expect(storyOptionsFrom(new URLSearchParams(storyOptionsQuery(options)))).toEqual(options);
    expect(storyOptionsQuery({ by: null, interventionId: null, months: 3 })).toBe('');
  });
});

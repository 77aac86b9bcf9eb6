import { describe, expect, it } from 'vitest';
import { selectionFrom, selectionQuery } from './impact-selection';

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
});

import { describe, expect, it } from 'vitest';
import { groupByTaxonomy, scorePercent, tagDecisionFrom, type TagRef } from './tags';

const tag = (id: string, taxonomyKey: string): TagRef => ({
  id,
  key: id,
  label: id,
  taxonomyKey,
  taxonomyName: taxonomyKey.toUpperCase(),
});
const ID = '3f0c2a4e-8d1b-4c7a-9e2f-1a2b3c4d5e6f';

describe('groupByTaxonomy', () => {
  it('groups per taxonomy in the order they come', () => {
    const groups = groupByTaxonomy([tag('a', 'leef'), tag('b', 'werk'), tag('c', 'leef')], (t) => t);
    expect(groups.map((g) => [g.taxonomyName, g.items.map((t) => t.id)])).toEqual([
      ['LEEF', ['a', 'c']],
      ['WERK', ['b']],
    ]);
  });
});

describe('scorePercent', () => {
  it('rounds to whole percents and keeps null for added tags', () => {
    expect(scorePercent(0.7349)).toBe(73);
    expect(scorePercent(1.2)).toBe(100);
    expect(scorePercent(null)).toBeNull();
  });
});

describe('tagDecisionFrom', () => {
  const form = (entries: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(entries)) data.set(k, v);
    return data;
  };

  it('reads a confirm, reject or add', () => {
    expect(tagDecisionFrom(form({ tagId: ID, decision: 'REJECT' }))).toEqual({ tagId: ID, decision: 'REJECT' });
  });

  it('refuses unknown decisions and ids that are not uuids', () => {
    expect(tagDecisionFrom(form({ tagId: ID, decision: 'DELETE' }))).toBeNull();
    expect(tagDecisionFrom(form({ tagId: '../x', decision: 'ADD' }))).toBeNull();
    expect(tagDecisionFrom(form({}))).toBeNull();
  });
});

export type TagRef = { id: string; key: string; label: string; taxonomyKey: string; taxonomyName: string };
export type StoryTagView = { tag: TagRef; source: string; state: string; score: number | null; why: string[] };
export type TagDecision = 'CONFIRM' | 'REJECT' | 'ADD';

export type TaxonomyGroup<T> = { taxonomyKey: string; taxonomyName: string; items: T[] };

/** Items per taxonomy, taxonomies in the order they first appear (the API sorts them). */
export const groupByTaxonomy = <T>(items: readonly T[], tagOf: (item: T) => TagRef): TaxonomyGroup<T>[] => {
  const groups = new Map<string, TaxonomyGroup<T>>();
  for (const item of items) {
    const tag = tagOf(item);
    let group = groups.get(tag.taxonomyKey);
    if (!group) {
      group = { taxonomyKey: tag.taxonomyKey, taxonomyName: tag.taxonomyName, items: [] };
      groups.set(tag.taxonomyKey, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
};

/** "73 %": a tagger score (0..1) as people read it; null for a tag a person added. */
export const scorePercent = (score: number | null): number | null =>
  score === null ? null : Math.round(Math.min(1, Math.max(0, score)) * 100);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECISIONS: readonly TagDecision[] = ['CONFIRM', 'REJECT', 'ADD'];

/** A decision posted by the tag form (with or without JavaScript); null when the form was tampered with. */
export const tagDecisionFrom = (form: FormData): { tagId: string; decision: TagDecision } | null => {
  const tagId = form.get('tagId');
  const decision = form.get('decision');
  if (typeof tagId !== 'string' || !UUID.test(tagId)) return null;
  if (typeof decision !== 'string' || !(DECISIONS as readonly string[]).includes(decision)) return null;
  return { tagId, decision: decision as TagDecision };
};

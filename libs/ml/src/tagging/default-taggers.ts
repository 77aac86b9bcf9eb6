import { buildDemoStories, LEEFGEBIEDEN, WERKZAME_ELEMENTEN } from '@vertelpunt/domain';
import { EXTRA_EXAMPLES } from './extra-examples';
import type { TaggerModel, TaggerTaxonomy, TagLabel } from './tagger-model';
import { trainTagger, type TrainTaggerOptions } from './train-tagger';

/** The taxonomy with this project's extra training sentences added to its tags (matched by key). */
export const withExtraExamples = (
  taxonomy: TaggerTaxonomy,
  extra: Record<string, Record<string, string[]>> = EXTRA_EXAMPLES,
): TaggerTaxonomy => {
  const forTaxonomy = extra[taxonomy.key] ?? {};
  return {
    ...taxonomy,
    tags: taxonomy.tags.map((tag) => ({ ...tag, examples: [...tag.examples, ...(forTaxonomy[tag.key] ?? [])] })),
  };
};

let idfCorpus: string[] | undefined;
/**
 * The shipped demo stories are realistic Dutch support stories: good for telling generic narrative words
 * (`maanden`, `gebeld`) from words that mark a theme. Only their word statistics are used, not their answers.
 */
export const defaultIdfCorpus = (): string[] =>
  (idfCorpus ??= buildDemoStories(IDF_CORPUS_STORIES, 11).map((s) => s.text));
const IDF_CORPUS_STORIES = 400;

/**
 * Trains one tagger per taxonomy. Each taxonomy's example sentences are background (negative for every tag) for
 * the others: a sentence about a warm handover says nothing about debts, and the reverse. Labels are routed by
 * tag key, so pass all of them.
 */
export const trainTaggers = (
  taxonomies: readonly TaggerTaxonomy[],
  labels: readonly TagLabel[] = [],
  options: TrainTaggerOptions = {},
): Record<string, TaggerModel> => {
  const full = taxonomies.map((t) => withExtraExamples(t));
  const models: Record<string, TaggerModel> = {};
  for (const taxonomy of full) {
    const background = full.filter((t) => t.key !== taxonomy.key).flatMap((t) => t.tags.flatMap((tag) => tag.examples));
    models[taxonomy.key] = trainTagger(taxonomy, labels, { background, idfCorpus: defaultIdfCorpus(), ...options });
  }
  return models;
};

/** The two default taxonomies (werkzame elementen, leefgebieden) from `@vertelpunt/domain`. */
export const trainDefaultTaggers = (
  labels: readonly TagLabel[] = [],
  options: TrainTaggerOptions = {},
): Record<string, TaggerModel> => trainTaggers([WERKZAME_ELEMENTEN, LEEFGEBIEDEN], labels, options);

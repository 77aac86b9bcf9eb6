/** Taxonomies are data: the seed loads these definitions, organisations add their own in Beheer. */
export type TagDefinition = {
  /** Stable, kebab-case, unique within its taxonomy. */
  key: string;
  /** The Dutch label shown to users, e.g. `Vast contactpersoon`. */
  label: string;
  description: string;
  /** Dutch sentences that show the tag; also training data for the tagger. */
  examples: string[];
};

export type TaxonomyDefinition = {
  key: string;
  name: string;
  description: string;
  /** Marked as a default that the organisation should adapt. */
  isStartingPoint: boolean;
  tags: TagDefinition[];
};

export const WERKZAME_ELEMENTEN_KEY = 'werkzame-elementen';
export const LEEFGEBIEDEN_KEY = 'leefgebieden';

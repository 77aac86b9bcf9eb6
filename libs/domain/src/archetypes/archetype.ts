export type ArchetypeDefinition = {
  key: string;
  name: string;
  /** One line in plain Dutch (B1). */
  description: string;
  /** An emoji shown large on the card, with the name as its text alternative. */
  icon: string;
};

export type ArchetypeSetDefinition = {
  key: string;
  name: string;
  description: string;
  /** True for the seeded set: a starting point for the organisation's own set. */
  isStartingPoint: boolean;
  archetypes: ArchetypeDefinition[];
};

/**
 * The basket's new order after moving one story. `to` is clamped to the list, so "omhoog" on the first story
 * changes nothing; an unknown id leaves the order as it was.
 */
export const moveInOrder = <T>(items: readonly T[], item: T, to: number): T[] => {
  const from = items.indexOf(item);
  if (from === -1) return [...items];
  const target = Math.max(0, Math.min(items.length - 1, to));
  const rest = items.filter((_, i) => i !== from);
  return [...rest.slice(0, target), item, ...rest.slice(target)];
};

/** True when `proposed` holds exactly the same ids as `current`, each once (a full reorder, nothing added or lost). */
export const isPermutationOf = (current: readonly string[], proposed: readonly string[]): boolean => {
  if (current.length !== proposed.length || new Set(proposed).size !== proposed.length) return false;
  const known = new Set(current);
  return proposed.every((id) => known.has(id));
};

import type { ImpactSelection } from './wat-telt.server';

const date = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

/** The selection from the address (`van`, `tot`, `wijk`, `team`), shared by the page and its report download. */
export const selectionFrom = (params: URLSearchParams): ImpactSelection => ({
  from: date(params.get('van')),
  to: date(params.get('tot')),
  wijkId: params.get('wijk') || null,
  team: params.get('team')?.trim() || null,
});

/** The same selection as an address query, for the report links. */
export const selectionQuery = (selection: ImpactSelection): string => {
  const params = new URLSearchParams();
  if (selection.from) params.set('van', selection.from);
  if (selection.to) params.set('tot', selection.to);
  if (selection.wijkId) params.set('wijk', selection.wijkId);
  if (selection.team) params.set('team', selection.team);
  return params.toString();
};

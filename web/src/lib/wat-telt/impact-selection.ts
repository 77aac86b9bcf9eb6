import type { ImpactSelection, TrendPeriod } from './wat-telt.server';

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

/** How the story side is shown, from the address: tag trends per `maand` or `kwartaal`, and the before/after choice. */
export type StoryOptions = { by: TrendPeriod | null; interventionId: string | null; months: number };

export const DEFAULT_EFFECT_MONTHS = 3;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const storyOptionsFrom = (params: URLSearchParams): StoryOptions => {
  const per = params.get('tags');
  const months = Number(params.get('maanden'));
  const intervention = params.get('interventie');
  return {
    by: per === 'maand' ? 'MONTH' : per === 'kwartaal' ? 'QUARTER' : null,
    interventionId: intervention && UUID.test(intervention) ? intervention : null,
    // The API refuses anything outside 1–12 with a message; an empty or unreadable value means the default.
    months: params.get('maanden') && Number.isInteger(months) ? months : DEFAULT_EFFECT_MONTHS,
  };
};

/** The story options as an address query, for the report links (only what differs from the default). */
export const storyOptionsQuery = (options: StoryOptions): string => {
  const params = new URLSearchParams();
  if (options.by) params.set('tags', options.by === 'MONTH' ? 'maand' : 'kwartaal');
  if (options.interventionId) {
    params.set('interventie', options.interventionId);
    params.set('maanden', String(options.months));
  }
  return params.toString();
};

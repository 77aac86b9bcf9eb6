import type { Role } from './role';

/**
 * Issue 8's role matrix, for what reaches individual stories: wijkcoaches (their own raw, the rest anonymised),
 * facilitators and admins read stories; managers see aggregates only. A user with several roles gets the widest.
 */
export const STORY_READER_ROLES: readonly Role[] = ['wijkcoach', 'facilitator', 'admin'];
/** A file of many stories is for coding and preparing sessions, not for reading one's colleagues' work. */
export const STORY_EXPORT_ROLES: readonly Role[] = ['facilitator', 'admin'];
/** Everyone who works with stories or their patterns; managers get small groups suppressed. */
export const PATTERN_ROLES: readonly Role[] = ['wijkcoach', 'facilitator', 'manager', 'admin'];

export const mayReadStories = (roles: readonly string[]): boolean => STORY_READER_ROLES.some((r) => roles.includes(r));

/** Managers (without a story-reading role beside it) see counts only, and none that rests on a small group. */
export const seesAggregatesOnly = (roles: readonly string[]): boolean => !mayReadStories(roles);

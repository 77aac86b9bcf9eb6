import { isRole, type Role } from '@vertelpunt/domain';

export const AREA_IDS = ['vertel', 'mijn-verhalen', 'wat-telt', 'verhalen', 'patronen', 'tafels', 'impact', 'beheer'] as const;
export type AreaId = (typeof AREA_IDS)[number];
export type Area = { id: AreaId; href: `/${AreaId}` };

/** Who may enter which area. `admin` may enter everything. */
const AREA_ROLES: Record<AreaId, readonly Role[]> = {
  vertel: ['wijkcoach'],
  'mijn-verhalen': ['wijkcoach'],
  // Professionals register Wat telt conversations; managers only see the aggregates under Impact.
  'wat-telt': ['wijkcoach'],
  // Managers see aggregates only (issue 8): Patronen with small groups hidden, Tafels without their stories.
  verhalen: ['wijkcoach', 'facilitator'],
  patronen: ['wijkcoach', 'facilitator', 'manager'],
  tafels: ['facilitator', 'manager'],
  impact: ['manager'],
  beheer: [],
};

export const canEnter = (area: AreaId, roles: readonly string[]): boolean =>
  roles.includes('admin') || AREA_ROLES[area].some((role) => roles.includes(role));

/** The areas the roles allow, in menu order; unknown role names give nothing. */
export const areasFor = (roles: readonly string[]): Area[] => {
  const known = roles.filter(isRole);
  return AREA_IDS.filter((id) => canEnter(id, known)).map((id) => ({ id, href: `/${id}` as const }));
};

/** A menu item is current on its own page and on every page below it. */
export const isCurrent = (href: string, pathname: string): boolean =>
  pathname === href || pathname.startsWith(`${href}/`);

/**
 * Paths that need no login: the login page, the language switch, the health check and the
 * anonymous storytelling links (`/vertel/<token>`; `/vertel` itself is the wijkcoach's page).
 */
export const isPublicPath = (pathname: string): boolean =>
  pathname === '/inloggen' || pathname.startsWith('/inloggen/') || pathname === '/taal' || pathname === '/healthz' || pathname.startsWith('/vertel/');

const LOGIN_PATH = '/inloggen';

/** Where to send someone who is not logged in; `terug` brings them back afterwards. */
export const loginPathFor = (url: URL): string => {
  const back = url.pathname + url.search;
  return back === '/' ? LOGIN_PATH : `${LOGIN_PATH}?terug=${encodeURIComponent(back)}`;
};

const BASE = 'http://vertelpunt.invalid';

/**
 * A path on this site, or the fallback: `//evil.example`, `/\\evil.example`, `https://…` and
 * `javascript:` all fall back.
 */
export const safeLocalPath = (value: unknown, fallback = '/'): string => {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return fallback;
  // Browsers read a backslash as a slash, and control characters can hide a second slash.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return url.pathname + url.search + url.hash;
};

/** Where to go after logging in: a local path, but never back to the login or logout page. */
export const localReturnPath = (value: unknown, fallback = '/'): string => {
  const path = safeLocalPath(value, fallback);
  const pathname = path.split(/[?#]/, 1)[0];
  return pathname === LOGIN_PATH || pathname === '/uitloggen' ? fallback : path;
};

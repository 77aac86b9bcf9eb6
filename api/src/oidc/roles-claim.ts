import { isRole, type Role } from '@vertelpunt/domain';

/**
 * The roles in a provider's claim: a list (`["wijkcoach","manager"]`) or one string separated by spaces or commas.
 * Unknown names are ignored, so a provider's own groups never become rights here. `null`: the claim is absent.
 */
export const rolesFromClaim = (value: unknown): Role[] | null => {
  if (value === undefined || value === null) return null;
  const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return [...new Set(names.filter((n): n is string => typeof n === 'string').map((n) => n.trim().toLowerCase()).filter(isRole))];
};

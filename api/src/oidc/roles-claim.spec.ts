import { rolesFromClaim } from './roles-claim';

describe('rolesFromClaim', () => {
  it('reads a list or a space- or comma-separated string', () => {
    expect(rolesFromClaim(['wijkcoach', 'manager'])).toEqual(['wijkcoach', 'manager']);
    expect(rolesFromClaim('facilitator manager')).toEqual(['facilitator', 'manager']);
    expect(rolesFromClaim('Admin,wijkcoach')).toEqual(['admin', 'wijkcoach']);
  });

  it('ignores names that are no role here, and repeats', () => {
    expect(rolesFromClaim(['domain-admins', 'wijkcoach', 'wijkcoach', 42])).toEqual(['wijkcoach']);
    expect(rolesFromClaim([])).toEqual([]);
    expect(rolesFromClaim({ role: 'admin' })).toEqual([]);
  });

  it('tells an absent claim apart from an empty one', () => {
    expect(rolesFromClaim(undefined)).toBeNull();
    expect(rolesFromClaim(null)).toBeNull();
  });
});

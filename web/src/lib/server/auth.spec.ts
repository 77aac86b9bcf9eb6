import { DEFAULT_THEME } from '@vertelpunt/domain';
import { describe, expect, it } from 'vitest';
import { activeMembership, type Membership } from './auth';
import { secondsUntil } from './cookies';

const membership = (id: string): Membership => ({
  roles: ['wijkcoach'],
  organisation: { id, name: `Organisatie ${id}`, slug: id, theme: DEFAULT_THEME },
});

describe('activeMembership', () => {
  const memberships = [membership('a'), membership('b')];

  it('uses the organisation chosen with vp_org', () => {
    expect(activeMembership(memberships, 'b')?.organisation.id).toBe('b');
  });

  it('falls back to the first membership when none or a stale one was chosen', () => {
    expect(activeMembership(memberships, undefined)?.organisation.id).toBe('a');
    expect(activeMembership(memberships, 'gone')?.organisation.id).toBe('a');
  });

  it('has nothing to choose without memberships', () => {
    expect(activeMembership([], 'a')).toBeNull();
  });
});

describe('secondsUntil', () => {
  const now = Date.parse('2025-11-23T10:00:00Z');

  it('lets the session cookie end when the session ends', () => {
    expect(secondsUntil('2025-11-23T18:00:00Z', now)).toBe(8 * 60 * 60);
  });

  it('makes a browser-session cookie when the date is unreadable', () => {
    expect(secondsUntil('morgen', now)).toBeUndefined();
  });

  it('never gives zero or less, which would delete the cookie at once', () => {
    expect(secondsUntil('2025-11-23T09:00:00Z', now)).toBe(1);
  });
});

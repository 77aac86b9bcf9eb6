import { describe, expect, it } from 'vitest';
import { isSameOrigin, resolveIdentity, rewriteUploadLocation, safeUploadPath } from './proxy.server';

const org = (id: string) => ({
  id,
  name: id,
  slug: id,
  theme: { primaryColor: '#154273', primaryTextColor: '#ffffff', logoUrl: null },
});
const coach = {
  token: 'sessie-token',
  user: {
    id: 'u1',
    name: 'Coach',
    email: 'c@x.nl',
    memberships: [{ roles: ['wijkcoach' as const], organisation: org('o1') }],
  },
  organisation: org('o1'),
  sessionUnavailable: false,
};
const anonymous = { token: null, user: null, organisation: null, sessionUnavailable: false };
const headers = (values: Record<string, string>) => new Headers(values);

describe('resolveIdentity', () => {
  it('passes the session on as bearer and organisation for a wijkcoach', () => {
    expect(resolveIdentity(headers({ 'x-vertel-user': 'u1', 'x-vertel-organisation': 'o1' }), coach)).toEqual({
      ok: true,
      kind: 'coach',
      headers: { authorization: 'Bearer sessie-token', 'x-organisation-id': 'o1' },
    });
  });

  it('keeps an inwoner anonymous, even in a logged-in browser', () => {
    const identity = resolveIdentity(headers({ 'x-vertel-token': 'Ab3_-xyz0123456789' }), coach);
    expect(identity).toEqual({ ok: true, kind: 'link', headers: { 'x-vertel-token': 'Ab3_-xyz0123456789' } });
  });

  it('refuses a story of another user or organisation than the session', () => {
    expect(resolveIdentity(headers({ 'x-vertel-user': 'u2' }), coach)).toMatchObject({ ok: false, status: 401 });
    expect(resolveIdentity(headers({ 'x-vertel-organisation': 'o2' }), coach)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('refuses without a session or with a malformed token', () => {
    expect(resolveIdentity(headers({}), anonymous)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(resolveIdentity(headers({ 'x-vertel-token': '../../etc' }), anonymous)).toMatchObject({ ok: false });
    expect(resolveIdentity(headers({}), { ...anonymous, sessionUnavailable: true })).toMatchObject({ status: 503 });
  });
});

describe('upload paths', () => {
  it('points Location at the proxy, absolute or relative', () => {
    expect(rewriteUploadLocation('http://127.0.0.1:4000/uploads/abc123', 'http://127.0.0.1:4000')).toBe(
      '/vertel/api/uploads/abc123',
    );
    expect(rewriteUploadLocation('/uploads/abc123', 'http://api:4000/')).toBe('/vertel/api/uploads/abc123');
    expect(rewriteUploadLocation('https://elders.example/iets', 'http://api:4000')).toBeNull();
  });

  it('accepts plain upload ids only', () => {
    expect(safeUploadPath('abc-123_x')).toBe('abc-123_x');
    expect(safeUploadPath('')).toBe('');
    expect(safeUploadPath('../graphql')).toBeNull();
    expect(safeUploadPath('a/../../b')).toBeNull();
    expect(safeUploadPath('a%2Fb')).toBeNull();
  });

  it('refuses requests from other sites', () => {
    expect(isSameOrigin(headers({ origin: 'http://web' }), 'http://web')).toBe(true);
    expect(isSameOrigin(headers({ origin: 'https://evil.example' }), 'http://web')).toBe(false);
    expect(isSameOrigin(headers({ 'sec-fetch-site': 'cross-site' }), 'http://web')).toBe(false);
    expect(isSameOrigin(headers({}), 'http://web')).toBe(true);
  });
});

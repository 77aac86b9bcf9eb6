import { describe, expect, it } from 'vitest';
import {
  areasFor,
  canEnter,
  isCurrent,
  isPublicPath,
  localReturnPath,
  loginPathFor,
  safeLocalPath,
} from './navigation';

const ids = (roles: string[]) => areasFor(roles).map((area) => area.id);

describe('areasFor', () => {
  it('gives a wijkcoach Vertellen, Mijn verhalen, Wat telt, Verhalen and Patronen', () => {
    expect(ids(['wijkcoach'])).toEqual(['vertel', 'mijn-verhalen', 'wat-telt', 'verhalen', 'patronen']);
  });

  it('gives a facilitator Verhalen, Patronen and Tafels', () => {
    expect(ids(['facilitator'])).toEqual(['verhalen', 'patronen', 'tafels']);
  });

  it('gives a manager aggregates only: Patronen, Tafels (to read what came out) and Impact, no Verhalen', () => {
    expect(ids(['manager'])).toEqual(['patronen', 'tafels', 'impact']);
  });

  it('gives an admin everything, in menu order', () => {
    expect(ids(['admin'])).toEqual(['vertel', 'mijn-verhalen', 'wat-telt', 'verhalen', 'patronen', 'tafels', 'impact', 'beheer']);
  });

  it('combines roles without repeating an area', () => {
    expect(ids(['manager', 'facilitator'])).toEqual(['verhalen', 'patronen', 'tafels', 'impact']);
  });

  it('gives nothing without a known role', () => {
    expect(ids([])).toEqual([]);
    expect(ids(['superuser'])).toEqual([]);
  });

  it('links each area to its Dutch route', () => {
    expect(areasFor(['admin']).map((area) => area.href)).toEqual([
      '/vertel',
      '/mijn-verhalen',
      '/wat-telt',
      '/verhalen',
      '/patronen',
      '/tafels',
      '/impact',
      '/beheer',
    ]);
  });
});

describe('canEnter', () => {
  it('keeps Beheer for admins', () => {
    expect(canEnter('beheer', ['wijkcoach', 'facilitator', 'manager'])).toBe(false);
    expect(canEnter('beheer', ['admin'])).toBe(true);
  });

  it('keeps Mijn verhalen for storytellers', () => {
    expect(canEnter('mijn-verhalen', ['wijkcoach'])).toBe(true);
    expect(canEnter('mijn-verhalen', ['facilitator', 'manager'])).toBe(false);
  });

  it('keeps Wat telt registration from managers and facilitators', () => {
    expect(canEnter('wat-telt', ['wijkcoach'])).toBe(true);
    expect(canEnter('wat-telt', ['manager', 'facilitator'])).toBe(false);
  });

  it('keeps Tafels from a wijkcoach', () => {
    expect(canEnter('tafels', ['wijkcoach'])).toBe(false);
  });
});

describe('isCurrent', () => {
  it('marks the page itself and the pages below it', () => {
    expect(isCurrent('/verhalen', '/verhalen')).toBe(true);
    expect(isCurrent('/verhalen', '/verhalen/123')).toBe(true);
  });

  it('does not mark a page that only starts with the same letters', () => {
    expect(isCurrent('/vertel', '/verhalen')).toBe(false);
    expect(isCurrent('/tafels', '/tafelsx')).toBe(false);
  });
});

describe('isPublicPath', () => {
  it('lets anyone reach the login page, health check and storytelling links', () => {
    expect(isPublicPath('/inloggen')).toBe(true);
    expect(isPublicPath('/healthz')).toBe(true);
    expect(isPublicPath('/vertel/abc123')).toBe(true);
  });

  it("protects the wijkcoach's own /vertel and everything else", () => {
    expect(isPublicPath('/vertel')).toBe(false);
    expect(isPublicPath('/')).toBe(false);
    expect(isPublicPath('/verhalen')).toBe(false);
    expect(isPublicPath('/inloggenx')).toBe(false);
  });
});

describe('loginPathFor', () => {
  it('remembers where the person was going', () => {
    expect(loginPathFor(new URL('http://x/verhalen?na=abc'))).toBe('/inloggen?terug=%2Fverhalen%3Fna%3Dabc');
  });

  it('needs no return path for the home page', () => {
    expect(loginPathFor(new URL('http://x/'))).toBe('/inloggen');
  });
});

describe('localReturnPath', () => {
  it('accepts a path on this site, with its query and fragment', () => {
    expect(localReturnPath('/verhalen?na=abc#lijst')).toBe('/verhalen?na=abc#lijst');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/%0a/evil.example',
    '/\t/evil.example',
    'verhalen',
    '',
  ])('refuses %s', (value) => {
    const result = localReturnPath(value);
    expect(result.startsWith('/')).toBe(true);
    expect(result.startsWith('//')).toBe(false);
    expect(new URL(result, 'http://vertelpunt.test').origin).toBe('http://vertelpunt.test');
  });

  it('falls back to the home page for anything not local', () => {
    expect(localReturnPath('https://evil.example/')).toBe('/');
    expect(localReturnPath(null)).toBe('/');
    expect(localReturnPath(42)).toBe('/');
  });

  it('does not send someone back to the login or logout page', () => {
    expect(localReturnPath('/inloggen?terug=/verhalen')).toBe('/');
    expect(localReturnPath('/uitloggen')).toBe('/');
  });

  it('lets the language switch return to the login page', () => {
    expect(safeLocalPath('/inloggen?terug=%2Fverhalen')).toBe('/inloggen?terug=%2Fverhalen');
  });
});

import { describe, expect, it } from 'vitest';
import { en } from './en';
import { createTranslate, fillParams, formatDate, localeFrom, translate } from './index';
import { nl } from './nl';

/** Every dotted key with text behind it. */
const keysOf = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );

const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

const valueAt = (tree: object, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;

describe('dictionaries', () => {
  it('gives English every key of Dutch, and no other', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of keysOf(nl)) {
      expect(placeholdersOf(valueAt(en, key)), key).toEqual(placeholdersOf(valueAt(nl, key)));
    }
  });

  it('leaves no text empty', () => {
    for (const key of keysOf(nl)) {
      expect(valueAt(nl, key).trim(), key).not.toBe('');
      expect(valueAt(en, key).trim(), key).not.toBe('');
    }
  });
});

describe('translate', () => {
  it('fills in the parameters', () => {
    expect(translate('nl', 'home.groet', { naam: 'Fatima' })).toBe('Welkom, Fatima');
    expect(translate('en', 'home.groet', { naam: 'Fatima' })).toBe('Welcome, Fatima');
    expect(translate('nl', 'app.paginaTitel', { titel: 'Verhalen' })).toBe('Verhalen – Vertelpunt');
  });

  it('fills in numbers and every occurrence', () => {
    expect(fillParams('{n} van {n}', { n: 3 })).toBe('3 van 3');
  });

  it('leaves a missing parameter visible instead of printing "undefined"', () => {
    expect(translate('nl', 'home.groet')).toBe('Welkom, {naam}');
  });

  it('does not fill in inherited properties', () => {
    expect(fillParams('{toString}', {})).toBe('{toString}');
  });

  it('speaks Dutch by default', () => {
    expect(createTranslate(localeFrom(undefined))('nav.verhalen')).toBe('Verhalen');
    expect(localeFrom('fr')).toBe('nl');
    expect(localeFrom('en')).toBe('en');
  });
});

describe('formatDate', () => {
  it('writes dates the Dutch way, in Dutch time', () => {
    expect(formatDate('nl', '2025-11-23T10:00:00Z')).toBe('23 november 2025');
    // Just before midnight UTC is already the next day in Amsterdam.
    expect(formatDate('nl', '2025-06-30T22:30:00Z')).toBe('1 juli 2025');
  });

  it('writes English dates for English', () => {
    expect(formatDate('en', '2025-11-23T10:00:00Z')).toBe('23 November 2025');
  });

  it('shows nothing for a date it cannot read', () => {
    expect(formatDate('nl', 'gisteren')).toBe('');
  });
});

import { en } from './en';
import { nl } from './nl';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';

/** The shape every language must have: exactly Dutch's, as `en.ts` is type-checked against it. */
export type Messages = typeof nl;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every dotted key with text behind it, e.g. `'inloggen.titel'`. */
export type MessageKey = Leaves<Messages>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const dictionaries: Record<Locale, Messages> = { nl, en };

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The `taal` cookie decides; anything else means Dutch. */
export const localeFrom = (value: string | null | undefined): Locale => (isLocale(value) ? value : DEFAULT_LOCALE);

const lookup = (dictionary: Messages, key: string): string | undefined => {
  let node: unknown = dictionary;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
};

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing parameter is noticed. */
export const fillParams = (template: string, params: MessageParams = {}): string =>
  template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );

export const translate = (locale: Locale, key: MessageKey, params?: MessageParams): string => {
  const template = lookup(dictionaries[locale], key) ?? lookup(nl, key) ?? key;
  return fillParams(template, params);
};

export const createTranslate =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);

const INTL_LOCALES: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * "23 november 2025". The time zone is fixed so the server and the browser render the same text.
 */
export const formatDate = (locale: Locale, value: string | Date): string => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
};

/** Joins words the way the language does: "wijkcoach, facilitator en manager". */
export const formatList = (locale: Locale, items: readonly string[]): string =>
  new Intl.ListFormat(INTL_LOCALES[locale], { style: 'long', type: 'conjunction' }).format(items);

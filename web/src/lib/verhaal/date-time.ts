import type { Locale } from '$lib/i18n';

const INTL_LOCALES: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "23 november 2026 om 14:05": when a decision was taken, in Dutch time on server and browser alike. */
export const formatDateTime = (locale: Locale, value: string | Date): string => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
};

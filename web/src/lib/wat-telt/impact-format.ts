/** Numbers in impact tables: a sign for changes, the locale's decimal sign, shares as whole percentages. */
export const formatChange = (value: number, locale: 'nl' | 'en' = 'nl'): string => {
  const rounded = Math.round(value * 100) / 100;
  const text = Math.abs(rounded).toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
};

export const formatShare = (count: number, n: number): string => (n === 0 ? '0%' : `${Math.round((count / n) * 100)}%`);

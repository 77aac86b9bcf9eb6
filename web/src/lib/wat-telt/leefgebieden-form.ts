export type LeefgebiedLine = { key: string; label: string };

/** "Financiën & schulden" → "financien-schulden": the key the API accepts (lowercase letters, digits, hyphens). */
export const keyFor = (label: string): string =>
  label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** One card per line, as `sleutel = Naam` (keeps the key when the name changes) or just `Naam`. */
export const toLines = (leefgebieden: readonly LeefgebiedLine[]): string => leefgebieden.map((l) => `${l.key} = ${l.label}`).join('\n');

export const parseLines = (text: string): { leefgebieden: LeefgebiedLine[]; problems: string[] } => {
  const leefgebieden: LeefgebiedLine[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const at = line.indexOf('=');
    const label = (at === -1 ? line : line.slice(at + 1)).trim();
    const key = at === -1 ? keyFor(label) : keyFor(line.slice(0, at));
    if (label === '' || key === '') problems.push(`Regel ${i + 1}: geef een naam.`);
    else if (leefgebieden.some((l) => l.key === key)) problems.push(`Regel ${i + 1}: "${key}" staat er al.`);
    else leefgebieden.push({ key, label });
  });
  if (leefgebieden.length === 0 && problems.length === 0) problems.push('Geef minstens één leefgebied.');
  return { leefgebieden, problems };
};

import type { Detection } from './detection';

const EMAIL_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export const detectEmails = (text: string): Detection[] =>
  [...text.matchAll(EMAIL_RE)].map((m) => ({ type: 'EMAIL', start: m.index, end: m.index + m[0].length }));

// A phone number starts with +, 00, 0 or "(0", then digit groups joined by a space, dash, dot, "(0)" or ")".
const PHONE_START_RE = /(?<![\p{L}\p{N}+@\/.,€-])(?:\+\s?\d|00\d|0\d|\(0\d)/gu;
const PHONE_SEPARATOR_RE = /\s?\(0\)\s?|\)\s?|\s?[-.\/]\s?|\s/y;
// Service and information numbers belong to organisations, not to the people in a story.
const SERVICE_PREFIX_RE = /^0(?:800|900|906|909)/;

const isPhoneNumber = (digits: string, international: boolean): boolean => {
  if (international) {
    if (digits.startsWith('31')) return digits.length === 11 && digits[2] !== '0';
    return digits.length >= 10 && digits.length <= 13;
  }
  return digits.length === 10 && digits[1] !== '0' && !SERVICE_PREFIX_RE.test(digits);
};

export const detectPhones = (text: string): Detection[] => {
  const found: Detection[] = [];
  let searchFrom = 0;
  for (const m of text.matchAll(PHONE_START_RE)) {
    if (m.index < searchFrom) continue;
    let i = m.index;
    let international = false;
    if (text[i] === '+') {
      international = true;
      i++;
      if (text[i] === ' ') i++;
    }
    let start = m.index;
    if (text[i] === '(') {
      i++;
      // "(020) 123 4567" keeps its parentheses; "(06-12345678)" is a number inside parentheses.
      if (!/^\d+\)/.test(text.slice(i, i + 6))) start = i;
    }
    // Digit groups with the offset where each ends, so a run that is too long can be cut at a group boundary.
    const groups: { digits: string; end: number }[] = [];
    for (;;) {
      const digitsMatch = /^\d+/.exec(text.slice(i, i + 16));
      if (!digitsMatch) break;
      i += digitsMatch[0].length;
      groups.push({ digits: digitsMatch[0], end: i });
      PHONE_SEPARATOR_RE.lastIndex = i;
      const sep = PHONE_SEPARATOR_RE.exec(text);
      if (!sep || !/\d/.test(text[i + sep[0].length] ?? '')) break;
      i += sep[0].length;
      if (groups.reduce((n, g) => n + g.digits.length, 0) > 15) break;
    }
    let digits = groups.map((g) => g.digits).join('');
    let intl = international;
    if (!intl && digits.startsWith('00')) {
      intl = true;
    }
    for (let k = groups.length; k > 0; k--) {
      digits = groups
        .slice(0, k)
        .map((g) => g.digits)
        .join('');
      const check = intl && digits.startsWith('00') ? digits.slice(2) : digits;
      const end = groups[k - 1].end;
      if (isPhoneNumber(check, intl) && !/[\p{L}\p{N}]/u.test(text[end] ?? '')) {
        found.push({ type: 'TELEFOON', start, end });
        searchFrom = end;
        break;
      }
    }
  }
  return found;
};

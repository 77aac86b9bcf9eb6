import { passesElfproef, passesIbanMod97 } from './checksums';
import type { Detection } from './detection';

// IBAN length and BBAN shape per country: the shape rejects letter soup that happens to pass mod 97.
const IBAN_FORMATS: Record<string, [number, RegExp]> = {
  NL: [18, /^[A-Z]{4}\d{10}$/],
  BE: [16, /^\d{12}$/],
  DE: [22, /^\d{18}$/],
  FR: [27, /^\d{10}[A-Z0-9]{11}\d{2}$/],
  GB: [22, /^[A-Z]{4}\d{14}$/],
  IE: [22, /^[A-Z]{4}\d{14}$/],
  ES: [24, /^\d{20}$/],
  PT: [25, /^\d{21}$/],
  IT: [27, /^[A-Z]\d{10}[A-Z0-9]{12}$/],
  LU: [20, /^\d{3}[A-Z0-9]{13}$/],
  AT: [20, /^\d{16}$/],
  CH: [21, /^\d{5}[A-Z0-9]{12}$/],
  PL: [28, /^\d{24}$/],
  TR: [26, /^\d{5}[A-Z0-9]{17}$/],
  MA: [28, /^\d{24}$/],
  TN: [24, /^\d{20}$/],
  RO: [24, /^[A-Z]{4}[A-Z0-9]{16}$/],
  BG: [22, /^[A-Z]{4}\d{6}[A-Z0-9]{8}$/],
  UA: [29, /^\d{6}[A-Z0-9]{19}$/],
  HU: [28, /^\d{24}$/],
  CZ: [24, /^\d{20}$/],
  SK: [24, /^\d{20}$/],
  SE: [24, /^\d{20}$/],
  DK: [18, /^\d{14}$/],
  NO: [15, /^\d{11}$/],
  FI: [18, /^\d{14}$/],
  GR: [27, /^\d{7}[A-Z0-9]{16}$/],
  HR: [21, /^\d{17}$/],
  SI: [19, /^\d{15}$/],
  LT: [20, /^\d{16}$/],
  LV: [21, /^[A-Z]{4}[A-Z0-9]{13}$/],
  EE: [20, /^\d{16}$/],
};

const IBAN_START_RE = /(?<![\p{L}\p{N}])([A-Za-z]{2})\d{2}(?= ?[A-Za-z0-9])/gu;

export const detectIbans = (text: string): Detection[] => {
  const found: Detection[] = [];
  for (const m of text.matchAll(IBAN_START_RE)) {
    const format = IBAN_FORMATS[m[1].toUpperCase()];
    if (!format) continue;
    const [length, bban] = format;
    // Collect exactly `length` characters, allowing one space between them (printed IBANs come in groups of 4).
    let compact = '';
    let i = m.index;
    while (i < text.length && compact.length < length) {
      const ch = text[i];
      if (/[A-Za-z0-9]/.test(ch)) compact += ch;
      else if (!(ch === ' ' && compact.length > 0 && /[A-Za-z0-9]/.test(text[i + 1] ?? ''))) break;
      i++;
    }
    if (compact.length !== length || /[\p{L}\p{N}]/u.test(text[i] ?? '')) continue;
    const iban = compact.toUpperCase();
    if (bban.test(iban.slice(4)) && passesIbanMod97(iban)) found.push({ type: 'IBAN', start: m.index, end: i });
  }
  return found;
};

// Nine digits, optionally grouped with single spaces, dots or dashes ("111 222 333", "1112.22.333").
const BSN_RE = /(?<![\p{L}\p{N}+€$.,\/-])\d(?:[ .-]?\d){8}(?![\p{N}]|[ .,-]\d)/gu;

export const detectBsns = (text: string): Detection[] => {
  const found: Detection[] = [];
  for (const m of text.matchAll(BSN_RE)) {
    if (passesElfproef(m[0].replace(/\D/g, '')))
      found.push({ type: 'BSN', start: m.index, end: m.index + m[0].length });
  }
  return found;
};

import type { FieldProblem } from '../errors/domain-error';

/** The 11-proef of a Dutch BSN: 9 digits, weights 9..2 and −1, sum divisible by 11. */
export const passesElevenTest = (digits: string): boolean => {
  if (!/^\d{9}$/.test(digits)) return false;
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (i === 8 ? -1 : 9 - i), 0);
  return sum % 11 === 0 && sum !== 0;
};

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$/;

/**
 * A client is a pseudonymous code: letters and digits, with at least one digit, so a name cannot be
 * typed in by mistake. Anything that could be a BSN (any run of 9 digits passing the 11-proef) or an
 * e-mail address is refused with a reason the professional understands.
 */
export const clientCodeProblems = (raw: string, field = 'code'): FieldProblem[] => {
  const code = raw.trim();
  if (code === '') return [{ field, message: 'Vul een cliëntcode in.' }];
  if (code.includes('@')) {
    return [{ field, message: 'Dit lijkt een e-mailadres. Gebruik een code zonder persoonsgegevens, bijvoorbeeld NRD-0042.' }];
  }
  const digitRuns = code.replace(/[\s.-]/g, ' ').match(/\d+/g) ?? [];
  const compact = code.replace(/[\s.-]/g, '');
  if (digitRuns.some(passesElevenTest) || /^\d{9}$/.test(compact) && passesElevenTest(compact)) {
    return [{ field, message: 'Dit lijkt een BSN. Een BSN mag niet in dit systeem: gebruik een eigen code, bijvoorbeeld NRD-0042.' }];
  }
  if (/\s/.test(code) || !/\d/.test(code)) {
    return [{ field, message: 'Dit lijkt een naam. Gebruik een code met minstens één cijfer en zonder spaties, bijvoorbeeld NRD-0042.' }];
  }
  if (!CODE_PATTERN.test(code)) {
    return [{ field, message: 'Een code heeft 3 tot 32 tekens: letters, cijfers, - of _.' }];
  }
  return [];
};

/** Codes are compared without case, so NRD-0042 and nrd-0042 are one client. */
export const normaliseClientCode = (raw: string): string => raw.trim().toUpperCase();

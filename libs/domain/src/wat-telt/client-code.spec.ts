import { clientCodeProblems, normaliseClientCode, passesElevenTest } from './client-code';

const messageOf = (code: string) => clientCodeProblems(code)[0]?.message ?? null;

describe('client codes', () => {
  it('applies the 11-proef of the BSN', () => {
    expect(passesElevenTest('111222333')).toBe(true); // 9+8+7+12+10+8+9+6−3 = 66
    expect(passesElevenTest('123456782')).toBe(true); // 154
    expect(passesElevenTest('123456789')).toBe(false); // 147
    expect(passesElevenTest('000000000')).toBe(false);
  });

  it('accepts pseudonymous codes', () => {
    expect(clientCodeProblems('NRD-0042')).toEqual([]);
    expect(clientCodeProblems('zuid_17')).toEqual([]);
    expect(clientCodeProblems('123456789')).toEqual([]);
  });

  it('refuses a BSN, also when written with dots or inside a code', () => {
    expect(messageOf('111222333')).toContain('BSN');
    expect(messageOf('1112.22.333')).toContain('BSN');
    expect(messageOf('C-123456782')).toContain('BSN');
  });

  it('refuses an e-mail address and something that looks like a name', () => {
    expect(messageOf('jan@example.nl')).toContain('e-mailadres');
    expect(messageOf('Jan Jansen')).toContain('naam');
    expect(messageOf('Jansen')).toContain('naam');
    expect(messageOf('')).toContain('Vul een cliëntcode in');
    expect(messageOf('A1!')).toContain('3 tot 32 tekens');
  });

  it('treats codes without regard to case', () => {
    expect(normaliseClientCode(' nrd-0042 ')).toBe('NRD-0042');
  });
});

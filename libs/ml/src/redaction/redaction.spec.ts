import { passesElfproef, passesIbanMod97 } from './checksums';
import { evaluateRedaction, measureRedactionThroughput } from './evaluate-redaction';
import { redact } from './redact';
import { REDACTION_HOLDOUT_SET, REDACTION_TESTSET } from './redaction-testset';
import type { RedactionType } from './redaction-types';

const spans = (text: string, keep?: string[]): [RedactionType, string][] =>
  redact(text, keep ? { keep } : undefined).found.map((f) => [f.type, f.text]);

describe('redact', () => {
  describe('checksums', () => {
    it('accepts a BSN that passes the 11-proef and rejects one that does not', () => {
      expect(passesElfproef('111222333')).toBe(true);
      expect(passesElfproef('123456782')).toBe(true);
      expect(passesElfproef('123456789')).toBe(false);
      expect(passesElfproef('000000000')).toBe(false);
      expect(passesElfproef('12345678')).toBe(false);
    });

    it('accepts an IBAN whose mod-97 check holds and rejects a typo', () => {
      expect(passesIbanMod97('NL91ABNA0417164300')).toBe(true);
      expect(passesIbanMod97('nl91abna0417164300')).toBe(true);
      expect(passesIbanMod97('NL91ABNA0417164301')).toBe(false);
      expect(passesIbanMod97('BE79017016110187')).toBe(true);
    });
  });

  describe('names', () => {
    it('replaces the name after a title and keeps the title', () => {
      expect(redact('Ik was bij meneer de Vries.').redacted).toBe('Ik was bij meneer [NAAM].');
      expect(redact('mw. A. Ramdin belde terug.').redacted).toBe('mw. [NAAM] belde terug.');
      expect(redact('Mevrouw Van der Linden wil naar de koffieochtend.').redacted).toBe(
        'Mevrouw [NAAM] wil naar de koffieochtend.',
      );
    });

    it('finds Dutch and Dutch-resident names without a cue', () => {
      expect(spans('Fatima El Amrani en Kees van Dijk kwamen langs.')).toEqual([
        ['NAAM', 'Fatima El Amrani'],
        ['NAAM', 'Kees van Dijk'],
      ]);
      expect(spans('Mehmet Öztürk, Agnieszka Kowalska en Anil Ramdin zaten aan tafel.')).toEqual([
        ['NAAM', 'Mehmet Öztürk'],
        ['NAAM', 'Agnieszka Kowalska'],
        ['NAAM', 'Anil Ramdin'],
      ]);
    });

    it('treats unknown capitalised words after a cue as names', () => {
      expect(spans('De vader van Gianluca zit in de schuldsanering.')).toEqual([['NAAM', 'Gianluca']]);
      expect(spans('Een jongen genaamd Sjaak hielp haar.')).toEqual([['NAAM', 'Sjaak']]);
      expect(spans('Ik heb vanochtend met Wijnaldum gebeld.')).toEqual([['NAAM', 'Wijnaldum']]);
      expect(spans('Ik ben Wiebren, 67 jaar.')).toEqual([['NAAM', 'Wiebren']]);
    });

    it('is careful with "ik ben": adjectives, roles and nationalities are not names', () => {
      expect(spans('Ik ben Marokkaans en trots op mijn wijk.')).toEqual([]);
      expect(spans('Ik ben Wijkcoach in Kanaleneiland.')).toEqual([]);
      expect(spans('ik ben uh gewoon moe')).toEqual([]);
      expect(spans('uh ik ben fatima en ik woon hier')).toEqual([['NAAM', 'fatima']]);
    });

    it('needs a cue or a surname for names that are also Dutch words', () => {
      expect(spans('Wil je mij terugbellen?')).toEqual([]);
      expect(spans('Hoop doet leven.')).toEqual([]);
      expect(spans('Mark het formulier als spoed.')).toEqual([]);
      expect(spans('De Koning kwam op bezoek.')).toEqual([]);
      expect(spans('Mijn dochter Roos en meneer Mees.')).toEqual([
        ['NAAM', 'Roos'],
        ['NAAM', 'Mees'],
      ]);
      expect(spans('Bas van Leeuwen en Wil Hendriks helpen mee.')).toEqual([
        ['NAAM', 'Bas van Leeuwen'],
        ['NAAM', 'Wil Hendriks'],
      ]);
    });

    it('leaves organisations, weekdays, months and places alone', () => {
      const text =
        'Maandag ben ik met het Wijkteam, de GGD, Humanitas, de Kredietbank, het UWV en de Sociale Dienst in Den Haag geweest. In April gaan we met Albert Heijn praten. Ze komt uit Al Hoceima.';
      expect(spans(text)).toEqual([]);
    });

    it('finds names in lowercase speech transcripts', () => {
      expect(spans('ja dus ik was bij uh mevrouw bakker en die zei dat haar zoon kevin weer uh ziek was')).toEqual([
        ['NAAM', 'bakker'],
        ['NAAM', 'kevin'],
      ]);
      expect(spans('ja en toen zei meneer uh el khatib dat hij geen geld had')).toEqual([['NAAM', 'el khatib']]);
      expect(spans('de buurvrouw van hiernaast en de meneer van de woningbouw')).toEqual([]);
    });
  });

  describe('wijk names to keep', () => {
    it('keeps the organisation’s wijk names, even when they look like a name', () => {
      const text = 'Jan woont al zijn hele leven in de Jan Maijenbuurt en de Van Galenbuurt.';
      expect(redact(text, { keep: ['Jan Maijenbuurt', 'Van Galenbuurt'] }).redacted).toBe(
        '[NAAM] woont al zijn hele leven in de Jan Maijenbuurt en de Van Galenbuurt.',
      );
      expect(spans('Meneer Tuinstra woont in Sint Marten.', ['sint marten'])).toEqual([['NAAM', 'Tuinstra']]);
    });
  });

  describe('phone numbers', () => {
    it.each([
      '06-12345678',
      '06 12345678',
      '06 - 4321 8765',
      '06 12 34 56 78',
      '06.12.34.56.78',
      '0612345678',
      '+31 6 23456789',
      '+31612345678',
      '0031 6 98765432',
      '020-6123456',
      '010 412 34 56',
      '0348-123456',
      '+31 (0)20 123 4567',
      '(020) 123 4567',
    ])('recognises %s', (phone) => {
      expect(spans(`Bel haar op ${phone}, liefst na drie uur.`)).toEqual([['TELEFOON', phone]]);
    });

    it('leaves service numbers, times, amounts and dates alone', () => {
      expect(
        spans('Bel de Kredietbank via 0800-8115. Om 10.30 uur, 1.250 mensen, 2.345,67 euro, op 12-03-2024.'),
      ).toEqual([]);
    });
  });

  describe('e-mail, BSN and IBAN', () => {
    it('replaces e-mail addresses without the sentence’s full stop', () => {
      expect(redact('Zijn e-mailadres is k.devries1962@hotmail.nl.').redacted).toBe('Zijn e-mailadres is [EMAIL].');
    });

    it('replaces only 9-digit numbers that pass the 11-proef, also with dots or spaces', () => {
      expect(spans('BSN 111222333, 1112.22.333 en 111 222 333.')).toEqual([
        ['BSN', '111222333'],
        ['BSN', '1112.22.333'],
        ['BSN', '111 222 333'],
      ]);
      expect(spans('Het dossiernummer is 123456789.')).toEqual([]);
    });

    it('replaces Dutch and foreign IBANs, spaced or not, and ignores a typo', () => {
      expect(spans('Naar NL91ABNA0417164300 of NL91 ABNA 0417 1643 00 of BE79 0170 1611 0187.')).toEqual([
        ['IBAN', 'NL91ABNA0417164300'],
        ['IBAN', 'NL91 ABNA 0417 1643 00'],
        ['IBAN', 'BE79 0170 1611 0187'],
      ]);
      expect(spans('Het IBAN NL91ABNA0417164301 klopt niet.')).toEqual([]);
    });
  });

  describe('addresses and postcodes', () => {
    it.each([
      'Kerkstraat 12a',
      'Van der Helststraat 7-2',
      'Burgemeester de Vlugtlaan 3',
      'Laan van Meerdervoort 512',
      'Oudegracht 245 bis',
      '2e Daalsedijk 12',
    ])('recognises %s', (address) => {
      expect(spans(`Ze woont op de ${address}, al jaren.`)).toEqual([['ADRES', address]]);
    });

    it('needs a house number, and does not take the article before the street', () => {
      expect(spans('In de Kerkstraat is het onrustig.')).toEqual([]);
      expect(redact('Ze woont op de Kerkstraat 12.').redacted).toBe('Ze woont op de [ADRES].');
    });

    it('replaces postcodes with and without a space, but not a year followed by a word', () => {
      expect(spans('1072 NT Amsterdam en 3531AB.')).toEqual([
        ['POSTCODE', '1072 NT'],
        ['POSTCODE', '3531AB'],
      ]);
      expect(spans('In 2018 kwam ze naar Nederland.')).toEqual([]);
    });
  });

  describe('dates of birth', () => {
    it('replaces a date introduced by geboren, geb. or geboortedatum, or next to jarig', () => {
      expect(spans('Mevrouw is geboren op 14-02-1938.')).toEqual([['GEBOORTEDATUM', '14-02-1938']]);
      expect(spans('Dhr. Amrani, geb. 12 maart 1955, heeft diabetes.')).toEqual([
        ['NAAM', 'Amrani'],
        ['GEBOORTEDATUM', '12 maart 1955'],
      ]);
      expect(spans('Geboortedatum: 03/07/1961')).toEqual([['GEBOORTEDATUM', '03/07/1961']]);
      expect(spans('Ze is 12 maart jarig.')).toEqual([['GEBOORTEDATUM', '12 maart']]);
      expect(spans('Hij werd op 7 oktober 1949 geboren in Groningen.')).toEqual([['GEBOORTEDATUM', '7 oktober 1949']]);
    });

    it('leaves other dates and a bare birth year alone', () => {
      expect(spans('De afspraak is op 12 maart 2024. Hij is in 1948 geboren.')).toEqual([]);
    });
  });

  it('redacts a story with several kinds of personal data', () => {
    const text =
      'Vandaag met mevrouw Fatma Yildiz (geb. 03-05-1958) gesproken. Ze woont op de Columbuslaan 14, 3526 EP Utrecht, bereikbaar op 06-24681357 en fatma.yildiz@ziggo.nl. Haar BSN is 111222333 en haar IBAN NL91 ABNA 0417 1643 00. Haar zoon Emre helpt met de post; de Kredietbank is ingeschakeld.';
    const result = redact(text, { keep: ['Overvecht'] });
    expect(result.redacted).toBe(
      'Vandaag met mevrouw [NAAM] (geb. [GEBOORTEDATUM]) gesproken. Ze woont op de [ADRES], [POSTCODE] Utrecht, bereikbaar op [TELEFOON] en [EMAIL]. Haar BSN is [BSN] en haar IBAN [IBAN]. Haar zoon [NAAM] helpt met de post; de Kredietbank is ingeschakeld.',
    );
    for (const f of result.found) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(result.found.map((f) => f.type)).toEqual([
      'NAAM',
      'GEBOORTEDATUM',
      'ADRES',
      'POSTCODE',
      'TELEFOON',
      'EMAIL',
      'BSN',
      'IBAN',
      'NAAM',
    ]);
  });

  it('is deterministic and finds nothing new in its own output', () => {
    for (const c of REDACTION_TESTSET) {
      const once = redact(c.text, c.options);
      expect(redact(c.text, c.options)).toEqual(once);
      expect(redact(once.redacted, c.options).found).toEqual([]);
    }
  });

  describe('labelled test set', () => {
    it('has at least 150 cases with unique ids whose expected spans occur in the text', () => {
      expect(REDACTION_TESTSET.length).toBeGreaterThanOrEqual(150);
      const ids = [...REDACTION_TESTSET, ...REDACTION_HOLDOUT_SET].map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of [...REDACTION_TESTSET, ...REDACTION_HOLDOUT_SET]) {
        for (const e of c.expected) expect(c.text).toContain(e.text);
      }
      expect(REDACTION_TESTSET.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(50);
    });

    it('meets the quality gate: overall precision ≥ 0.95 and recall ≥ 0.90', () => {
      const { overall } = evaluateRedaction(REDACTION_TESTSET);
      expect(overall.precision).toBeGreaterThanOrEqual(0.95);
      expect(overall.recall).toBeGreaterThanOrEqual(0.9);
    });

    it('stays above a regression floor on the held-out set (never tune on it)', () => {
      const { overall } = evaluateRedaction(REDACTION_HOLDOUT_SET);
      expect(overall.precision).toBeGreaterThanOrEqual(0.9);
      expect(overall.recall).toBeGreaterThanOrEqual(0.85);
    });
  });

  it('scores spans by exact type and text', () => {
    const result = evaluateRedaction([
      { id: 'a', text: 'Meneer de Vries belde.', expected: [{ type: 'NAAM', text: 'Vries' }] },
      { id: 'b', text: 'Bel 06-12345678.', expected: [{ type: 'TELEFOON', text: '06-12345678' }] },
    ]);
    expect(result.perType.NAAM).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
    expect(result.perType.TELEFOON).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(result.overall).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1 });
    expect(result.errors).toHaveLength(2);
  });

  it('measures its own throughput for the bench (the numbers themselves live in npm run bench:ml, not here)', () => {
    const { storiesPerCpuSecond } = measureRedactionThroughput(REDACTION_TESTSET, { durationMs: 100 });
    expect(Number.isFinite(storiesPerCpuSecond)).toBe(true);
    expect(storiesPerCpuSecond).toBeGreaterThan(0);
  });
});

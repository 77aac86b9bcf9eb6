import {
  bigrams,
  DUTCH_STOP_WORDS,
  extractFeatures,
  splitSentences,
  stemDutch,
  stemTokens,
  stripDiacritics,
  tokenize,
} from './index';

describe('Dutch tokenizer', () => {
  it('lower-cases, strips diacritics and splits on everything that is not a letter', () => {
    expect(tokenize('Hij was geïnteresseerd in Café-bezoek!').map((t) => t.term)).toEqual([
      'geinteresseerd',
      'cafe',
      'bezoek',
    ]);
  });

  it('keeps diacritics when asked', () => {
    expect(tokenize('geïnteresseerd', { stripDiacritics: false }).map((t) => t.term)).toEqual(['geïnteresseerd']);
  });

  it('drops numbers and keeps the original spelling for explanations', () => {
    const tokens = tokenize('In 2023 had ze €12.000 Schulden.');
    expect(tokens.map((t) => t.term)).toEqual(['schulden']);
    expect(tokens[0].original).toBe('Schulden');
  });

  it('ignores redaction placeholders', () => {
    expect(tokenize('[NAAM] belde [TELEFOONNUMMER] over de huur van [ADRES 2].').map((t) => t.term)).toEqual([
      'belde',
      'huur',
    ]);
  });

  it('leaves out stop words but keeps words that matter in support stories', () => {
    expect(DUTCH_STOP_WORDS.has('de')).toBe(true);
    expect(tokenize('ik wilde het zelf doen, zonder hulp').map((t) => t.term)).toEqual(['zelf', 'zonder', 'hulp']);
  });

  it('strips diacritics from any text', () => {
    expect(stripDiacritics('Continuïteit, één, café')).toBe('Continuiteit, een, cafe');
  });
});

describe('Dutch stemmer', () => {
  it.each([
    ['schulden', 'schuld'],
    ['eenzaamheid', 'eenzaam'],
    ['eenzame', 'eenzaam'],
    ['huizen', 'huis'],
    ['buurthuizen', 'buurthuis'],
    ['afspraken', 'afspraak'],
    ['huisje', 'huis'],
    ['gezondheid', 'gezond'],
  ])('%s and %s share a stem', (a, b) => {
    expect(stemDutch(a)).toBe(stemDutch(b));
  });

  it('does not merge unrelated words', () => {
    expect(stemDutch('werk')).not.toBe(stemDutch('wonen'));
    expect(stemDutch('geld')).not.toBe(stemDutch('gezin'));
  });

  it('stems the content words of a text', () => {
    expect(stemTokens('De schulden van de kinderen')).toEqual(['schuld', 'kinder']);
  });
});

describe('text features', () => {
  it('makes word bigrams', () => {
    expect(bigrams(['geen', 'geld', 'meer'])).toEqual(['geen geld', 'geld meer']);
  });

  it('traces every feature back to the words that made it', () => {
    const f = extractFeatures('Huurachterstand!', { stems: true, bigrams: false, charNgrams: [4, 4] });
    expect(f.keys).toContain('w:huurachterstand');
    expect(f.keys).toContain('c:<huu');
    expect(f.sources.every((s) => s.every((i) => f.tokens[i].original === 'Huurachterstand'))).toBe(true);
  });

  it('splits a story into sentences, also an unpunctuated transcript', () => {
    expect(splitSentences('Eerst dit. Dan dat! En nu?\nNieuwe regel')).toEqual([
      'Eerst dit.',
      'Dan dat!',
      'En nu?',
      'Nieuwe regel',
    ]);
    expect(splitSentences(Array.from({ length: 90 }, () => 'woord').join(' '), 40)).toHaveLength(3);
  });
});

import { normalizeDutchWords, wordErrorRate, wordErrors } from './word-error-rate';

describe('normalizeDutchWords', () => {
  it('lowercases, strips punctuation and folds accents', () => {
    expect(normalizeDutchWords('De Aboriginals zijn de oorspronkelijke bewoners van Australië.')).toEqual([
      'de',
      'aboriginals',
      'zijn',
      'de',
      'oorspronkelijke',
      'bewoners',
      'van',
      'australie',
    ]);
    expect(normalizeDutchWords("Zo'n mantelzorg-taak, hè?  “Ja!”")).toEqual(['zon', 'mantelzorg', 'taak', 'he', 'ja']);
  });
});

describe('wordErrorRate', () => {
  it('is 0 for the same words whatever the case and punctuation', () => {
    expect(wordErrorRate('De sneeuwman is gesmolten.', 'de sneeuwman is gesmolten')).toBe(0);
  });

  it('counts substitutions, deletions and insertions against the reference length', () => {
    expect(wordErrors('mijn toetsenbord zit vol stof', 'mijn toetsenbord zat vol')).toMatchObject({
      substitutions: 1,
      deletions: 1,
      insertions: 0,
      referenceWords: 5,
    });
    expect(wordErrorRate('mijn toetsenbord zit vol stof', 'mijn toetsenbord zat vol')).toBeCloseTo(0.4);
    expect(wordErrors('vol stof', 'heel vol stof hoor')).toMatchObject({ insertions: 2, wer: 1 });
  });

  it('handles empty texts', () => {
    expect(wordErrorRate('', '')).toBe(0);
    expect(wordErrorRate('', 'iets')).toBe(1);
    expect(wordErrorRate('iets gezegd', '')).toBe(1);
  });
});

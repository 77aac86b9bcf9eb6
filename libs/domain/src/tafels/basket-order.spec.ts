import { isPermutationOf, moveInOrder } from './basket-order';

describe('moveInOrder', () => {
  it('moves a story up, down, to the top and to the end', () => {
    expect(moveInOrder(['a', 'b', 'c', 'd'], 'c', 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveInOrder(['a', 'b', 'c', 'd'], 'a', 1)).toEqual(['b', 'a', 'c', 'd']);
    expect(moveInOrder(['a', 'b', 'c', 'd'], 'd', 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveInOrder(['a', 'b', 'c', 'd'], 'a', 3)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('changes nothing past either end or for an unknown story', () => {
    expect(moveInOrder(['a', 'b'], 'a', -1)).toEqual(['a', 'b']);
    expect(moveInOrder(['a', 'b'], 'b', 9)).toEqual(['a', 'b']);
    expect(moveInOrder(['a', 'b'], 'x', 0)).toEqual(['a', 'b']);
  });
});

describe('isPermutationOf', () => {
  it('accepts the same ids in another order and refuses additions, losses and doubles', () => {
    expect(isPermutationOf(['a', 'b', 'c'], ['c', 'a', 'b'])).toBe(true);
    expect(isPermutationOf(['a', 'b', 'c'], ['a', 'b'])).toBe(false);
    expect(isPermutationOf(['a', 'b'], ['a', 'x'])).toBe(false);
    expect(isPermutationOf(['a', 'b'], ['a', 'a'])).toBe(false);
  });
});

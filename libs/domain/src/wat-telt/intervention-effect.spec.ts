import { effectWindows, interventionEffect, type EffectCounts } from './intervention-effect';

const labels = { archetype: (key: string) => key, tag: (key: string) => `tag ${key}` };
const TEN = { stories: 10, inwoners: 10 };

// Hand-calculated: archetype A in 4 of 20 stories before and 14 of 20 after. Expected counts 9/9/11/11, so
// chi-square = 2·25/9 + 2·25/11 = 10.10 with df 1, p ≈ 0.0015. Tag t1: 5 of 20 and 6 of 20, p ≈ 0.72.
const counts: EffectCounts = {
  stories: { before: 20, after: 20 },
  archetypes: { before: [{ key: 'A', count: 4 }], after: [{ key: 'A', count: 14 }] },
  tags: { before: [{ key: 't1', count: 5 }], after: [{ key: 't1', count: 6 }] },
  // Ten inwoners each side: 5,5,5,5,5,6,6,6,6,6 (mean 5.5) before and 7…8 (mean 7.5) after.
  rapportcijfer: { before: [[5, 5], [6, 5]], after: [[7, 5], [8, 5]], inwonersBefore: 10, inwonersAfter: 10 },
  // Measured on both sides: five up (by 1 or 2), three the same, two down.
  followedChanges: [1, 1, 1, 1, 2, 0, 0, 0, -1, -1],
};

describe('interventionEffect', () => {
  it('compares stories and measurements before and after, with a verdict in plain Dutch', () => {
    const effect = interventionEffect(counts, TEN, labels);
    if (effect.stories.suppressed || effect.rapportcijfer.suppressed || effect.followed.suppressed) throw new Error('nothing should be suppressed');
    const [a] = effect.stories.archetypes;
    expect(a).toMatchObject({ key: 'A', countA: 4, countB: 14, shareA: 0.2, shareB: 0.7, verdict: 'likely-real' });
    expect(a.test.sufficient && a.test.method).toBe('chi-square');
    expect(a.test.sufficient && a.test.statistic).toBeCloseTo(10.101, 3);
    expect(effect.stories.tags[0]).toMatchObject({ key: 't1', verdict: 'could-be-chance' });
    expect(effect.rapportcijfer).toMatchObject({ inwonersBefore: 10, inwonersAfter: 10, measurementsBefore: 10, measurementsAfter: 10, meanBefore: 5.5, meanAfter: 7.5, verdict: 'likely-real' });
    expect(effect.followed).toEqual({ suppressed: false, n: 10, improved: 5, stable: 3, declined: 2 });
    expect(effect.summary).toEqual([
      'Na de interventie hebben meer verhalen "A" (70% tegenover 20% ervoor); dat is waarschijnlijk geen toeval.',
      expect.stringMatching(/^Rapportcijfer: na de interventie gemiddeld 7,5, ervoor 5,5 \(hoger; 10 en 10 inwoners\)\. Dit verschil is waarschijnlijk geen toeval/),
      'Van de 10 inwoners met een gesprek vóór én na gaf 50% na de interventie een hoger rapportcijfer, 30% hetzelfde en 20% een lager.',
      'Dit laat zien wat er rond de interventie veranderde, niet dat de interventie de oorzaak is.',
    ]);
  });

  it('says "te weinig gegevens" for each part below the minimum group, on either side', () => {
    const few = interventionEffect({ ...counts, stories: { before: 9, after: 20 } }, TEN, labels);
    expect(few.stories).toEqual({ suppressed: true });
    expect(few.rapportcijfer.suppressed).toBe(false);
    expect(few.summary[0]).toBe('Verhalen: te weinig gegevens (minder dan 10 verhalen vóór of na).');

    const nothing = interventionEffect(
      { ...counts, stories: { before: 9, after: 20 }, rapportcijfer: { ...counts.rapportcijfer, inwonersAfter: 9 }, followedChanges: [1, 0, -1] },
      TEN,
      labels,
    );
    expect(nothing).toEqual({
      minimum: TEN,
      stories: { suppressed: true },
      rapportcijfer: { suppressed: true },
      followed: { suppressed: true },
      summary: ['Te weinig gegevens: vóór of na de interventie zijn er minder dan 10 verhalen en minder dan 10 gemeten inwoners.'],
    });
  });

  it('takes the minimum of stories and of inwoners each for its own part', () => {
    const effect = interventionEffect(counts, { stories: 25, inwoners: 5 }, labels);
    expect(effect.stories).toEqual({ suppressed: true });
    expect(effect.rapportcijfer.suppressed).toBe(false);
    expect(effect.summary[0]).toBe('Verhalen: te weinig gegevens (minder dan 25 verhalen vóór of na).');
  });

  it('says so when no archetype or tag differs clearly', () => {
    const effect = interventionEffect({ ...counts, archetypes: { before: [{ key: 'A', count: 5 }], after: [{ key: 'A', count: 6 }] } }, TEN, labels);
    expect(effect.summary[0]).toBe('Verhalen: geen archetype of tag komt na de interventie duidelijk vaker of minder vaak voor dan ervoor (20 verhalen vóór, 20 na).');
  });
});

describe('effectWindows', () => {
  it('takes whole months on both sides, leaving out the day itself and keeping month ends in range', () => {
    expect(effectWindows('2026-05-31', 3)).toEqual({ before: { from: '2026-02-28', to: '2026-05-30' }, after: { from: '2026-06-01', to: '2026-08-31' } });
    expect(effectWindows('2026-03-01', 1)).toEqual({ before: { from: '2026-02-01', to: '2026-02-28' }, after: { from: '2026-03-02', to: '2026-04-01' } });
  });
});

import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@vertelpunt/config';
import { PatternsRepository, type ChartScope, type HeatmapBy } from '@vertelpunt/db';
import {
  chartSuppression,
  compareItems,
  compareValues,
  DomainError,
  hideSmallCounts,
  restsOnSmallGroup,
  seesAggregatesOnly,
  suppressCount,
  suppressedJudgement,
  validateStoryFilter,
  type FieldProblem,
  type PeriodUnit,
  type StoryFilter,
  type TestResult,
  type Verdict,
} from '@vertelpunt/domain';
import type { Actor } from '../common/request-context';
import { CONFIG } from '../common/tokens';
import { SIMILAR_LIMIT } from '../explorer/explorer.service';
import { SimilarStoriesService } from '../processing/similar-stories.service';

const toTest = (judged: { test: TestResult; verdict: Verdict; explanation: string }) => ({
  method: judged.test.sufficient ? judged.test.method : null,
  statistic: judged.test.sufficient && Number.isFinite(judged.test.statistic) ? judged.test.statistic : null,
  df: judged.test.sufficient ? judged.test.df : null,
  p: judged.test.sufficient ? judged.test.p : null,
  verdict: judged.verdict,
  explanation: judged.explanation,
});

/**
 * The charts of Patronen. Whoever may read stories gets exact counts; a caller who sees aggregates only (managers,
 * issue 8) gets every count that rests on fewer than `MIN_GROUP_SIZE` stories as null, with `suppression` saying why.
 * Suppression happens here, before anything leaves the API, so no page or client can show the small numbers.
 */
@Injectable()
export class PatternsService {
  constructor(
    private readonly patterns: PatternsRepository,
    private readonly similar: SimilarStoriesService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** The minimum group size for this caller, or null when they see exact counts. */
  private minimumFor(actor: Actor): number | null {
    return seesAggregatesOnly(actor.roles) ? this.config.privacy.minGroupSize : null;
  }

  async storiesOverTime(actor: Actor, filter: StoryFilter, unit: PeriodUnit) {
    const chart = await this.patterns.storiesOverTime(actor.organisationId, filter, unit, await this.scopeOf(actor, filter));
    const min = this.minimumFor(actor);
    if (min === null) return { ...chart, suppression: null };
    return {
      ...hideSmallCounts(chart, ['total'], min),
      buckets: chart.buckets.map((b) => hideSmallCounts(b, ['wijkcoach', 'inwoner'], min)),
      suppression: chartSuppression(min),
    };
  }

  async archetypeDistribution(actor: Actor, filter: StoryFilter) {
    const chart = await this.patterns.archetypeDistribution(actor.organisationId, filter, await this.scopeOf(actor, filter));
    const min = this.minimumFor(actor);
    if (min === null) return { ...chart, suppression: null };
    return {
      ...hideSmallCounts(chart, ['wijkcoachTotal', 'inwonerTotal'], min),
      archetypes: chart.archetypes.map((bar) => hideSmallCounts(bar, ['wijkcoach', 'inwoner'], min)),
      suppression: chartSuppression(min),
    };
  }

  async tagHeatmap(actor: Actor, filter: StoryFilter, by: HeatmapBy) {
    const chart = await this.patterns.tagHeatmap(actor.organisationId, filter, by, await this.scopeOf(actor, filter));
    const min = this.minimumFor(actor);
    if (min === null) return { ...chart, suppression: null };
    return {
      ...hideSmallCounts(chart, ['total'], min),
      columns: chart.columns.map((c) => hideSmallCounts(c, ['total'], min)),
      cells: chart.cells.map((c) => hideSmallCounts(c, ['count'], min)),
      suppression: chartSuppression(min),
    };
  }

  async dyadHistograms(actor: Actor, filter: StoryFilter) {
    const histograms = await this.patterns.dyadHistograms(actor.organisationId, filter, await this.scopeOf(actor, filter));
    const min = this.minimumFor(actor);
    return histograms.map(({ labels, ...h }) => ({
      ...h,
      leftLabel: labels.leftLabel ?? '',
      rightLabel: labels.rightLabel ?? '',
      ...(min === null
        ? { suppression: null }
        : { answered: suppressCount(h.answered, min), bins: h.bins.map((b) => hideSmallCounts(b, ['count'], min)), suppression: chartSuppression(min) }),
    }));
  }

  async canvasDensity(actor: Actor, filter: StoryFilter) {
    const densities = await this.patterns.canvasDensity(actor.organisationId, filter, await this.scopeOf(actor, filter));
    const min = this.minimumFor(actor);
    return densities.map(({ labels, ...d }) => ({
      ...d,
      xLeftLabel: labels.xLeftLabel ?? '',
      xRightLabel: labels.xRightLabel ?? '',
      yBottomLabel: labels.yBottomLabel ?? '',
      yTopLabel: labels.yTopLabel ?? '',
      ...(min === null
        ? { suppression: null }
        : { answered: suppressCount(d.answered, min), cells: d.cells.map((c) => hideSmallCounts(c, ['count'], min)), suppression: chartSuppression(min) }),
    }));
  }

  async compare(actor: Actor, a: StoryFilter, b: StoryFilter) {
    const [scopeA, scopeB] = await Promise.all([this.scopeOf(actor, a, 'a.'), this.scopeOf(actor, b, 'b.')]);
    const counts = await this.patterns.compareCounts(actor.organisationId, a, b, scopeA, scopeB);
    const min = this.minimumFor(actor);
    const items = counts.counts.map((c) => {
      const [judged] = compareItems([{ key: c.key, count: c.countA }], counts.totalA, [{ key: c.key, count: c.countB }], counts.totalB);
      if (min !== null && restsOnSmallGroup([c.countA, c.countB, counts.totalA, counts.totalB], min)) {
        return { ...hideSmallCounts(c, ['countA', 'countB'], min), shareA: null, shareB: null, test: toTest(suppressedJudgement(min)) };
      }
      return { ...c, shareA: judged.shareA, shareB: judged.shareB, test: toTest(judged) };
    });
    const values = counts.values.map((v) => {
      const judged = compareValues(v.key, v.a, v.b);
      const base = { group: v.group, key: v.key, label: v.label, lowLabel: v.lowLabel, highLabel: v.highLabel };
      if (min !== null && restsOnSmallGroup([judged.countA, judged.countB], min)) {
        const countA = suppressCount(judged.countA, min);
        const countB = suppressCount(judged.countB, min);
        return { ...base, countA, countB, meanA: null, meanB: null, test: toTest(suppressedJudgement(min)) };
      }
      return { ...base, countA: judged.countA, countB: judged.countB, meanA: judged.meanA, meanB: judged.meanB, test: toTest(judged) };
    });
    if (min === null) return { totalA: counts.totalA, totalB: counts.totalB, items, values, suppression: null };
    const totalA = suppressCount(counts.totalA, min);
    const totalB = suppressCount(counts.totalB, min);
    return { totalA, totalB, items, values, suppression: chartSuppression(min) };
  }

  /** "Zoals dit" looks at as many similar stories as the Verhalen explorer does, so charts and list agree. */
  private async scopeOf(actor: Actor, filter: StoryFilter, prefix = ''): Promise<ChartScope> {
    const problems: FieldProblem[] = validateStoryFilter(filter).map((p) => ({ ...p, field: `${prefix}${p.field}` }));
    if (problems.length > 0) throw new DomainError('BAD_USER_INPUT', problems.map((p) => p.message).join(' '), problems);
    if (!filter.similarTo) return { onlyIds: null };
    const hits = await this.similar.similarTo(actor.organisationId, filter.similarTo, SIMILAR_LIMIT);
    return { onlyIds: hits.map((h) => h.story.id) };
  }
}

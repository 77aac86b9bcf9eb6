import { Injectable } from '@nestjs/common';
import { PatternsRepository, type ChartScope, type HeatmapBy } from '@vertelpunt/db';
import {
  compareItems,
  compareValues,
  DomainError,
  validateStoryFilter,
  type FieldProblem,
  type PeriodUnit,
  type StoryFilter,
  type TestResult,
  type Verdict,
} from '@vertelpunt/domain';
import type { Actor } from '../common/request-context';
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

@Injectable()
export class PatternsService {
  constructor(
    private readonly patterns: PatternsRepository,
    private readonly similar: SimilarStoriesService,
  ) {}

  async storiesOverTime(actor: Actor, filter: StoryFilter, unit: PeriodUnit) {
    return this.patterns.storiesOverTime(actor.organisationId, filter, unit, await this.scopeOf(actor, filter));
  }

  async archetypeDistribution(actor: Actor, filter: StoryFilter) {
    return this.patterns.archetypeDistribution(actor.organisationId, filter, await this.scopeOf(actor, filter));
  }

  async tagHeatmap(actor: Actor, filter: StoryFilter, by: HeatmapBy) {
    return this.patterns.tagHeatmap(actor.organisationId, filter, by, await this.scopeOf(actor, filter));
  }

  async dyadHistograms(actor: Actor, filter: StoryFilter) {
    const histograms = await this.patterns.dyadHistograms(actor.organisationId, filter, await this.scopeOf(actor, filter));
    return histograms.map(({ labels, ...h }) => ({ ...h, leftLabel: labels.leftLabel ?? '', rightLabel: labels.rightLabel ?? '' }));
  }

  async canvasDensity(actor: Actor, filter: StoryFilter) {
    const densities = await this.patterns.canvasDensity(actor.organisationId, filter, await this.scopeOf(actor, filter));
    return densities.map(({ labels, ...d }) => ({
      ...d,
      xLeftLabel: labels.xLeftLabel ?? '',
      xRightLabel: labels.xRightLabel ?? '',
      yBottomLabel: labels.yBottomLabel ?? '',
      yTopLabel: labels.yTopLabel ?? '',
    }));
  }

  async compare(actor: Actor, a: StoryFilter, b: StoryFilter) {
    const [scopeA, scopeB] = await Promise.all([this.scopeOf(actor, a, 'a.'), this.scopeOf(actor, b, 'b.')]);
    const counts = await this.patterns.compareCounts(actor.organisationId, a, b, scopeA, scopeB);
    const items = counts.counts.map((c) => {
      const [judged] = compareItems([{ key: c.key, count: c.countA }], counts.totalA, [{ key: c.key, count: c.countB }], counts.totalB);
      return { ...c, shareA: judged.shareA, shareB: judged.shareB, test: toTest(judged) };
    });
    const values = counts.values.map((v) => {
      const judged = compareValues(v.key, v.a, v.b);
      return { group: v.group, key: v.key, label: v.label, lowLabel: v.lowLabel, highLabel: v.highLabel, countA: judged.countA, countB: judged.countB, meanA: judged.meanA, meanB: judged.meanB, test: toTest(judged) };
    });
    return { totalA: counts.totalA, totalB: counts.totalB, items, values };
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

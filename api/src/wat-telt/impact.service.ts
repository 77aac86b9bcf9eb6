import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@vertelpunt/config';
import {
  DEFAULT_EFFECT_WINDOW_MONTHS,
  DomainError,
  effectWindows,
  interventionEffect,
  MAX_EFFECT_WINDOW_MONTHS,
  notFound,
  summariseImpact,
  suppressImpact,
  tagTrends,
  trendPeriodFor,
  type Guarded,
  type ItemComparison,
  type TrendPeriod,
} from '@vertelpunt/domain';
import { AuditRepository, OrganisationRepository, WatTeltRepository } from '@vertelpunt/db';
import type { Actor } from '../common/request-context';
import { CONFIG } from '../common/tokens';
import { impactToPdf, impactToXlsx, REPORT_MIME, reportFilename, type ImpactReportFormat } from './impact-report';
import {
  TrendPeriodEnum,
  type EffectItemModel,
  type WatTeltImpactModel,
  type WatTeltImpactReportModel,
  type WatTeltImpactSelectionInput,
  type WatTeltInterventionEffectModel,
  type WatTeltStorySideModel,
} from './wat-telt.model';
import { WatTeltService } from './wat-telt.service';

/** Flattens a guarded figure for GraphQL: when suppressed, only `suppressed: true` is sent. */
// `{ suppressed: true }` has none of T's fields, which is exactly a Partial<T> with them absent.
const flat = <T extends object>(figure: Guarded<T>) => figure as { suppressed: boolean } & Partial<T>;

/**
 * Impact for managers. Suppression happens here, on the only path figures take out of the API,
 * so no page or export can show a figure over fewer than `WAT_TELT_MIN_GROUP_SIZE` inwoners.
 */
@Injectable()
export class ImpactService {
  constructor(
    private readonly watTelt: WatTeltRepository,
    private readonly organisations: OrganisationRepository,
    private readonly registration: WatTeltService,
    private readonly audit: AuditRepository,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async impact(actor: Actor, selection: WatTeltImpactSelectionInput): Promise<WatTeltImpactModel> {
    if (selection.wijkId && (await this.organisations.wijkenByIds(actor.organisationId, [selection.wijkId])).length === 0) throw notFound('Wijk');
    const changes = await this.watTelt.impactChanges(actor.organisationId, {
      from: selection.from ?? null,
      to: selection.to ?? null,
      wijkId: selection.wijkId ?? null,
      team: selection.team?.trim() || null,
    });
    const shown = suppressImpact(summariseImpact(changes), this.config.watTelt.minGroupSize);
    const board = await this.registration.board(actor.organisationId);
    const label = (key: string) => board.leefgebieden.find((l) => l.key === key)?.label ?? key;
    const order = (key: string) => {
      const i = board.leefgebieden.findIndex((l) => l.key === key);
      return i === -1 ? 999 : i;
    };
    const goals = shown.goals.suppressed ? { suppressed: true } : { suppressed: false, inwoners: shown.goals.inwoners, total: shown.goals.total, ...shown.goals.byStatus };
    return {
      threshold: shown.threshold,
      minGroupSize: shown.minGroupSize,
      inwonersWithFollowUp: flat(shown.inwonersWithFollowUp),
      rapportcijfer: flat(shown.rapportcijfer),
      leefgebieden: shown.leefgebieden
        .map((l) => ({ leefgebied: l.leefgebied, label: label(l.leefgebied), change: flat(l.change) }))
        .sort((a, b) => order(a.leefgebied) - order(b.leefgebied)),
      goals,
      perspectiveGap: shown.perspectiveGap
        .map((g) => ({ leefgebied: g.leefgebied, label: label(g.leefgebied), ...flat(g.gap) }))
        .sort((a, b) => order(a.leefgebied) - order(b.leefgebied)),
    };
  }

  /** The report for a selection as XLSX or PDF, made from `impact()` itself: suppressed exactly as the API is. */
  async report(
    actor: Actor,
    selection: WatTeltImpactSelectionInput,
    format: ImpactReportFormat,
    options: { by?: TrendPeriod | null; interventionId?: string | null; months?: number | null } = {},
  ): Promise<WatTeltImpactReportModel> {
    const [impact, stories, effect] = await Promise.all([
      this.impact(actor, selection),
      this.storySide(actor, selection, options.by),
      options.interventionId ? this.interventionEffect(actor, selection, options.interventionId, options.months) : null,
    ]);
    const wijkName = selection.wijkId ? ((await this.organisations.wijkenByIds(actor.organisationId, [selection.wijkId]))[0]?.name ?? null) : null;
    const madeOn = new Date().toISOString().slice(0, 10);
    const input = { impact, stories, effect, from: selection.from ?? null, to: selection.to ?? null, wijkName, team: selection.team?.trim() || null, madeOn };
    const content = format === 'XLSX' ? await impactToXlsx(input) : await impactToPdf(input);
    // Exports are audited (what, not the figures themselves).
    await this.audit.record({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'impact.report-exported',
      subjectType: 'impact',
      subjectId: null,
      details: {
        format,
        wijkId: selection.wijkId ?? null,
        from: selection.from ?? null,
        to: selection.to ?? null,
        team: selection.team?.trim() || null,
        interventionId: options.interventionId ?? null,
      },
    });
    return { filename: reportFilename(format, madeOn), mimeType: REPORT_MIME[format], contentBase64: content.toString('base64') };
  }

  /**
   * Stories per month, archetypes, tag trends and Tafel interventions for the same period and wijk as the figures. Tag
   * trends go by month, or by quarter when the stories span more than a year (unless `by` is given); a period with
   * fewer stories than `MIN_GROUP_SIZE` shows none of its figures.
   */
  async storySide(actor: Actor, selection: WatTeltImpactSelectionInput, by?: TrendPeriod | null): Promise<WatTeltStorySideModel> {
    await this.checkWijk(actor, selection.wijkId);
    const side = await this.watTelt.storySide(actor.organisationId, { from: selection.from ?? null, to: selection.to ?? null, wijkId: selection.wijkId ?? null });
    // Tag trends rest on stories: the stories' minimum (MIN_GROUP_SIZE, as on Patronen), not the inwoners'.
    const minGroupSize = this.config.privacy.minGroupSize;
    const span = side.months.length === 0 ? 0 : monthsBetween(side.months[0].month, side.months[side.months.length - 1].month);
    const trends = tagTrends(side.months, side.tagMonths, minGroupSize, by ?? trendPeriodFor(span));
    const tagsById = new Map(side.tags.map((t) => [t.id, t]));
    const order = new Map(side.tags.map((t, i) => [t.id, i]));
    return {
      months: side.months,
      archetypes: side.archetypes,
      interventions: side.interventions,
      tagTrends: {
        by: trends.by === 'month' ? TrendPeriodEnum.MONTH : TrendPeriodEnum.QUARTER,
        minGroupSize,
        periods: trends.periods,
        tags: trends.tags
          .filter((t) => tagsById.has(t.tagId))
          .sort((a, b) => order.get(a.tagId)! - order.get(b.tagId)!)
          .map((t) => ({ ...t, label: tagsById.get(t.tagId)!.label, taxonomy: tagsById.get(t.tagId)!.taxonomy })),
      },
    };
  }

  /**
   * Before/after around a Tafel intervention for the wijk and team of the selection (its period is replaced by the
   * windows): stories compared as in Patronen, Wat telt as rapportcijfers and inwoners measured on both sides, each
   * part suppressed below its minimum (`MIN_GROUP_SIZE` stories, `WAT_TELT_MIN_GROUP_SIZE` inwoners).
   */
  async interventionEffect(actor: Actor, selection: WatTeltImpactSelectionInput, interventionId: string, months?: number | null): Promise<WatTeltInterventionEffectModel> {
    const windowMonths = months ?? DEFAULT_EFFECT_WINDOW_MONTHS;
    if (!Number.isInteger(windowMonths) || windowMonths < 1 || windowMonths > MAX_EFFECT_WINDOW_MONTHS) {
      const message = `Kies een periode van 1 tot en met ${MAX_EFFECT_WINDOW_MONTHS} maanden voor en na de interventie.`;
      throw new DomainError('BAD_USER_INPUT', message, [{ field: 'months', message }]);
    }
    await this.checkWijk(actor, selection.wijkId);
    const data = await this.watTelt.interventionEffectData(actor.organisationId, interventionId, { wijkId: selection.wijkId ?? null, team: selection.team?.trim() || null }, windowMonths);
    if (!data) throw notFound('Interventie');
    const tagLabel = new Map(data.tags.map((t) => [t.id, t.label]));
    const effect = interventionEffect(
      data.counts,
      { stories: this.config.privacy.minGroupSize, inwoners: this.config.watTelt.minGroupSize },
      { archetype: (key) => key, tag: (key) => tagLabel.get(key) ?? key },
    );
    const item = (label: (key: string) => string) => (c: ItemComparison): EffectItemModel => ({
      key: c.key,
      label: label(c.key),
      countBefore: c.countA,
      countAfter: c.countB,
      shareBefore: c.shareA,
      shareAfter: c.shareB,
      verdict: c.verdict,
      explanation: c.explanation,
    });
    const stories = effect.stories.suppressed
      ? { suppressed: true }
      : {
          suppressed: false,
          before: effect.stories.before,
          after: effect.stories.after,
          archetypes: effect.stories.archetypes.map(item((key) => key)),
          tags: effect.stories.tags.filter((t) => tagLabel.has(t.key)).map(item((key) => tagLabel.get(key)!)),
        };
    return {
      intervention: data.intervention,
      months: windowMonths,
      minGroupSize: effect.minimum.inwoners,
      minStories: effect.minimum.stories,
      ...effectWindows(data.intervention.date, windowMonths),
      stories,
      rapportcijfer: flat(effect.rapportcijfer),
      followed: flat(effect.followed),
      summary: effect.summary,
    };
  }

  private async checkWijk(actor: Actor, wijkId: string | null | undefined) {
    if (wijkId && (await this.organisations.wijkenByIds(actor.organisationId, [wijkId])).length === 0) throw notFound('Wijk');
  }
}

/** Months from the first to the last `jjjj-mm`, both counted. */
const monthsBetween = (first: string, last: string) => {
  const [y1, m1] = first.split('-').map(Number);
  const [y2, m2] = last.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) + 1;
};

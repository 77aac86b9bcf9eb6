import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@vertelpunt/config';
import { notFound, summariseImpact, suppressImpact, type Guarded } from '@vertelpunt/domain';
import { AuditRepository, OrganisationRepository, WatTeltRepository } from '@vertelpunt/db';
import type { Actor } from '../common/request-context';
import { CONFIG } from '../common/tokens';
import { impactToPdf, impactToXlsx, REPORT_MIME, reportFilename, type ImpactReportFormat } from './impact-report';
import type { WatTeltImpactModel, WatTeltImpactReportModel, WatTeltImpactSelectionInput, WatTeltStorySideModel } from './wat-telt.model';
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
  async report(actor: Actor, selection: WatTeltImpactSelectionInput, format: ImpactReportFormat): Promise<WatTeltImpactReportModel> {
    const impact = await this.impact(actor, selection);
    const wijkName = selection.wijkId ? ((await this.organisations.wijkenByIds(actor.organisationId, [selection.wijkId]))[0]?.name ?? null) : null;
    const madeOn = new Date().toISOString().slice(0, 10);
    const input = { impact, from: selection.from ?? null, to: selection.to ?? null, wijkName, team: selection.team?.trim() || null, madeOn };
    const content = format === 'XLSX' ? await impactToXlsx(input) : await impactToPdf(input);
    // Exports are audited (what, not the figures themselves).
    await this.audit.record({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'impact.report-exported',
      subjectType: 'impact',
      subjectId: null,
      details: { format, wijkId: selection.wijkId ?? null, from: selection.from ?? null, to: selection.to ?? null, team: selection.team?.trim() || null },
    });
    return { filename: reportFilename(format, madeOn), mimeType: REPORT_MIME[format], contentBase64: content.toString('base64') };
  }

  /** Stories per month, archetypes and Tafel interventions for the same period and wijk as the figures. */
  async storySide(actor: Actor, selection: WatTeltImpactSelectionInput): Promise<WatTeltStorySideModel> {
    if (selection.wijkId && (await this.organisations.wijkenByIds(actor.organisationId, [selection.wijkId])).length === 0) throw notFound('Wijk');
    return this.watTelt.storySide(actor.organisationId, { from: selection.from ?? null, to: selection.to ?? null, wijkId: selection.wijkId ?? null });
  }
}

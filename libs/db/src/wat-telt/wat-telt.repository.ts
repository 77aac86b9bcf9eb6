import type { DataSource, EntityManager } from 'typeorm';
import {
  EXPLORABLE_STATUSES,
  PERSPECTIVES,
  effectWindows,
  type EffectCounts,
  type TagMonthCount,
  type Perspective,
  expandCounts,
  type GoalStatus,
  type ImpactChanges,
  type ImpactGoal,
  type ImpactMeasurement,
  type ImportedMeasurement,
  type MeasurementDraft,
  type WatTeltLeefgebied,
} from '@vertelpunt/domain';
import { WatTeltClientEntity } from './wat-telt-client.entity';
import { WatTeltGoalEntity, WatTeltGoalStatusEntity } from './wat-telt-goal.entity';
import { WatTeltLeefgebiedEntity } from './wat-telt-leefgebied.entity';
import { WatTeltMeasurementEntity } from './wat-telt-measurement.entity';
import { WatTeltScoreEntity } from './wat-telt-score.entity';

export type WatTeltClientSummary = WatTeltClientEntity & { measurementCount: number; lastMeasuredOn: string | null };

export type WatTeltMeasurementWithScores = WatTeltMeasurementEntity & { scores: WatTeltScoreEntity[] };

export type WatTeltGoalWithHistory = WatTeltGoalEntity & { history: WatTeltGoalStatusEntity[] };

/** The story side of an impact view: stories per month, archetypes chosen, tags per month, Tafel interventions on the time axis. */
export type ImpactStorySide = {
  months: { month: string; stories: number }[];
  archetypes: { label: string; stories: number }[];
  /** Stories per tag (not rejected) and month; figures are suppressed by the domain's `tagTrends`. */
  tagMonths: TagMonthCount[];
  tags: ImpactTag[];
  interventions: { id: string; date: string; tafel: string; action: string; owner: string; status: string; dueDate: string | null }[];
};

export type ImpactTag = { id: string; label: string; taxonomy: string };

/** Before/after an intervention, within a wijk and team: the Tafel's date and what the two windows hold. */
export type InterventionEffectData = { intervention: ImpactStorySide['interventions'][number]; counts: EffectCounts; tags: ImpactTag[] };

/** Which inwoners an impact figure is about: measurements in a period, clients of a wijk or team. */
export type ImpactSelection = { from: string | null; to: string | null; wijkId: string | null; team: string | null };

export type NewMeasurement = { clientId: string; professionalUserId: string | null; source: 'bord' | 'import'; draft: MeasurementDraft };

/**
 * The WHERE of an impact selection over measurements `m` (or per-client summaries `s`, which have no period) joined to
 * their clients `c`; `$1` is the organisation.
 */
const impactWhere = (organisationId: string, selection: ImpactSelection, rows: 'm' | 's' = 'm') => {
  const where = [`${rows}.organisation_id = $1`];
  const params: unknown[] = [organisationId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (selection.from) add('m.measured_on >= ?', selection.from);
  if (selection.to) add('m.measured_on <= ?', selection.to);
  if (selection.wijkId) add('c.wijk_id = ?', selection.wijkId);
  if (selection.team) add('lower(c.team) = lower(?)', selection.team);
  return { where: where.join(' AND '), params };
};

/**
 * `clients` (client_id, total measurements, change in rapportcijfer ×10) and `chips` (per client and leefgebied:
 * total, chips, change and latest gap in tenths) of a selection with a period: first and latest within the period.
 * Encodings: `nr * 1000 + tenths` sorts by measurement first, so min/max pick the first/latest chip and `% 1000` gives
 * back its position (0–100); the gap (−100…100) is stored shifted by 500 in the same way. The triggers of migration
 * 1764100000000 compute the summaries with the same rule.
 */
const PERIOD_CHANGES = (where: string) => `
      sel AS (
        SELECT m.id, m.client_id, m.rapportcijfer,
               row_number() OVER (PARTITION BY m.client_id ORDER BY m.measured_on, m.created_at, m.id)::int AS nr,
               count(*) OVER (PARTITION BY m.client_id)::int AS total
          FROM wat_telt_measurement m
          JOIN wat_telt_client c ON c.id = m.client_id AND c.organisation_id = m.organisation_id
         WHERE ${where}
      ),
      clients AS (
        SELECT client_id, max(total) AS total,
               10 * (max(rapportcijfer) FILTER (WHERE nr = total) - max(rapportcijfer) FILTER (WHERE nr = 1)) AS change
          FROM sel GROUP BY client_id
      ),
      per_measurement AS (
        -- All chips of a measurement in one index-only range scan, inwoner and professional side by side.
        SELECT sel.client_id, s.leefgebied, sel.nr, sel.total,
               max(round(s.position * 10)::int) FILTER (WHERE s.perspective = 'inwoner') AS inwoner,
               max(round(s.position * 10)::int) FILTER (WHERE s.perspective = 'professional') AS professional
          FROM sel JOIN wat_telt_score s ON s.measurement_id = sel.id AND s.organisation_id = $1
         GROUP BY sel.client_id, s.leefgebied, sel.nr, sel.total
      ),
      chips AS (
        SELECT leefgebied, max(total) AS total, count(*) AS chips,
               max(nr * 1000 + inwoner) % 1000 - min(nr * 1000 + inwoner) % 1000 AS change,
               max(nr * 1000 + 500 + inwoner - professional) % 1000 - 500 AS gap
          FROM per_measurement WHERE inwoner IS NOT NULL
         GROUP BY client_id, leefgebied
      )`;

/**
 * The same for a selection without a period, read from the per-client summaries: `clients` as above, and `chips` only
 * with the counted change (null when not counted) and the gap, so no chip and no measurement is read.
 */
const SUMMARISED_CHANGES = (where: string, byClient: boolean) => `
      clients AS MATERIALIZED (
        SELECT s.client_id, s.measurements AS total, 10 * (s.latest_rapportcijfer - s.first_rapportcijfer) AS change
          FROM wat_telt_client_summary s
          ${byClient ? 'JOIN wat_telt_client c ON c.id = s.client_id AND c.organisation_id = s.organisation_id' : ''}
         WHERE ${where}
      ),
      chips AS (
        SELECT l.leefgebied, l.change_tenths AS change, l.latest_gap_tenths AS gap
          FROM wat_telt_leefgebied_summary l
         WHERE l.organisation_id = $1 ${byClient ? 'AND l.client_id IN (SELECT client_id FROM clients)' : ''}
      )`;

/** Per leefgebied and value, the counted changes and the gaps, from `chips`. */
const CHIP_COUNTS = {
  // One pass over the chips for both groupings; a value that is null in its own grouping is not counted.
  summarised: `
      UNION ALL SELECT CASE WHEN GROUPING(gap) = 1 THEN 'leefgebied' ELSE 'gap' END, leefgebied, coalesce(change, gap), count(*)::int
                  FROM chips GROUP BY GROUPING SETS ((leefgebied, change), (leefgebied, gap))
                HAVING (GROUPING(gap) = 1 AND change IS NOT NULL) OR (GROUPING(change) = 1 AND gap IS NOT NULL)`,
  period: `
      UNION ALL SELECT 'leefgebied', leefgebied, change, count(*)::int FROM chips WHERE total >= 2 AND chips >= 2 GROUP BY leefgebied, change
      UNION ALL SELECT 'gap', leefgebied, gap, count(*)::int FROM chips WHERE gap IS NOT NULL GROUP BY leefgebied, gap`,
};

export class WatTeltRepository {
  constructor(private readonly dataSource: DataSource) {}

  ownLeefgebieden(organisationId: string): Promise<WatTeltLeefgebiedEntity[]> {
    return this.dataSource.getRepository(WatTeltLeefgebiedEntity).find({ where: { organisationId }, order: { position: 'ASC' } });
  }

  /** Replaces the organisation's cards; an empty list goes back to the default. */
  replaceLeefgebieden(organisationId: string, leefgebieden: WatTeltLeefgebied[]): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      await em.delete(WatTeltLeefgebiedEntity, { organisationId });
      if (leefgebieden.length > 0) {
        await em.insert(WatTeltLeefgebiedEntity, leefgebieden.map((l, position) => ({ organisationId, key: l.key, label: l.label, position })));
      }
    });
  }

  /** All clients of the organisation, or one when `id` is given, with how often and when they were last measured. */
  async listClients(organisationId: string, id?: string): Promise<WatTeltClientSummary[]> {
    const query = this.dataSource
      .getRepository(WatTeltClientEntity)
      .createQueryBuilder('c')
      .leftJoin(WatTeltMeasurementEntity, 'm', 'm.client_id = c.id AND m.organisation_id = c.organisation_id')
      .addSelect('count(m.id)::int', 'measurement_count')
      .addSelect(`to_char(max(m.measured_on), 'YYYY-MM-DD')`, 'last_measured_on')
      .where('c.organisation_id = :organisationId', { organisationId })
      .groupBy('c.id')
      .orderBy('c.code', 'ASC');
    if (id) query.andWhere('c.id = :id', { id });
    const { entities, raw } = await query.getRawAndEntities<{ measurement_count: number; last_measured_on: string | null }>();
    return entities.map((client, i) => Object.assign(client, { measurementCount: raw[i].measurement_count, lastMeasuredOn: raw[i].last_measured_on }));
  }

  /** Team names used on clients, for choosing a selection; no client data. */
  async teams(organisationId: string): Promise<string[]> {
    const rows: { team: string }[] = await this.dataSource.query(
      `SELECT DISTINCT team FROM wat_telt_client WHERE organisation_id = $1 AND team IS NOT NULL ORDER BY team`,
      [organisationId],
    );
    return rows.map((r) => r.team);
  }

  /** Names of the professionals who recorded measurements, by user id; only members of the organisation. */
  async professionalNames(organisationId: string, userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT u.id, u.name FROM app_user u JOIN membership m ON m.user_id = u.id AND m.organisation_id = $1 WHERE u.id = ANY($2::uuid[])`,
      [organisationId, userIds],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  findClient(organisationId: string, id: string): Promise<WatTeltClientEntity | null> {
    return this.dataSource.getRepository(WatTeltClientEntity).findOneBy({ organisationId, id });
  }

  findClientByCode(organisationId: string, code: string): Promise<WatTeltClientEntity | null> {
    return this.dataSource.getRepository(WatTeltClientEntity).findOneBy({ organisationId, code });
  }

  createClient(values: Pick<WatTeltClientEntity, 'organisationId' | 'code' | 'wijkId' | 'team'>): Promise<WatTeltClientEntity> {
    return this.dataSource.getRepository(WatTeltClientEntity).save(values);
  }

  /** Oldest first: the order of the conversations. */
  async measurementsOf(organisationId: string, clientId: string): Promise<WatTeltMeasurementWithScores[]> {
    const measurements = await this.dataSource
      .getRepository(WatTeltMeasurementEntity)
      .find({ where: { organisationId, clientId }, order: { measuredOn: 'ASC', createdAt: 'ASC' } });
    if (measurements.length === 0) return [];
    const scores = await this.dataSource
      .getRepository(WatTeltScoreEntity)
      .createQueryBuilder('s')
      .where('s.organisation_id = :organisationId AND s.measurement_id IN (:...ids)', { organisationId, ids: measurements.map((m) => m.id) })
      .getMany();
    return measurements.map((m) => Object.assign(m, { scores: scores.filter((s) => s.measurementId === m.id) }));
  }

  async goalsOf(organisationId: string, clientId: string): Promise<WatTeltGoalWithHistory[]> {
    const goals = await this.dataSource.getRepository(WatTeltGoalEntity).find({ where: { organisationId, clientId }, order: { createdAt: 'ASC', id: 'ASC' } });
    if (goals.length === 0) return [];
    const history = await this.dataSource
      .getRepository(WatTeltGoalStatusEntity)
      .createQueryBuilder('h')
      .where('h.organisation_id = :organisationId AND h.goal_id IN (:...ids)', { organisationId, ids: goals.map((g) => g.id) })
      .orderBy('h.changed_on', 'ASC')
      .getMany();
    return goals.map((g) => Object.assign(g, { history: history.filter((h) => h.goalId === g.id) }));
  }

  recordMeasurement(organisationId: string, values: NewMeasurement): Promise<WatTeltMeasurementEntity> {
    return this.dataSource.transaction((em) => this.insertMeasurement(em, organisationId, values));
  }

  /**
   * The valid measurements of an import, in one transaction: clients are found by code or created;
   * if anything fails, nothing is kept.
   */
  importMeasurements(organisationId: string, professionalUserId: string, measurements: ImportedMeasurement[]): Promise<{ clientsCreated: number; measurements: number }> {
    return this.dataSource.transaction(async (em) => {
      const clients = new Map<string, string>();
      let clientsCreated = 0;
      for (const m of measurements) {
        let clientId = clients.get(m.clientCode);
        if (!clientId) {
          const existing = await em.findOneBy(WatTeltClientEntity, { organisationId, code: m.clientCode });
          clientId = existing?.id ?? (await em.save(WatTeltClientEntity, { organisationId, code: m.clientCode, wijkId: m.wijkId, team: m.team })).id;
          if (!existing) clientsCreated += 1;
          clients.set(m.clientCode, clientId);
        }
        await this.insertMeasurement(em, organisationId, { clientId, professionalUserId, source: 'import', draft: m.draft });
      }
      return { clientsCreated, measurements: measurements.length };
    });
  }

  private async insertMeasurement(em: EntityManager, organisationId: string, { clientId, professionalUserId, source, draft }: NewMeasurement) {
    const measurement = await em.save(WatTeltMeasurementEntity, {
      organisationId,
      clientId,
      professionalUserId,
      source,
      measuredOn: draft.measuredOn,
      rapportcijfer: draft.rapportcijfer,
      thirdRole: draft.thirdRole,
      note: draft.note.trim(),
    });
    const scores = draft.positions.flatMap((p) =>
      PERSPECTIVES.flatMap((perspective) =>
        p[perspective] === null ? [] : [{ organisationId, measurementId: measurement.id, leefgebied: p.leefgebied, perspective, position: p[perspective]! }],
      ),
    );
    if (scores.length > 0) await em.insert(WatTeltScoreEntity, scores);
    for (const goal of draft.goals) {
      const saved = await em.save(WatTeltGoalEntity, { organisationId, clientId, measurementId: measurement.id, leefgebied: goal.leefgebied, text: goal.text.trim(), status: goal.status });
      await em.insert(WatTeltGoalStatusEntity, { organisationId, goalId: saved.id, status: goal.status, changedOn: draft.measuredOn, measurementId: measurement.id });
    }
    for (const update of draft.goalUpdates) {
      const goal = await em.findOneBy(WatTeltGoalEntity, { organisationId, clientId, id: update.goalId });
      if (!goal || goal.status === update.status) continue;
      await em.update(WatTeltGoalEntity, { organisationId, id: goal.id }, { status: update.status });
      await em.insert(WatTeltGoalStatusEntity, { organisationId, goalId: goal.id, status: update.status, changedOn: draft.measuredOn, measurementId: measurement.id });
    }
    return measurement;
  }

  /** `CODE|jjjj-mm-dd` of the stored conversations of these clients, to keep an import from doubling them. */
  async measurementKeys(organisationId: string, codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows: { key: string }[] = await this.dataSource.query(
      `SELECT c.code || '|' || to_char(m.measured_on, 'YYYY-MM-DD') AS key
         FROM wat_telt_measurement m JOIN wat_telt_client c ON c.id = m.client_id AND c.organisation_id = m.organisation_id
        WHERE m.organisation_id = $1 AND c.code = ANY($2::text[])`,
      [organisationId, codes],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** Goal ids of a client, to check updates before writing. */
  async goalIdsOf(organisationId: string, clientId: string): Promise<Set<string>> {
    const rows = await this.dataSource.getRepository(WatTeltGoalEntity).find({ select: { id: true }, where: { organisationId, clientId } });
    return new Set(rows.map((r) => r.id));
  }

  /**
   * The per-inwoner changes of a selection, computed in Postgres (one statement). Nothing that names a client leaves
   * the database; the figures themselves are made by `summariseImpact`, as for `changesOf(impactData(...))`, which
   * gives the same. Without a period, first and latest are those of all a client's measurements: the per-client
   * summaries (kept by triggers, migration 1764100000000) hold them, so no chip is read. With a period, first and
   * latest within it come from the measurements by window functions, and the chips by one grouping.
   */
  async impactChanges(organisationId: string, selection: ImpactSelection): Promise<ImpactChanges> {
    const summarised = !selection.from && !selection.to;
    // Every goal belongs to a measurement, so without any filter the goals of the selection are all the organisation's.
    const allClients = summarised && !selection.wijkId && !selection.team;
    const { where, params } = impactWhere(organisationId, selection, summarised ? 's' : 'm');
    const sql = `
      WITH ${summarised ? SUMMARISED_CHANGES(where, !allClients) : PERIOD_CHANGES(where)},
      goals AS (
        SELECT g.client_id, g.status FROM wat_telt_goal g
         WHERE g.organisation_id = $1 ${allClients ? '' : 'AND g.client_id IN (SELECT client_id FROM clients)'}
      )
      SELECT 'measured' AS kind, NULL AS leefgebied, NULL::int AS value, count(*)::int AS count FROM clients
      UNION ALL SELECT 'followed', NULL, NULL, count(*)::int FROM clients WHERE total >= 2
      UNION ALL SELECT 'rapportcijfer', NULL, change, count(*)::int FROM clients WHERE total >= 2 GROUP BY change${summarised ? CHIP_COUNTS.summarised : CHIP_COUNTS.period}
      UNION ALL SELECT 'goal', status, NULL, count(*)::int FROM goals GROUP BY status
      UNION ALL SELECT 'goal-inwoners', NULL, NULL, count(DISTINCT client_id)::int FROM goals`;
    const rows: { kind: string; leefgebied: string | null; value: number | null; count: number }[] = await this.dataSource.transaction(async (em) => {
      // One aggregation over all chips of the selection: enough memory to keep it off disk, and no JIT start-up.
      await em.query(`SET LOCAL work_mem = '64MB'`);
      await em.query('SET LOCAL jit = off');
      return em.query(sql, params);
    });
    const of = (kind: string) => rows.filter((r) => r.kind === kind);
    const total = (kind: string) => of(kind)[0]?.count ?? 0;
    const grouped = (kind: string) => {
      const byKey: Record<string, { value: number; count: number }[]> = {};
      for (const r of of(kind)) (byKey[r.leefgebied!] ??= []).push({ value: r.value!, count: r.count });
      return Object.fromEntries(Object.entries(byKey).map(([key, counts]) => [key, expandCounts(counts)]));
    };
    const byStatus: Record<GoalStatus, number> = { open: 0, bezig: 0, bereikt: 0, gestopt: 0 };
    for (const r of of('goal')) byStatus[r.leefgebied as GoalStatus] = r.count;
    return {
      inwonersMeasured: total('measured'),
      inwonersWithFollowUp: total('followed'),
      rapportcijfer: expandCounts(of('rapportcijfer').map((r) => ({ value: r.value!, count: r.count }))),
      leefgebieden: grouped('leefgebied'),
      perspectiveGap: grouped('gap'),
      goals: { inwoners: total('goal-inwoners'), byStatus },
    };
  }

  /**
   * The stories next to the impact figures, for a period and wijk: explorable stories (redacted) by month of telling
   * and by archetype, and the interventions of ErvaringenTafels held in the period (in that wijk, or for all wijken),
   * by Tafel date. Counts and actions only, nothing about a client.
   */
  async storySide(organisationId: string, selection: Pick<ImpactSelection, 'from' | 'to' | 'wijkId'>): Promise<ImpactStorySide> {
    const params: unknown[] = [organisationId, [...EXPLORABLE_STATUSES], selection.from, selection.to, selection.wijkId];
    const stories = `SELECT s.id, s.told_at FROM story s
       WHERE s.organisation_id = $1 AND s.status = ANY($2::text[]) AND s.redacted_text IS NOT NULL
         AND ($3::date IS NULL OR s.told_at >= $3::date) AND ($4::date IS NULL OR s.told_at < $4::date + 1)
         AND ($5::uuid IS NULL OR s.wijk_id = $5::uuid)`;
    const [months, archetypes, tagMonths, tags, interventions] = await Promise.all([
      this.dataSource.query(
        `SELECT to_char(date_trunc('month', told_at AT TIME ZONE 'Europe/Amsterdam'), 'YYYY-MM') AS month, count(*)::int AS stories
           FROM (${stories}) s GROUP BY 1 ORDER BY 1`,
        params,
      ),
      this.dataSource.query(
        `SELECT a.name AS label, count(DISTINCT o.story_id)::int AS stories
           FROM (${stories}) s
           JOIN story_answer_option o ON o.story_id = s.id AND o.organisation_id = $1 AND o.kind = 'archetype'
           JOIN archetype a ON a.id::text = o.option_id AND a.organisation_id = $1
          GROUP BY a.name ORDER BY 2 DESC, 1`,
        params,
      ),
      this.dataSource.query(
        `SELECT st.tag_id AS "tagId", to_char(date_trunc('month', s.told_at AT TIME ZONE 'Europe/Amsterdam'), 'YYYY-MM') AS month, count(*)::int AS stories
           FROM (${stories}) s JOIN story_tag st ON st.story_id = s.id AND st.organisation_id = $1 AND st.state <> 'rejected'
          GROUP BY 1, 2`,
        params,
      ),
      this.tags(organisationId),
      this.dataSource.query(
        `SELECT i.id, to_char(t.date, 'YYYY-MM-DD') AS date, t.title AS tafel, i.action, i.owner, i.status, to_char(i.due_date, 'YYYY-MM-DD') AS "dueDate"
           FROM tafel_intervention i JOIN ervaringen_tafel t ON t.id = i.tafel_id AND t.organisation_id = i.organisation_id
          WHERE i.organisation_id = $1 AND ($2::date IS NULL OR t.date >= $2::date) AND ($3::date IS NULL OR t.date <= $3::date)
            AND ($4::uuid IS NULL OR t.wijk_id = $4::uuid OR t.wijk_id IS NULL)
          ORDER BY t.date, i.created_at, i.id`,
        [organisationId, selection.from, selection.to, selection.wijkId],
      ),
    ]);
    return { months, archetypes, tagMonths, tags, interventions };
  }

  /** The organisation's tags with their taxonomy, in the taxonomies' order. */
  private tags(organisationId: string): Promise<ImpactTag[]> {
    return this.dataSource.query(
      `SELECT t.id, t.label, tx.name AS taxonomy FROM tag t JOIN taxonomy tx ON tx.id = t.taxonomy_id AND tx.organisation_id = t.organisation_id
        WHERE t.organisation_id = $1 ORDER BY tx.name, t.position`,
      [organisationId],
    );
  }

  /**
   * What the before/after comparison around one Tafel intervention needs, or null when the organisation has no such
   * intervention: in the `months` months before and after the Tafel's date (see `effectWindows`), the explorable
   * stories of the wijk (count, archetypes, tags) and the measurements of clients in the wijk and team (rapportcijfer
   * counts, inwoners, and per inwoner measured on both sides latest-after minus latest-before). Counts only.
   */
  async interventionEffectData(
    organisationId: string,
    interventionId: string,
    selection: Pick<ImpactSelection, 'wijkId' | 'team'>,
    months: number,
  ): Promise<InterventionEffectData | null> {
    const [intervention] = await this.dataSource.query(
      `SELECT i.id, to_char(t.date, 'YYYY-MM-DD') AS date, t.title AS tafel, i.action, i.owner, i.status, to_char(i.due_date, 'YYYY-MM-DD') AS "dueDate"
         FROM tafel_intervention i JOIN ervaringen_tafel t ON t.id = i.tafel_id AND t.organisation_id = i.organisation_id
        WHERE i.organisation_id = $1 AND i.id = $2`,
      [organisationId, interventionId],
    );
    if (!intervention) return null;
    const { before, after } = effectWindows(intervention.date, months);
    const storyRows: { kind: string; side: 'before' | 'after'; key: string | null; count: number }[] = await this.dataSource.query(
      `WITH s AS (
         SELECT s.id, CASE WHEN s.told_at < $5::date + 1 THEN 'before' ELSE 'after' END AS side FROM story s
          WHERE s.organisation_id = $1 AND s.status = ANY($2::text[]) AND s.redacted_text IS NOT NULL AND ($3::uuid IS NULL OR s.wijk_id = $3::uuid)
            AND ((s.told_at >= $4::date AND s.told_at < $5::date + 1) OR (s.told_at >= $6::date AND s.told_at < $7::date + 1)))
       SELECT 'stories' AS kind, side, NULL AS key, count(*)::int AS count FROM s GROUP BY side
       UNION ALL
       SELECT 'archetype', s.side, a.name, count(DISTINCT s.id)::int FROM s
         JOIN story_answer_option o ON o.story_id = s.id AND o.organisation_id = $1 AND o.kind = 'archetype'
         JOIN archetype a ON a.id::text = o.option_id AND a.organisation_id = $1
        GROUP BY s.side, a.name
       UNION ALL
       SELECT 'tag', s.side, st.tag_id::text, count(*)::int FROM s JOIN story_tag st ON st.story_id = s.id AND st.organisation_id = $1 AND st.state <> 'rejected'
        GROUP BY s.side, st.tag_id`,
      [organisationId, [...EXPLORABLE_STATUSES], selection.wijkId, before.from, before.to, after.from, after.to],
    );
    const { where, params } = impactWhere(organisationId, { from: null, to: null, wijkId: selection.wijkId, team: selection.team });
    const n = params.length;
    const measurementRows: { kind: string; side: 'before' | 'after' | null; value: number | null; count: number }[] = await this.dataSource.query(
      `WITH m AS (
         SELECT m.id, m.client_id, m.rapportcijfer, m.measured_on, m.created_at, CASE WHEN m.measured_on <= $${n + 2}::date THEN 'before' ELSE 'after' END AS side
           FROM wat_telt_measurement m JOIN wat_telt_client c ON c.id = m.client_id AND c.organisation_id = m.organisation_id
          WHERE ${where} AND (m.measured_on BETWEEN $${n + 1}::date AND $${n + 2}::date OR m.measured_on BETWEEN $${n + 3}::date AND $${n + 4}::date)),
       latest AS (SELECT DISTINCT ON (client_id, side) client_id, side, rapportcijfer FROM m ORDER BY client_id, side, measured_on DESC, created_at DESC, id DESC)
       SELECT 'value' AS kind, side, rapportcijfer::int AS value, count(*)::int AS count FROM m GROUP BY side, rapportcijfer
       UNION ALL SELECT 'inwoners', side, NULL, count(DISTINCT client_id)::int FROM m GROUP BY side
       UNION ALL SELECT 'change', NULL, (a.rapportcijfer - b.rapportcijfer)::int, count(*)::int
                   FROM latest b JOIN latest a ON a.client_id = b.client_id AND a.side = 'after' WHERE b.side = 'before' GROUP BY 3`,
      [...params, before.from, before.to, after.from, after.to],
    );
    const items = (kind: string, side: 'before' | 'after') => storyRows.filter((r) => r.kind === kind && r.side === side).map((r) => ({ key: r.key!, count: r.count }));
    const storiesOn = (side: 'before' | 'after') => storyRows.find((r) => r.kind === 'stories' && r.side === side)?.count ?? 0;
    const values = (side: 'before' | 'after') => measurementRows.filter((r) => r.kind === 'value' && r.side === side).map((r) => [r.value!, r.count] as const);
    const inwoners = (side: 'before' | 'after') => measurementRows.find((r) => r.kind === 'inwoners' && r.side === side)?.count ?? 0;
    return {
      intervention,
      tags: await this.tags(organisationId),
      counts: {
        stories: { before: storiesOn('before'), after: storiesOn('after') },
        archetypes: { before: items('archetype', 'before'), after: items('archetype', 'after') },
        tags: { before: items('tag', 'before'), after: items('tag', 'after') },
        rapportcijfer: { before: values('before'), after: values('after'), inwonersBefore: inwoners('before'), inwonersAfter: inwoners('after') },
        followedChanges: expandCounts(measurementRows.filter((r) => r.kind === 'change').map((r) => ({ value: r.value!, count: r.count }))),
      },
    };
  }

  /**
   * What the impact computation needs for a selection, and nothing that names a client: measurements
   * in the period of clients in the wijk/team, with their chips; goals of those clients as they stand now.
   */
  async impactData(organisationId: string, selection: ImpactSelection): Promise<{ measurements: ImpactMeasurement[]; goals: ImpactGoal[] }> {
    const { where, params } = impactWhere(organisationId, selection);
    // Two flat queries and a join in memory: much cheaper than aggregating JSON per measurement.
    const selected = `SELECT m.id, m.client_id, m.measured_on, m.created_at, m.rapportcijfer
                        FROM wat_telt_measurement m
                        JOIN wat_telt_client c ON c.id = m.client_id AND c.organisation_id = m.organisation_id
                       WHERE ${where}`;
    const [rows, scores]: [
      { id: string; client_id: string; measured_on: string; rapportcijfer: number }[],
      { measurement_id: string; leefgebied: string; perspective: Perspective; position: number }[],
    ] = await Promise.all([
      this.dataSource.query(`SELECT id, client_id, to_char(measured_on, 'YYYY-MM-DD') AS measured_on, rapportcijfer FROM (${selected}) m ORDER BY measured_on, created_at, id`, params),
      this.dataSource.query(
        `SELECT s.measurement_id, s.leefgebied, s.perspective, s.position::float8 AS position
           FROM (${selected}) m JOIN wat_telt_score s ON s.measurement_id = m.id AND s.organisation_id = $1`,
        params,
      ),
    ]);
    const positions = new Map<string, ImpactMeasurement['positions']>();
    for (const s of scores) {
      const list = positions.get(s.measurement_id) ?? [];
      list.push({ leefgebied: s.leefgebied, perspective: s.perspective, position: s.position });
      positions.set(s.measurement_id, list);
    }
    const measurements: ImpactMeasurement[] = rows.map((r) => ({
      clientId: r.client_id,
      measuredOn: r.measured_on,
      rapportcijfer: Number(r.rapportcijfer),
      positions: positions.get(r.id) ?? [],
    }));
    const clientIds = [...new Set(measurements.map((m) => m.clientId))];
    const goals: ImpactGoal[] =
      clientIds.length === 0
        ? []
        : (
            await this.dataSource.query(`SELECT client_id, status FROM wat_telt_goal WHERE organisation_id = $1 AND client_id = ANY($2::uuid[])`, [organisationId, clientIds])
          ).map((g: { client_id: string; status: ImpactGoal['status'] }) => ({ clientId: g.client_id, status: g.status }));
    return { measurements, goals };
  }
}

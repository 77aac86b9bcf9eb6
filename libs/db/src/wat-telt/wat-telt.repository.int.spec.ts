import type { DataSource } from 'typeorm';
import { changesOf, summariseImpact, type GoalStatus, type ImportedMeasurement } from '@vertelpunt/domain';
import { openDataSource, seedTestOrganisation, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';
import { WatTeltRepository } from './wat-telt.repository';

const measurement = (clientCode: string, rapportcijfer: number): ImportedMeasurement => ({
  clientCode,
  wijkId: null,
  team: null,
  lines: [2],
  draft: {
    measuredOn: '2026-02-01',
    rapportcijfer,
    thirdRole: null,
    note: '',
    positions: [{ leefgebied: 'wonen', inwoner: 5, professional: null, derde: null }],
    goals: [],
    goalUpdates: [],
  },
});

describe('WatTeltRepository', () => {
  const config = testConfig('wat-telt-repository');
  let ds: DataSource;
  let org: TestOrganisation;
  let repository: WatTeltRepository;

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds, ['wijkcoach']);
    repository = new WatTeltRepository(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('keeps nothing of an import when one measurement fails halfway, clients included', async () => {
    // The second one breaks the database's own CHECK on rapportcijfer, after the first was written.
    await expect(
      repository.importMeasurements(org.organisation.id, org.users.wijkcoach.id, [measurement('TX-001', 6), measurement('TX-002', 11)]),
    ).rejects.toThrow(/rapportcijfer/);
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM wat_telt_client WHERE organisation_id = $1', [org.organisation.id]);
    expect(n).toBe(0);

    await expect(repository.importMeasurements(org.organisation.id, org.users.wijkcoach.id, [measurement('TX-001', 6)])).resolves.toEqual({
      clientsCreated: 1,
      measurements: 1,
    });
  });

  it('refuses a position outside 0–10 and a client code that is not normalised, in the database itself', async () => {
    await expect(ds.query(`INSERT INTO wat_telt_client (organisation_id, code) VALUES ($1, 'kleine-letters-1')`, [org.organisation.id])).rejects.toThrow(
      /wat_telt_client_code_valid/,
    );
    const [client] = await repository.listClients(org.organisation.id);
    const saved = await repository.recordMeasurement(org.organisation.id, { clientId: client.id, professionalUserId: null, source: 'bord', draft: measurement('TX-001', 7).draft });
    await expect(
      ds.query(`INSERT INTO wat_telt_score (organisation_id, measurement_id, leefgebied, perspective, position) VALUES ($1, $2, 'financien', 'inwoner', 10.5)`, [
        org.organisation.id,
        saved.id,
      ]),
    ).rejects.toThrow(/wat_telt_score_position_valid/);
  });

  it('computes the same impact in SQL as the domain does from the measurements, for every kind of selection', async () => {
    const own = await seedTestOrganisation(ds, ['wijkcoach']);
    // A varied set: 1–4 conversations per client (some on one date), chips that come and go, professionals who
    // sometimes skip a leefgebied, clients in both wijken and three teams (one without), goals in every status.
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const keys = ['wonen', 'financien', 'werk', 'sociale-contacten'];
    const statuses: GoalStatus[] = ['open', 'bezig', 'bereikt', 'gestopt'];
    const imported: ImportedMeasurement[] = [];
    for (let c = 0; c < 40; c++) {
      const wijkId = pick(own.wijken).id;
      const team = pick(['Team A', 'team b', 'Team C', null]);
      const count = 1 + Math.floor(random() * 4);
      for (let m = 0; m < count; m++) {
        const day = m === 2 && random() < 0.5 ? 10 + (m - 1) * 30 : 10 + m * 30;
        const positions = keys
          .filter(() => random() < 0.7)
          .map((leefgebied) => ({ leefgebied, inwoner: random() < 0.9 ? Math.round(random() * 100) / 10 : null, professional: random() < 0.6 ? Math.round(random() * 100) / 10 : null, derde: null }));
        imported.push({
          clientCode: `SQL-${String(c).padStart(3, '0')}`,
          wijkId,
          team,
          lines: [imported.length + 2],
          draft: {
            measuredOn: new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10),
            rapportcijfer: 1 + Math.floor(random() * 10),
            thirdRole: null,
            note: '',
            positions,
            goals: m === 0 && random() < 0.6 ? [{ leefgebied: 'wonen', text: 'Een eigen plek', status: pick(statuses) }] : [],
            goalUpdates: [],
          },
        });
      }
    }
    await repository.importMeasurements(own.organisation.id, own.users.wijkcoach.id, imported);
    const selections = [
      { from: null, to: null, wijkId: null, team: null },
      { from: null, to: null, wijkId: own.wijken[0].id, team: null },
      { from: '2026-01-20', to: '2026-03-01', wijkId: null, team: 'TEAM B' },
      { from: '2026-02-01', to: null, wijkId: own.wijken[1].id, team: 'Team A' },
      { from: null, to: null, wijkId: null, team: 'team b' },
    ];
    for (const selection of selections) {
      const data = await repository.impactData(own.organisation.id, selection);
      const fromSql = summariseImpact(await repository.impactChanges(own.organisation.id, selection));
      expect(fromSql).toEqual(summariseImpact(changesOf(data.measurements, data.goals)));
    }
    // Not trivially equal: the whole organisation has follow-ups, leefgebied changes, gaps and goals.
    const all = summariseImpact(await repository.impactChanges(own.organisation.id, selections[0]));
    expect(all.inwonersWithFollowUp).toBeGreaterThan(10);
    expect(all.leefgebieden.length).toBe(4);
    expect(all.perspectiveGap.length).toBe(4);
    expect(all.goals.total).toBeGreaterThan(5);
    // The other organisation's impact rests on its own single client (TX-001, above) only.
    expect((await repository.impactChanges(org.organisation.id, selections[0])).inwonersMeasured).toBe(1);
  });

  describe('per-client summaries (the read model behind impact without a period)', () => {
    const summaryOf = async (clientId: string) => {
      const [client] = await ds.query(
        `SELECT measurements, first_rapportcijfer AS first, latest_rapportcijfer AS latest FROM wat_telt_client_summary WHERE client_id = $1`,
        [clientId],
      );
      const leefgebieden = await ds.query(
        `SELECT leefgebied, chips, first_tenths AS first, latest_tenths AS latest, change_tenths AS change, latest_gap_tenths AS gap
           FROM wat_telt_leefgebied_summary WHERE client_id = $1 ORDER BY leefgebied`,
        [clientId],
      );
      return { client: client ?? null, leefgebieden };
    };
    const draft = (measuredOn: string, rapportcijfer: number, positions: [string, number | null, number | null][]) => ({
      measuredOn,
      rapportcijfer,
      thirdRole: null,
      note: '',
      positions: positions.map(([leefgebied, inwoner, professional]) => ({ leefgebied, inwoner, professional, derde: null })),
      goals: [],
      goalUpdates: [],
    });

    it('follows a first conversation, a follow-up dated earlier, an import and a deletion, as impact computes them', async () => {
      const own = await seedTestOrganisation(ds, ['wijkcoach']);
      const client = await repository.createClient({ organisationId: own.organisation.id, code: 'SUM-001', wijkId: own.wijken[0].id, team: 'Team S' });
      const record = (d: ReturnType<typeof draft>) => repository.recordMeasurement(own.organisation.id, { clientId: client.id, professionalUserId: null, source: 'bord', draft: d });
      expect(await summaryOf(client.id)).toEqual({ client: null, leefgebieden: [] });

      // First conversation (March): one measurement, so nothing counts as a change yet; the gap does.
      const march = await record(draft('2026-03-01', 6, [['wonen', 4, 5], ['werk', 7, null]]));
      expect(await summaryOf(client.id)).toEqual({
        client: { measurements: 1, first: 6, latest: 6 },
        leefgebieden: [
          { leefgebied: 'werk', chips: 1, first: 70, latest: 70, change: null, gap: null },
          { leefgebied: 'wonen', chips: 1, first: 40, latest: 40, change: null, gap: -10 },
        ],
      });

      // A conversation recorded later but dated earlier (January) becomes the first.
      await record(draft('2026-01-15', 4, [['wonen', 2.5, 2]]));
      expect(await summaryOf(client.id)).toEqual({
        client: { measurements: 2, first: 4, latest: 6 },
        leefgebieden: [
          { leefgebied: 'werk', chips: 1, first: 70, latest: 70, change: null, gap: null },
          // 2,5 → 4: +1,5; latest gap with both chips is March's 4 − 5.
          { leefgebied: 'wonen', chips: 2, first: 25, latest: 40, change: 15, gap: -10 },
        ],
      });

      // An import of a later conversation (May) for the same code.
      await repository.importMeasurements(own.organisation.id, own.users.wijkcoach.id, [
        { clientCode: 'SUM-001', wijkId: own.wijken[0].id, team: 'Team S', lines: [2], draft: draft('2026-05-20', 8, [['werk', 8.5, 6], ['wonen', 3, null]]) },
      ]);
      expect(await summaryOf(client.id)).toEqual({
        client: { measurements: 3, first: 4, latest: 8 },
        leefgebieden: [
          { leefgebied: 'werk', chips: 2, first: 70, latest: 85, change: 15, gap: 25 },
          // 2,5 → 3: +0,5; the latest gap stays March's: May has no professional chip on wonen.
          { leefgebied: 'wonen', chips: 3, first: 25, latest: 30, change: 5, gap: -10 },
        ],
      });

      // There is no correction screen; a measurement removed in the database (and with it its chips) is followed too.
      await ds.query('DELETE FROM wat_telt_measurement WHERE id = $1', [march.id]);
      expect(await summaryOf(client.id)).toEqual({
        client: { measurements: 2, first: 4, latest: 8 },
        leefgebieden: [
          { leefgebied: 'werk', chips: 1, first: 85, latest: 85, change: null, gap: 25 },
          { leefgebied: 'wonen', chips: 2, first: 25, latest: 30, change: 5, gap: 5 },
        ],
      });
      // A chip corrected in place.
      await ds.query(`UPDATE wat_telt_score SET position = 9 WHERE leefgebied = 'wonen' AND perspective = 'inwoner' AND measurement_id IN (SELECT id FROM wat_telt_measurement WHERE client_id = $1 AND measured_on = '2026-05-20')`, [client.id]);
      expect((await summaryOf(client.id)).leefgebieden[1]).toEqual({ leefgebied: 'wonen', chips: 2, first: 25, latest: 90, change: 65, gap: 5 });

      // And impact over the summaries still equals the domain's computation from the measurements themselves.
      const everything = { from: null, to: null, wijkId: null, team: null };
      const data = await repository.impactData(own.organisation.id, everything);
      expect(summariseImpact(await repository.impactChanges(own.organisation.id, everything))).toEqual(summariseImpact(changesOf(data.measurements, data.goals)));

      // Removing the client removes its summaries.
      await ds.query('DELETE FROM wat_telt_client WHERE id = $1', [client.id]);
      expect(await summaryOf(client.id)).toEqual({ client: null, leefgebieden: [] });
    });
  });
});

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
});

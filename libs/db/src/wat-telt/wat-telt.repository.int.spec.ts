import type { DataSource } from 'typeorm';
import type { ImportedMeasurement } from '@vertelpunt/domain';
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
});

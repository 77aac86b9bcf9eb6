import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { gql, login, openDataSource, seedTestOrganisation, startApi, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';

const CREATE_CLIENT = `mutation($i: CreateWatTeltClientInput!) { createWatTeltClient(input: $i) { id code team wijk { name } measurementCount } }`;
const RECORD = `mutation($i: RecordWatTeltMeasurementInput!) { recordWatTeltMeasurement(input: $i) { __typename ... on WatTeltMeasurementRecorded { measurement { id measuredOn rapportcijfer professionalName leefgebieden { leefgebied inwoner professional derde } } } ... on WatTeltMeasurementRejected { problems { field message } } } }`;
const CLIENT = `query($id: ID!) { watTeltClient(id: $id) { code measurementCount lastMeasuredOn measurements { measuredOn rapportcijfer thirdRole note leefgebieden { leefgebied inwoner professional derde } } goals { id text status history { status changedOn } } } }`;
const IMPORT = `mutation($i: ImportWatTeltInput!) { importWatTelt(input: $i) { imported measurementsImported clientsCreated validRows invalidRows fileProblems rows { line clientCode problems } } }`;
const IMPACT = `query($s: WatTeltImpactSelectionInput) { watTeltImpact(selection: $s) {
  threshold minGroupSize inwonersWithFollowUp { suppressed value }
  rapportcijfer { suppressed n improved stable declined distribution { median q1 q3 buckets { key count } } }
  leefgebieden { leefgebied label change { suppressed n improved distribution { median } } }
  goals { suppressed inwoners total bereikt }
  perspectiveGap { leefgebied suppressed n distribution { median } } } }`;
const HEADER = 'clientcode;datum;wijk;team;rapportcijfer;leefgebied;inwoner;professional;derde;derde_rol;doel;doel_status;notitie';

type ImportResult = { imported: boolean; measurementsImported: number; clientsCreated: number; validRows: number; invalidRows: number; fileProblems: string[]; rows: { line: number; clientCode: string; problems: string[] }[] };

describe('Wat telt registration, import and impact (API)', () => {
  // A low threshold so a handful of clients is enough to show figures.
  const config = testConfig('wat-telt', { WAT_TELT_MIN_GROUP_SIZE: '3' });
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let org: TestOrganisation;
  let other: TestOrganisation;
  let coach: string;
  let admin: string;
  let manager: string;
  let otherCoach: string;
  const as = (token: string, o: TestOrganisation = org) => ({ token, organisationId: o.organisation.id });
  const countRows = async (table: string, organisationId: string) =>
    (await ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE organisation_id = $1`, [organisationId]))[0].n as number;

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds);
    other = await seedTestOrganisation(ds, ['wijkcoach']);
    api = await startApi(config);
    [coach, admin, manager, otherCoach] = await Promise.all([
      login(api.url, org.users.wijkcoach.email, org.users.wijkcoach.password),
      login(api.url, org.users.admin.email, org.users.admin.password),
      login(api.url, org.users.manager.email, org.users.manager.password),
      login(api.url, other.users.wijkcoach.email, other.users.wijkcoach.password),
    ]);
  });
  afterAll(async () => {
    await api?.app.close();
    await ds?.destroy();
  });

  it('gives the 14 default leefgebieden, marked as default, until an admin sets the own cards', async () => {
    const board = `{ watTeltBoard { isDefault leefgebieden { key label } wijken { name } } }`;
    const before = await gql<{ watTeltBoard: { isDefault: boolean; leefgebieden: { key: string }[]; wijken: { name: string }[] } }>(api.url, board, {}, as(coach));
    expect(before.data?.watTeltBoard).toMatchObject({ isDefault: true, wijken: [{ name: 'Noord' }, { name: 'Zuid' }] });
    expect(before.data?.watTeltBoard.leefgebieden).toHaveLength(14);

    const set = `mutation($l: [WatTeltLeefgebiedInput!]!) { setWatTeltLeefgebieden(leefgebieden: $l) { isDefault leefgebieden { key label } } }`;
    const refused = await gql(api.url, set, { l: [] }, as(coach));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const own = await gql<{ setWatTeltLeefgebieden: { isDefault: boolean; leefgebieden: { key: string; label: string }[] } }>(
      api.url, set, { l: [{ key: 'geld', label: 'Geld' }, { key: 'thuis', label: 'Thuis' }] }, as(admin, org),
    );
    expect(own.data?.setWatTeltLeefgebieden).toEqual({ isDefault: false, leefgebieden: [{ key: 'geld', label: 'Geld' }, { key: 'thuis', label: 'Thuis' }] });
    const back = await gql<{ setWatTeltLeefgebieden: { isDefault: boolean; leefgebieden: unknown[] } }>(api.url, set, { l: [] }, as(admin));
    expect(back.data?.setWatTeltLeefgebieden.isDefault).toBe(true);
    expect(back.data?.setWatTeltLeefgebieden.leefgebieden).toHaveLength(14);
  });

  it('refuses a BSN, an e-mail address and a name as client code, in Dutch, and a code twice', async () => {
    for (const [code, word] of [['111222333', 'BSN'], ['piet@example.nl', 'e-mailadres'], ['Piet Jansen', 'naam']]) {
      const res = await gql(api.url, CREATE_CLIENT, { i: { code } }, as(coach));
      expect(res.errors?.[0]).toMatchObject({ message: expect.stringContaining(word), extensions: { code: 'BAD_USER_INPUT' } });
    }
    const first = await gql<{ createWatTeltClient: { code: string } }>(api.url, CREATE_CLIENT, { i: { code: 'dup-001' } }, as(coach));
    expect(first.data?.createWatTeltClient.code).toBe('DUP-001');
    const twice = await gql(api.url, CREATE_CLIENT, { i: { code: 'DUP-001' } }, as(coach));
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await countRows('wat_telt_client', org.organisation.id)).toBe(1);
  });

  it('registers a first and a follow-up conversation, with goals whose status changes over time', async () => {
    const created = await gql<{ createWatTeltClient: { id: string; wijk: { name: string }; team: string } }>(
      api.url, CREATE_CLIENT, { i: { code: 'NRD-0042', wijkId: org.wijken[0].id, team: 'Team Noord' } }, as(coach),
    );
    expect(created.data?.createWatTeltClient).toMatchObject({ wijk: { name: 'Noord' }, team: 'Team Noord' });
    const clientId = created.data!.createWatTeltClient.id;

    const first = await gql<{ recordWatTeltMeasurement: { measurement: { professionalName: string; leefgebieden: unknown[] } } }>(api.url, RECORD, {
      i: {
        clientId, measuredOn: '2026-01-15', rapportcijfer: 5, thirdRole: 'mantelzorger', note: 'Eerste gesprek',
        leefgebieden: [{ leefgebied: 'wonen', inwoner: 6.5, professional: 5 }, { leefgebied: 'financien', inwoner: 3.2, professional: 2.8, derde: 4 }],
        goals: [{ leefgebied: 'financien', text: 'Overzicht in de post', status: 'open' }],
      },
    }, as(coach));
    expect(first.errors).toBeUndefined();
    // Board order: financiën before wonen.
    expect(first.data?.recordWatTeltMeasurement.measurement.leefgebieden).toEqual([
      { leefgebied: 'financien', inwoner: 3.2, professional: 2.8, derde: 4 },
      { leefgebied: 'wonen', inwoner: 6.5, professional: 5, derde: null },
    ]);
    expect(first.data?.recordWatTeltMeasurement.measurement.professionalName).toContain('wijkcoach');

    const bad = await gql<{ recordWatTeltMeasurement: { __typename: string; problems: { field: string; message: string }[] } }>(api.url, RECORD, {
      i: { clientId, measuredOn: '2026-04-01', rapportcijfer: 11, leefgebieden: [{ leefgebied: 'financien', inwoner: 10.5 }, { leefgebied: 'maan', inwoner: 3 }] },
    }, as(coach));
    expect(bad.data?.recordWatTeltMeasurement.__typename).toBe('WatTeltMeasurementRejected');
    expect(bad.data?.recordWatTeltMeasurement.problems.map((f) => f.field)).toEqual(['rapportcijfer', 'leefgebieden.financien.inwoner', 'leefgebieden.maan']);
    expect(bad.data?.recordWatTeltMeasurement.problems[0].message).toBe('Het rapportcijfer is een heel getal van 1 tot en met 10.');
    expect(await countRows('wat_telt_measurement', org.organisation.id)).toBe(1);

    const goalId = (await gql<{ watTeltClient: { goals: { id: string }[] } }>(api.url, CLIENT, { id: clientId }, as(coach))).data!.watTeltClient.goals[0].id;
    const followUp = await gql<{ recordWatTeltMeasurement: { __typename: string } }>(api.url, RECORD, {
      i: { clientId, measuredOn: '2026-04-01', rapportcijfer: 7, leefgebieden: [{ leefgebied: 'financien', inwoner: 5.9, professional: 5.1 }], goalUpdates: [{ goalId, status: 'bereikt' }] },
    }, as(admin));
    expect(followUp.data?.recordWatTeltMeasurement.__typename).toBe('WatTeltMeasurementRecorded');

    const client = await gql<{ watTeltClient: { measurementCount: number; lastMeasuredOn: string; measurements: { measuredOn: string; rapportcijfer: number }[]; goals: { status: string; history: unknown[] }[] } }>(api.url, CLIENT, { id: clientId }, as(coach));
    expect(client.data?.watTeltClient).toMatchObject({
      measurementCount: 2,
      lastMeasuredOn: '2026-04-01',
      measurements: [{ measuredOn: '2026-01-15', rapportcijfer: 5 }, { measuredOn: '2026-04-01', rapportcijfer: 7 }],
      goals: [{ status: 'bereikt', history: [{ status: 'open', changedOn: '2026-01-15' }, { status: 'bereikt', changedOn: '2026-04-01' }] }],
    });
  });

  it('keeps clients within their organisation and from managers', async () => {
    const mine = await gql<{ createWatTeltClient: { id: string } }>(api.url, CREATE_CLIENT, { i: { code: 'ZLD-7' } }, as(coach));
    const id = mine.data!.createWatTeltClient.id;
    const read = await gql(api.url, CLIENT, { id }, as(otherCoach, other));
    expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const write = await gql(api.url, RECORD, { i: { clientId: id, measuredOn: '2026-01-01', rapportcijfer: 5, leefgebieden: [{ leefgebied: 'wonen', inwoner: 5 }] } }, as(otherCoach, other));
    expect(write.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const list = await gql<{ watTeltClients: unknown[] }>(api.url, '{ watTeltClients { id } }', {}, as(otherCoach, other));
    expect(list.data?.watTeltClients).toEqual([]);

    for (const query of ['{ watTeltClients { id } }', `{ watTeltClient(id: "${id}") { code } }`]) {
      expect((await gql(api.url, query, {}, as(manager))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const create = await gql(api.url, CREATE_CLIENT, { i: { code: 'MGR-1' } }, as(manager));
    expect(create.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(api.url, IMPACT, {}, as(coach))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(api.url, IMPACT, {}, { })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('changes nothing when an import has a bad row, and imports only the good rows when asked', async () => {
    const csv = [
      HEADER,
      'IMP-1;2026-02-01;Zuid;Team Zuid;6;financien;4,0;5;;;Schulden regelen;bezig;',
      'IMP-1;2026-02-01;Zuid;Team Zuid;6;wonen;7;;;;;;',
      'IMP-2;2026-02-01;Zuid;;6;financien;;;;;;;',
      '111222333;2026-02-01;Zuid;;5;wonen;4;;;;;;',
    ].join('\n');
    const clientsBefore = await countRows('wat_telt_client', org.organisation.id);
    const measurementsBefore = await countRows('wat_telt_measurement', org.organisation.id);

    const refused = await gql<{ importWatTelt: ImportResult }>(api.url, IMPORT, { i: { csv } }, as(coach));
    expect(refused.data?.importWatTelt).toMatchObject({ imported: false, measurementsImported: 0, validRows: 2, invalidRows: 2 });
    const problems = Object.fromEntries(refused.data!.importWatTelt.rows.map((r) => [r.line, r.problems]));
    expect(problems[4]).toEqual(['Vul minstens één plek in: inwoner, professional of derde.']);
    expect(problems[5]).toEqual([expect.stringContaining('BSN')]);
    expect(await countRows('wat_telt_client', org.organisation.id)).toBe(clientsBefore);
    expect(await countRows('wat_telt_measurement', org.organisation.id)).toBe(measurementsBefore);

    const partial = await gql<{ importWatTelt: ImportResult }>(api.url, IMPORT, { i: { csv, validRowsOnly: true } }, as(coach));
    expect(partial.data?.importWatTelt).toMatchObject({ imported: true, measurementsImported: 1, clientsCreated: 1 });
    const [row] = await ds.query(
      `SELECT c.team, m.source, (SELECT count(*)::int FROM wat_telt_score s WHERE s.measurement_id = m.id) AS scores,
              (SELECT count(*)::int FROM wat_telt_goal g WHERE g.measurement_id = m.id) AS goals
         FROM wat_telt_client c JOIN wat_telt_measurement m ON m.client_id = c.id WHERE c.organisation_id = $1 AND c.code = 'IMP-1'`,
      [org.organisation.id],
    );
    expect(row).toEqual({ team: 'Team Zuid', source: 'import', scores: 3, goals: 1 });
    const [audit] = await ds.query(`SELECT action, details FROM audit_event WHERE organisation_id = $1 AND action = 'wat-telt.import'`, [org.organisation.id]);
    expect(audit).toEqual({ action: 'wat-telt.import', details: { measurements: 1, clientsCreated: 1, skippedRows: 2 } });

    // The same file again: the good row is already there, so nothing is doubled.
    const again = await gql<{ importWatTelt: ImportResult }>(api.url, IMPORT, { i: { csv, validRowsOnly: true } }, as(coach));
    expect(again.data?.importWatTelt).toMatchObject({ imported: false, validRows: 0, invalidRows: 4 });
    expect(again.data?.importWatTelt.rows[0].problems).toEqual([expect.stringContaining('al een gesprek van deze cliënt op deze datum')]);
  });

  it('shows impact figures from 3 inwoners and "te weinig gegevens" below, in the API itself', async () => {
    // Three inwoners in Noord/Team Impact with two measurements each: rapportcijfer +2, 0, −1.
    const rows = [
      'IMPACT-1;2026-01-10;Noord;Team Impact;5;sociale-contacten;3;4;;;Elke week iemand spreken;open;',
      'IMPACT-1;2026-05-10;Noord;Team Impact;7;sociale-contacten;6;5;;;;;',
      'IMPACT-2;2026-01-10;Noord;Team Impact;6;sociale-contacten;5;5;;;;;',
      'IMPACT-2;2026-05-10;Noord;Team Impact;6;sociale-contacten;5,2;5;;;;;',
      'IMPACT-3;2026-01-10;Noord;Team Impact;6;sociale-contacten;7;5;;;;;',
      'IMPACT-3;2026-05-10;Noord;Team Impact;5;sociale-contacten;6;6;;;;;',
    ];
    const res = await gql<{ importWatTelt: ImportResult }>(api.url, IMPORT, { i: { csv: [HEADER, ...rows].join('\n') } }, as(coach));
    expect(res.data?.importWatTelt).toMatchObject({ imported: true, measurementsImported: 6 });

    type Impact = { watTeltImpact: { threshold: number; minGroupSize: number; inwonersWithFollowUp: { suppressed: boolean; value: number | null }; rapportcijfer: Record<string, unknown>; leefgebieden: { leefgebied: string; label: string; change: Record<string, unknown> }[]; goals: Record<string, unknown>; perspectiveGap: { leefgebied: string; suppressed: boolean; n: number | null; distribution: { median: number } | null }[] } };
    const team = await gql<Impact>(api.url, IMPACT, { s: { team: 'team impact' } }, as(manager));
    expect(team.errors).toBeUndefined();
    const impact = team.data!.watTeltImpact;
    expect(impact).toMatchObject({ threshold: 0.5, minGroupSize: 3, inwonersWithFollowUp: { suppressed: false, value: 3 } });
    // Changes +2, 0, −1: median 0, Q1 −0.5, Q3 1.
    expect(impact.rapportcijfer).toMatchObject({ suppressed: false, n: 3, improved: 1, stable: 1, declined: 1, distribution: { median: 0, q1: -0.5, q3: 1 } });
    // Sociale contacten +3, +0.2, −1: median 0.2.
    expect(impact.leefgebieden).toEqual([{ leefgebied: 'sociale-contacten', label: 'Sociale contacten', change: { suppressed: false, n: 3, improved: 1, distribution: { median: 0.2 } } }]);
    // Latest gaps: 6−5 = +1, 5.2−5 = +0.2, 6−6 = 0.
    expect(impact.perspectiveGap).toEqual([{ leefgebied: 'sociale-contacten', suppressed: false, n: 3, distribution: { median: 0.2 } }]);
    // One inwoner has goals: too few.
    expect(impact.goals).toEqual({ suppressed: true, inwoners: null, total: null, bereikt: null });

    // Zuid has one inwoner with a single measurement (the import above): everything suppressed, n included.
    const zuid = await gql<Impact>(api.url, IMPACT, { s: { wijkId: org.wijken[1].id } }, as(manager));
    expect(zuid.data?.watTeltImpact.inwonersWithFollowUp).toEqual({ suppressed: true, value: null });
    expect(zuid.data?.watTeltImpact.rapportcijfer).toEqual({ suppressed: true, n: null, improved: null, stable: null, declined: null, distribution: null });

    // The period before the follow-ups has only first measurements.
    const early = await gql<Impact>(api.url, IMPACT, { s: { to: '2026-03-01', team: 'Team Impact' } }, as(manager));
    expect(early.data?.watTeltImpact.rapportcijfer.suppressed).toBe(true);

    const otherWijk = await gql(api.url, IMPACT, { s: { wijkId: other.wijken[0].id } }, as(manager));
    expect(otherWijk.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

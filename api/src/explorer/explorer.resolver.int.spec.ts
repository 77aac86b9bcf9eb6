import type { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
import type { DataSource } from 'typeorm';
import { seedProcessedStory, tagIdOf } from '@vertelpunt/test/support/explorer-fixtures';
import { gql, login, openDataSource, seedTestOrganisation, startApi, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';

const EXPLORE = `query($filter: StoryFilterInput, $first: Int, $after: String) {
  exploreStories(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title excerpt tellerKind wijk { label } archetypes { label } tags { label taxonomyKey } } }
  }
}`;
const EXPORT = `query($filter: StoryFilterInput, $format: ExportFormat!) {
  exportStories(filter: $filter, format: $format) { filename mimeType contentBase64 storyCount truncated }
}`;
type Explore = {
  exploreStories: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; title: string; excerpt: string; tags: { label: string }[]; archetypes: { label: string }[] } }[];
  };
};
type Export = { exportStories: { filename: string; mimeType: string; contentBase64: string; storyCount: number; truncated: boolean } };

describe('exploreStories and exportStories (real Postgres, several organisations)', () => {
  const config = testConfig('explorer-resolver');
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let a: TestOrganisation;
  let b: TestOrganisation;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const as = (role: string, org = a) => ({ token: tokens[`${org === a ? 'a' : 'b'}:${role}`], organisationId: org.organisation.id });
  const explore = async (filter: Record<string, unknown> | null, auth = as('facilitator'), page: { first?: number; after?: string } = {}) =>
    gql<Explore>(api.url, EXPLORE, { filter, ...page }, auth);
  const titles = (res: { data?: Explore }) => res.data?.exploreStories.edges.map((e) => e.node.title).sort();

  beforeAll(async () => {
    ds = await openDataSource(config);
    [a, b] = [await seedTestOrganisation(ds), await seedTestOrganisation(ds)];
    ids.schulden = await seedProcessedStory(ds, a, {
      raw: { title: 'Mevrouw Yilmaz en de post', text: 'Mevrouw Yilmaz had schulden en durfde de brievenbus niet open te maken.' },
      redacted: { title: 'Mevrouw [NAAM] en de post', text: 'Mevrouw [NAAM] had schulden en durfde de brievenbus niet open te maken.' },
      tags: ['leefgebieden/financien'],
      vector: [1, 0, 0, 0],
    });
    ids.beslag = await seedProcessedStory(ds, a, {
      redacted: { title: 'Beslag op het loon', text: 'Door het beslag op zijn loon en de schulden bleef er bijna niets over.' },
      tags: ['leefgebieden/financien', 'werkzame-elementen/continuiteit'],
      vector: [0.9, 0.2, 0, 0],
    });
    ids.schimmel = await seedProcessedStory(ds, a, {
      redacted: { title: 'Schimmel in de kinderkamer', text: 'De woning was vochtig en de schimmel zat op de muren.' },
      tellerKind: 'inwoner',
      tags: ['leefgebieden/wonen'],
      vector: [0, 0, 1, 0],
    });
    ids.anders = await seedProcessedStory(ds, b, {
      redacted: { title: 'Schulden elders', text: 'Ook hier schulden, in een andere organisatie.' },
      tags: ['leefgebieden/financien'],
      vector: [1, 0, 0, 0],
    });
    api = await startApi(config);
    for (const [key, org] of [['a', a], ['b', b]] as const) {
      for (const role of ['wijkcoach', 'facilitator', 'manager']) tokens[`${key}:${role}`] = await login(api.url, org.users[role].email, org.users[role].password);
    }
  });
  afterAll(async () => {
    await api?.app.close();
    await ds?.destroy();
  });

  it('is for wijkcoaches (anonymised, like everyone), facilitators and admins; managers see aggregates only', async () => {
    const coach = await explore(null, as('wijkcoach'));
    expect(coach.data?.exploreStories.totalCount).toBe(3);
    expect(titles(coach)).toEqual(['Beslag op het loon', 'Mevrouw [NAAM] en de post', 'Schimmel in de kinderkamer']);
    expect(JSON.stringify(coach.data)).not.toContain('Yilmaz');
    const manager = await explore(null, as('manager'));
    expect({ data: manager.data, code: manager.errors?.[0].extensions?.code }).toEqual({ data: null, code: 'FORBIDDEN' });
    // The filter choices are labels, no stories: Patronen needs them for managers too.
    const options = '{ explorerOptions { wijken { id } } }';
    for (const role of ['wijkcoach', 'manager'])
      expect((await gql<{ explorerOptions: { wijken: unknown[] } }>(api.url, options, {}, as(role))).data?.explorerOptions.wijken.length).toBeGreaterThan(0);
  });

  it('shows only the caller’s organisation, redacted, with a count', async () => {
    const res = await explore(null);
    expect(res.data?.exploreStories.totalCount).toBe(3);
    expect(titles(res)).toEqual(['Beslag op het loon', 'Mevrouw [NAAM] en de post', 'Schimmel in de kinderkamer']);
    expect(JSON.stringify(res.data)).not.toContain('Yilmaz');
    expect(titles(await explore(null, as('facilitator', b)))).toEqual(['Schulden elders']);
  });

  it('filters by tag, teller and Dutch full text together', async () => {
    const financien = await tagIdOf(ds, a.organisation.id, 'leefgebieden/financien');
    const res = await explore({ tagIds: [financien], q: 'schuld', tellerKind: 'wijkcoach' });
    expect(res.data?.exploreStories.totalCount).toBe(2);
    expect(titles(res)).toEqual(['Beslag op het loon', 'Mevrouw [NAAM] en de post']);
    expect(titles(await explore({ q: 'beslag' }))).toEqual(['Beslag op het loon']);
  });

  it('refuses malformed ids with a clear Dutch message, and lets another organisation’s ids match nothing', async () => {
    const bad = await explore({ tagIds: ['financien'], from: '2026-05-01', to: '2026-04-01' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('Onbekende tags: financien.');
    expect(bad.errors?.[0].message).toContain('De einddatum ligt voor de begindatum.');
    expect(bad.errors?.[0].extensions?.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'tagIds' }), expect.objectContaining({ field: 'to' })]));
    const foreign = await explore({ tagIds: [await tagIdOf(ds, b.organisation.id, 'leefgebieden/financien')], wijkIds: [b.wijken[0].id] });
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data?.exploreStories.totalCount).toBe(0);
  });

  it('pages with a keyset cursor', async () => {
    const first = await explore(null, as('facilitator'), { first: 2 });
    expect(first.data?.exploreStories.pageInfo.hasNextPage).toBe(true);
    const second = await explore(null, as('facilitator'), { first: 2, after: first.data!.exploreStories.pageInfo.endCursor! });
    expect(second.data?.exploreStories.pageInfo.hasNextPage).toBe(false);
    const all = [...first.data!.exploreStories.edges, ...second.data!.exploreStories.edges].map((e) => e.node.id);
    expect(new Set(all).size).toBe(3);
    expect((await explore(null, as('facilitator'), { after: 'kapot' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('finds "verhalen zoals dit" in the own organisation, most alike first', async () => {
    const res = await explore({ similarTo: ids.schulden });
    const found = res.data?.exploreStories.edges.map((e) => e.node.id) ?? [];
    expect(found[0]).toBe(ids.beslag);
    expect(found).not.toContain(ids.schulden);
    expect(found).not.toContain(ids.anders);
    expect((await explore({ similarTo: ids.schulden, tellerKind: 'inwoner' })).data?.exploreStories.edges.map((e) => e.node.id)).toEqual([ids.schimmel]);
    expect((await explore({ similarTo: ids.anders })).data?.exploreStories.totalCount).toBe(0);
  });

  it('exports the selection as CSV with redacted text only, and records who exported', async () => {
    const res = await gql<Export>(api.url, EXPORT, { format: 'CSV', filter: { q: 'schulden' } }, as('facilitator'));
    expect(res.errors).toBeUndefined();
    const file = res.data!.exportStories;
    expect(file.filename).toMatch(/^verhalen-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.storyCount).toBe(2);
    const csv = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(csv).toContain('Mevrouw [NAAM] had schulden');
    expect(csv).toContain('Beslag op het loon');
    expect(csv).not.toContain('Yilmaz');
    expect(csv).not.toContain('Schimmel');
    expect(csv).not.toContain('elders');
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM audit_event WHERE organisation_id = $1 AND action = 'stories.exported'`, [a.organisation.id]);
    expect(count).toBe(1);
  });

  it('exports XLSX that a spreadsheet program opens', async () => {
    const res = await gql<Export>(api.url, EXPORT, { format: 'XLSX', filter: { tellerKind: 'inwoner' } }, as('facilitator'));
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(res.data!.exportStories.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Verhalen')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('Schimmel in de kinderkamer');
    // Exporting is for preparing sessions: not for wijkcoaches, and managers see no stories at all.
    for (const role of ['wijkcoach', 'manager']) expect((await gql(api.url, EXPORT, { format: 'XLSX' }, as(role))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('offers the organisation’s own filter options', async () => {
    const res = await gql<{ explorerOptions: { wijken: { label: string }[]; taxonomies: { key: string; tags: { id: string }[] }[]; leefgebieden: { id: string }[]; questions: { id: string }[] } }>(
      api.url,
      '{ explorerOptions { wijken { label } taxonomies { key tags { id } } leefgebieden { id } questions { id } } }',
      {},
      as('facilitator'),
    );
    const options = res.data!.explorerOptions;
    expect(options.wijken.map((w) => w.label)).toEqual(['Noord', 'Zuid']);
    expect(options.taxonomies.map((t) => t.key).sort()).toEqual(['leefgebieden', 'werkzame-elementen']);
    expect(options.leefgebieden.map((l) => l.id)).toContain('financien');
    expect(options.questions.map((q) => q.id)).toContain('werkzame-elementen');
    const foreignTag = await tagIdOf(ds, b.organisation.id, 'leefgebieden/financien');
    expect(JSON.stringify(options)).not.toContain(foreignTag);
  });
});

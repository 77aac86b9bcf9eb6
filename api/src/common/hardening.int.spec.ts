import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { buildStoryInput, CREATE_STORY } from '@vertelpunt/test/support/builders';
import { gql, login, openDataSource, seedTestOrganisation, startApi, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';

type Raw = { status: number; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } | null; headers: Headers };

describe('API hardening on the real app', () => {
  // Production settings (no playground, no introspection) and a small rate limit, so the limit is reached quickly.
  const config = testConfig('hardening', { GRAPHQL_PLAYGROUND: 'false', RATE_LIMIT_PER_MINUTE: '8' });
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let org: TestOrganisation;
  let coach: string;
  let facilitator: string;

  const post = async (body: string, token?: string): Promise<Raw> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body });
    const text = await res.text();
    let parsed: Raw['body'] = null;
    try {
      parsed = JSON.parse(text) as Raw['body'];
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds, ['wijkcoach', 'facilitator']);
    api = await startApi(config);
    coach = await login(api.url, org.users.wijkcoach.email, org.users.wijkcoach.password);
    facilitator = await login(api.url, org.users.facilitator.email, org.users.facilitator.password);
  });
  afterAll(async () => {
    await api?.app.close();
    await ds?.destroy();
  });

  it('refuses queries that nest too deep or would cost too much, before running them, with a Dutch reason', async () => {
    const similar = (levels: number): string => (levels === 0 ? 'id' : `similarStories { story { ${similar(levels - 1)} } }`);
    const deep = await post(JSON.stringify({ query: `{ story(id: "00000000-0000-4000-8000-000000000000") { ${similar(6)} } }` }), coach);
    expect(deep.status).toBe(400);
    expect(deep.body?.errors?.[0].message).toContain('te diep genest');
    expect(deep.body?.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Four levels of "verhalen zoals dit" would fetch 10,000 stories: refused although not too deep.
    const costly = await post(JSON.stringify({ query: `{ story(id: "00000000-0000-4000-8000-000000000000") { ${similar(4)} } }` }), coach);
    expect(costly.status).toBe(400);
    expect(costly.body?.errors?.[0].message).toContain('te veel werk');
  });

  it('refuses a request with too many aliases', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: __typename`).join(' ');
    const res = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(res.status).toBe(400);
    expect(res.body?.errors?.[0].message).toContain('te veel aliassen');
  });

  it('refuses batched requests and introspection in production', async () => {
    const batch = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(batch.status).toBe(400);
    const introspection = await post(JSON.stringify({ query: '{ __schema { queryType { name } } }' }));
    expect(introspection.status).toBe(400);
    expect(introspection.body?.errors?.[0].message).toMatch(/introspection/i);
  });

  it('refuses a body over 1 MB and keeps answering after it', async () => {
    const huge = await post(JSON.stringify({ query: '{ __typename }', variables: { x: 'x'.repeat(1_100_000) } }));
    expect(huge.status).toBe(413);
    expect((await post(JSON.stringify({ query: '{ __typename }' }))).status).toBe(200);
  });

  it('sends security headers', async () => {
    const res = await post(JSON.stringify({ query: '{ __typename }' }));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('limits requests per user per minute with a Dutch 429, without touching other users or stored stories', async () => {
    const stored: string[] = [];
    let limited: Raw | null = null;
    for (let i = 0; i < 12 && !limited; i++) {
      const input = buildStoryInput(org);
      const res = await post(JSON.stringify({ query: CREATE_STORY, variables: { input } }), coach);
      if (res.status === 429) limited = res;
      else stored.push(input.id);
    }
    expect(limited?.body?.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(limited?.body?.errors?.[0].message).toContain('Wacht een minuut');
    expect(stored.length).toBeLessThanOrEqual(8);
    // Everything accepted before the limit is stored; the refused request stored nothing.
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM story WHERE organisation_id = $1', [org.organisation.id]);
    expect(n).toBe(stored.length);
    // A colleague is not limited by someone else's requests.
    const other = await gql<{ me: { id: string } }>(api.url, '{ me { id } }', {}, { token: facilitator, organisationId: org.organisation.id });
    expect(other.errors).toBeUndefined();
  });
});

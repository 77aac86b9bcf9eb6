import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { Upload } from 'tus-js-client';
import type { DataSource } from 'typeorm';
import { buildStoryInput, CREATE_STORY } from '@vertelpunt/test/support/builders';
import {
  fixtureAudio,
  gql,
  login,
  openDataSource,
  seedTestOrganisation,
  startApi,
  testConfig,
  type TestOrganisation,
} from '@vertelpunt/test/support/harness';

const WAV = fixtureAudio('synthetic/syn-nl-01.wav');

const PAGE = `query($id: ID!) { story(id: $id) { id vertelpuntName permissions { hearAudio decideTags seeUnredacted }
  addableTags { id label taxonomyKey } tags { state tag { id } }
  tagHistory { decision at actorName tag { id label taxonomyName } } } }`;
type Page = {
  story: {
    id: string;
    vertelpuntName: string | null;
    permissions: { hearAudio: boolean; decideTags: boolean; seeUnredacted: boolean };
    addableTags: { id: string; label: string; taxonomyKey: string }[];
    tags: { state: string; tag: { id: string } }[];
    tagHistory: {
      decision: string;
      at: string;
      actorName: string | null;
      tag: { id: string; label: string; taxonomyName: string } | null;
    }[];
  };
};

describe('story page: audio with Range, and the tag decision trail', () => {
  const config = testConfig('story-page');
  const wav = readFileSync(WAV);
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let org: TestOrganisation;
  let other: TestOrganisation;
  const tokens: Record<string, string> = {};
  let audioStoryId: string;

  const as = (role: string, organisation = org) => ({
    token: tokens[role],
    organisationId: organisation.organisation.id,
  });
  const audio = (id: string, role: string, headers: Record<string, string> = {}, organisation = org) =>
    fetch(`${api.url}/stories/${id}/audio`, {
      headers: {
        authorization: `Bearer ${tokens[role]}`,
        'x-organisation-id': organisation.organisation.id,
        ...headers,
      },
    });
  const auditCount = async (action: string, subjectId: string) =>
    (
      await ds.query('SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND subject_id = $2', [
        action,
        subjectId,
      ])
    )[0].n as number;

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds);
    other = await seedTestOrganisation(ds, ['admin']);
    api = await startApi(config);
    for (const role of ['wijkcoach', 'facilitator', 'manager', 'admin'])
      tokens[role] = await login(api.url, org.users[role].email, org.users[role].password);
    tokens.otherAdmin = await login(api.url, other.users.admin.email, other.users.admin.password);

    const input = buildStoryInput(org, { mode: 'audio', text: null });
    await gql(api.url, CREATE_STORY, { input }, as('wijkcoach'));
    await new Promise<void>((resolve, reject) =>
      new Upload(wav, {
        endpoint: `${api.url}/uploads`,
        headers: { authorization: `Bearer ${tokens.wijkcoach}`, 'x-organisation-id': org.organisation.id },
        metadata: { storyId: input.id, filename: 'opname.wav', filetype: 'audio/wav' },
        onSuccess: () => resolve(),
        onError: reject,
      }).start(),
    );
    audioStoryId = input.id;
  });
  afterAll(async () => {
    await api?.app.close();
    await ds?.destroy();
  });

  it('streams the whole recording to its teller, with the byte count and the audio type', async () => {
    const res = await audio(audioStoryId, 'wijkcoach');
    expect(res.status).toBe(200);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(Buffer.from(await res.arrayBuffer()).equals(wav)).toBe(true);
  });

  it('answers Range requests with exactly those bytes (206), and 416 outside the file', async () => {
    const before = await auditCount('story.audio.listen', audioStoryId);
    const middle = await audio(audioStoryId, 'admin', { range: 'bytes=1000-1999' });
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe(`bytes 1000-1999/${wav.length}`);
    expect(middle.headers.get('content-length')).toBe('1000');
    expect(Buffer.from(await middle.arrayBuffer()).equals(wav.subarray(1000, 2000))).toBe(true);

    const tail = await audio(audioStoryId, 'admin', { range: 'bytes=-100' });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(wav.subarray(wav.length - 100))).toBe(true);

    const open = await audio(audioStoryId, 'admin', { range: `bytes=${wav.length - 10}-` });
    expect(open.headers.get('content-range')).toBe(`bytes ${wav.length - 10}-${wav.length - 1}/${wav.length}`);
    await open.arrayBuffer();

    const outside = await audio(audioStoryId, 'admin', { range: `bytes=${wav.length}-` });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${wav.length}`);
    // Three accesses handed out bytes; the refused range handed out none.
    expect((await auditCount('story.audio.listen', audioStoryId)) - before).toBe(3);
    const [last] = await ds.query(
      `SELECT actor_user_id, organisation_id, details FROM audit_event WHERE action = 'story.audio.listen' AND subject_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [audioStoryId],
    );
    expect(last).toEqual({
      actor_user_id: org.users.admin.id,
      organisation_id: org.organisation.id,
      details: { start: wav.length - 10, end: wav.length - 1, bytes: wav.length },
    });
  });

  it('refuses facilitators and managers (403, audited), other organisations and strangers (404, 401)', async () => {
    const listensBefore = await auditCount('story.audio.listen', audioStoryId);
    for (const role of ['facilitator', 'manager']) {
      const res = await audio(audioStoryId, role);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: string }).error).toContain('Alleen wie het verhaal vertelde');
    }
    expect(await auditCount('story.audio.refused', audioStoryId)).toBe(2);

    const elsewhere = await audio(audioStoryId, 'otherAdmin', {}, other);
    expect(elsewhere.status).toBe(404);
    const unknown = await audio('00000000-0000-4000-8000-000000000000', 'admin');
    expect(unknown.status).toBe(404);
    // The same words whether the story exists elsewhere or not at all.
    expect(await elsewhere.json()).toEqual(await unknown.json());
    // Naming an organisation one is no member of counts as not logged in there.
    expect((await audio(audioStoryId, 'wijkcoach', {}, other)).status).toBe(401);

    const anonymous = await fetch(`${api.url}/stories/${audioStoryId}/audio`);
    expect(anonymous.status).toBe(401);
    expect(await auditCount('story.audio.listen', audioStoryId)).toBe(listensBefore);
  });

  it('refuses managers every single story: aggregates only (issue 8), also on a story they told themselves', async () => {
    const input = buildStoryInput(org, { title: 'Een verhaal voor de lijst', text: 'Over de buurt en de bibliotheek.' });
    await gql(api.url, CREATE_STORY, { input }, as('wijkcoach'));
    const refusals: Record<string, string | undefined> = {};
    const calls: Record<string, [string, Record<string, unknown>]> = {
      story: [`query($id: ID!) { story(id: $id) { id redactedTitle } }`, { id: input.id }],
      stories: ['{ stories(first: 5) { edges { node { id } } } }', {}],
      exploreStories: ['{ exploreStories(first: 5) { totalCount } }', {}],
      exportStories: ['{ exportStories(format: CSV) { storyCount } }', {}],
    };
    for (const [name, [doc, variables]] of Object.entries(calls)) {
      const res = await gql(api.url, doc, variables, as('manager'));
      refusals[name] = res.data ? 'answered' : res.errors?.[0].extensions?.code;
    }
    expect(refusals).toEqual({ story: 'FORBIDDEN', stories: 'FORBIDDEN', exploreStories: 'FORBIDDEN', exportStories: 'FORBIDDEN' });
    // A manager who once told a story still has it under myStories, but its similar stories are other people's.
    await ds.query('UPDATE story SET teller_user_id = $1 WHERE id = $2', [org.users.manager.id, input.id]);
    const own = await gql<{ myStories: { edges: { node: { id: string } }[] } }>(api.url, '{ myStories { edges { node { id } } } }', {}, as('manager'));
    expect(own.data?.myStories.edges.map((e) => e.node.id)).toEqual([input.id]);
    const similar = await gql(api.url, '{ myStories { edges { node { id similarStories { story { id } } } } } }', {}, as('manager'));
    expect(similar.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    // A wijkcoach reads a colleague's story anonymised, with its similar stories.
    const coach = await gql<{ story: { title: string; redactedTitle: string | null; similarStories: unknown[] } }>(
      api.url,
      `query($id: ID!) { story(id: $id) { title redactedTitle similarStories { score } } }`,
      { id: input.id },
      as('wijkcoach'),
    );
    expect(coach.errors).toBeUndefined();
    expect(coach.data?.story.title).not.toBe('Een verhaal voor de lijst');
    expect(Array.isArray(coach.data?.story.similarStories)).toBe(true);
  });

  it('tells the page who may hear the recording and who may decide tags', async () => {
    const coach = (await gql<Page>(api.url, PAGE, { id: audioStoryId }, as('wijkcoach'))).data!.story;
    expect(coach.permissions).toEqual({ hearAudio: true, decideTags: false, seeUnredacted: true });
    expect(coach.vertelpuntName).toBe(org.vertelpunten.wijkcoach.name);
    expect(coach.addableTags).toEqual([]);
    const facilitator = (await gql<Page>(api.url, PAGE, { id: audioStoryId }, as('facilitator'))).data!.story;
    expect(facilitator.permissions).toEqual({ hearAudio: false, decideTags: true, seeUnredacted: false });
  });

  it('gives the unredacted story only to its teller and admins, and audits every read', async () => {
    const input = buildStoryInput(org, {
      title: 'Gesprek met mevrouw Yilmaz',
      text: 'Mevrouw Yilmaz belde me op 06-12345678.',
    });
    await gql(api.url, CREATE_STORY, { input }, as('wijkcoach'));
    const RAW = `query($id: ID!) { story(id: $id) { unredacted { title text transcript segments { startMs } } } }`;
    type Raw = { story: { unredacted: { title: string; text: string | null } | null } };
    expect((await gql<Raw>(api.url, RAW, { id: input.id }, as('facilitator'))).data?.story.unredacted).toBeNull();
    expect((await gql<Raw>(api.url, RAW, { id: input.id }, as('manager'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await auditCount('story.unredacted.read', input.id)).toBe(0);
    for (const role of ['wijkcoach', 'admin']) {
      const raw = (await gql<Raw>(api.url, RAW, { id: input.id }, as(role))).data?.story.unredacted;
      expect(raw).toMatchObject({
        title: 'Gesprek met mevrouw Yilmaz',
        text: 'Mevrouw Yilmaz belde me op 06-12345678.',
      });
    }
    const readers: { actor_user_id: string }[] = await ds.query(
      `SELECT actor_user_id FROM audit_event WHERE action = 'story.unredacted.read' AND subject_id = $1 ORDER BY created_at`,
      [input.id],
    );
    expect(readers.map((r) => r.actor_user_id)).toEqual([org.users.wijkcoach.id, org.users.admin.id]);

    // The older single raw fields follow the same rule and are audited too.
    const TEXT = `query($id: ID!) { story(id: $id) { text } }`;
    expect(
      (await gql<{ story: { text: string | null } }>(api.url, TEXT, { id: input.id }, as('facilitator'))).data?.story
        .text,
    ).toBeNull();
    expect(
      (await gql<{ story: { text: string | null } }>(api.url, TEXT, { id: input.id }, as('admin'))).data?.story.text,
    ).toContain('Yilmaz');
    expect(await auditCount('story.text.read', input.id)).toBe(1);
  });

  it('keeps the trail of tag decisions: who confirmed, rejected or added which tag, newest first', async () => {
    const input = buildStoryInput(org, { text: 'Mevrouw had schulden; samen maakten we een plan met de schuldhulp.' });
    await gql(api.url, CREATE_STORY, { input }, as('wijkcoach'));
    const start = (await gql<Page>(api.url, PAGE, { id: input.id }, as('facilitator'))).data!.story;
    expect(start.tagHistory).toEqual([]);
    const [first, second] = start.addableTags;
    const decide = `mutation($s: ID!, $t: ID!, $d: TagDecision!) { decideStoryTag(storyId: $s, tagId: $t, decision: $d) { id } }`;
    const add = `mutation($s: ID!, $t: ID!) { addStoryTag(storyId: $s, tagId: $t) { id } }`;
    expect((await gql(api.url, add, { s: input.id, t: first.id }, as('facilitator'))).errors).toBeUndefined();
    expect(
      (await gql(api.url, decide, { s: input.id, t: second.id, d: 'REJECT' }, as('admin'))).errors,
    ).toBeUndefined();
    expect(
      (await gql(api.url, decide, { s: input.id, t: first.id, d: 'CONFIRM' }, as('facilitator'))).errors,
    ).toBeUndefined();

    const after = (await gql<Page>(api.url, PAGE, { id: input.id }, as('facilitator'))).data!.story;
    expect(after.tagHistory.map((h) => [h.decision, h.tag?.id, h.actorName])).toEqual([
      ['CONFIRM', first.id, `facilitator ${org.users.facilitator.email.split('-')[1].split('@')[0]}`],
      ['REJECT', second.id, `admin ${org.users.admin.email.split('-')[1].split('@')[0]}`],
      ['ADD', first.id, `facilitator ${org.users.facilitator.email.split('-')[1].split('@')[0]}`],
    ]);
    expect(after.tagHistory[0].tag?.label).toBe(first.label);
    expect(after.tags.find((t) => t.tag.id === first.id)?.state).toBe('confirmed');
    // A rejected tag can be added again; a confirmed one is no longer offered.
    expect(after.addableTags.map((t) => t.id)).toContain(second.id);
    expect(after.addableTags.map((t) => t.id)).not.toContain(first.id);

    // Wijkcoaches do not see who decided, managers not even the story; another organisation cannot see it at all.
    expect((await gql<Page>(api.url, PAGE, { id: input.id }, as('wijkcoach'))).data!.story.tagHistory).toEqual([]);
    expect((await gql<Page>(api.url, PAGE, { id: input.id }, as('manager'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const elsewhere = await gql<Page>(api.url, PAGE, { id: input.id }, as('otherAdmin', other));
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // A tag of another organisation cannot be put on this story.
    const foreignTag: { id: string }[] = await ds.query('SELECT id FROM tag WHERE organisation_id = $1 LIMIT 1', [
      other.organisation.id,
    ]);
    const foreign = await gql(api.url, add, { s: input.id, t: foreignTag[0].id }, as('facilitator'));
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

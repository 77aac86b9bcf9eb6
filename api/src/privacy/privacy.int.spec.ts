import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import JSZip from 'jszip';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
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
  waitFor,
  type TestOrganisation,
} from '@vertelpunt/test/support/harness';
import { startWorkersInProcess, tellReadyStories } from '@vertelpunt/test/support/ready-stories';
import { organisationChecksums } from '@vertelpunt/test/security/org-rows';
import { SimilarStoriesService } from '../processing/similar-stories.service';

const WAV = fixtureAudio('synthetic/syn-nl-01.wav');
const WORD = 'kwakkelwinter';

const SUBJECT = 'query($k: String!, $r: String!) { dataSubject(kind: $k, reference: $r) { kind id label confirmation stories audioFiles measurements exportPath } }';
const ERASE = `mutation($input: EraseDataSubjectInput!) { eraseDataSubject(input: $input) { stories audioFiles answers storyTags vectors
  basketEntries insightsUnlinked measurements clients filesPending } }`;
type Subject = { dataSubject: { kind: string; id: string; label: string; confirmation: string; stories: number; audioFiles: number; measurements: number; exportPath: string } };
type Erased = { eraseDataSubject: Record<string, number> };

/** Export and erasure end to end: real API, workers, Postgres, Redis and recordings on disk (issue 8). */
describe('data subject requests: export and erasure', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vp-privacy-'));
  const uploadDir = path.join(dir, 'uploads');
  const config = testConfig('privacy', { AUDIO_DIR: dir, UPLOAD_DIR: uploadDir, RECOVERY_SWEEP_MS: '600000', RATE_LIMIT_PER_MINUTE: '0' });
  const wav = readFileSync(WAV);
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let workers: INestApplicationContext;
  let org: TestOrganisation;
  let other: TestOrganisation;
  const tokens: Record<string, string> = {};
  let toldIds: string[];
  let keeperId: string;
  let otherStoryId: string;
  let audioStory: { id: string; key: string };
  let unfinishedStoryId: string;
  let insightIds: { shared: string; only: string };
  let clientId: string;
  const clientCode = `AVG-7${Date.now().toString(36).toUpperCase()}`;

  const as = (role: string, o = org) => ({ token: tokens[role], organisationId: o.organisation.id });
  const must = async <T>(p: Promise<{ data?: T; errors?: unknown }>): Promise<T> => {
    const res = await p;
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const download = (pathname: string, role: string, o = org) =>
    fetch(`${api.url}${pathname}`, { headers: { authorization: `Bearer ${tokens[role]}`, 'x-organisation-id': o.organisation.id } });
  const similarIds = async (storyId: string) =>
    (
      await must(gql<{ story: { similarStories: { story: { id: string } }[] } }>(api.url, 'query($id: ID!) { story(id: $id) { similarStories(first: 10) { story { id } } } }', { id: storyId }, as('facilitator')))
    ).story.similarStories.map((s) => s.story.id);
  const searchIds = async (q: string) =>
    (
      await must(gql<{ exploreStories: { edges: { node: { id: string } }[] } }>(api.url, 'query($f: StoryFilterInput) { exploreStories(filter: $f, first: 50) { edges { node { id } } } }', { f: { q } }, as('facilitator')))
    ).exploreStories.edges.map((e) => e.node.id);
  const rowsOf = async (table: string, column: string, ids: string[]) =>
    (await ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = ANY($1::uuid[])`, [ids]))[0].n as number;

  beforeAll(async () => {
    ds = await openDataSource(config);
    api = await startApi(config);
    workers = await startWorkersInProcess(config);
    org = await seedTestOrganisation(ds);
    other = await seedTestOrganisation(ds, ['wijkcoach', 'admin']);
    for (const role of ['wijkcoach', 'facilitator', 'admin']) tokens[role] = await login(api.url, org.users[role].email, org.users[role].password);
    tokens.otherAdmin = await login(api.url, other.users.admin.email, other.users.admin.password);
    tokens.otherCoach = await login(api.url, other.users.wijkcoach.email, other.users.wijkcoach.password);

    const text = (who: string) => `${who} vertelde over de ${WORD}: de schimmel in huis, de huurachterstand en het buurthuis waar ze steun vond.`;
    toldIds = await tellReadyStories(ds, api.url, org, tokens.wijkcoach, [
      { title: `Schimmel en ${WORD}`, text: text('Mevrouw'), wijk: 0, archetypes: [0] },
      { title: `Huur in de ${WORD}`, text: text('Meneer'), wijk: 1, archetypes: [1] },
      { title: `Buurthuis ${WORD}`, text: text('Een buurvrouw'), wijk: 0, archetypes: [0] },
    ]);
    [keeperId] = await tellReadyStories(ds, api.url, org, tokens.admin, [{ title: 'Schimmel en huur', text: 'De schimmel in huis, de huurachterstand en het buurthuis gaven steun.', wijk: 0, archetypes: [0] }]);
    [otherStoryId] = await tellReadyStories(ds, api.url, other, tokens.otherCoach, [{ title: `Ander ${WORD}`, text: text('Iemand anders'), wijk: 0, archetypes: [0] }]);

    // A spoken story with its recording stored, and one whose upload never finished.
    const input = buildStoryInput(org, { mode: 'audio', text: null });
    await must(gql(api.url, CREATE_STORY, { input }, as('wijkcoach')));
    await new Promise<void>((resolve, reject) =>
      new Upload(wav, {
        endpoint: `${api.url}/uploads`,
        headers: { authorization: `Bearer ${tokens.wijkcoach}`, 'x-organisation-id': org.organisation.id },
        metadata: { storyId: input.id, filename: 'opname.wav', filetype: 'audio/wav' },
        onSuccess: () => resolve(),
        onError: reject,
      }).start(),
    );
    const key = await waitFor(async () => (await ds.query('SELECT audio_key FROM story WHERE id = $1', [input.id]))[0]?.audio_key as string | null);
    audioStory = { id: input.id, key };
    const unfinished = buildStoryInput(org, { mode: 'audio', text: null });
    await must(gql(api.url, CREATE_STORY, { input: unfinished }, as('wijkcoach')));
    const started = await fetch(`${api.url}/uploads`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.wijkcoach}`,
        'x-organisation-id': org.organisation.id,
        'tus-resumable': '1.0.0',
        'upload-length': String(wav.length),
        'upload-metadata': `storyId ${Buffer.from(unfinished.id).toString('base64')},filetype ${Buffer.from('audio/wav').toString('base64')}`,
      },
    });
    expect(started.status).toBe(201);
    unfinishedStoryId = unfinished.id;

    // Tafel basket and insights: one insight about an erased and a kept story, one only about an erased story.
    const tafel = await must(
      gql<{ createTafel: { id: string } }>(api.url, 'mutation($i: TafelInput!) { createTafel(input: $i) { id } }', {
        i: { title: 'Tafel AVG', date: '2099-01-01', question: 'Wat leren we?', wijkId: org.wijken[0].id, facilitatorUserId: org.users.facilitator.id },
      }, as('facilitator')),
    );
    for (const s of [toldIds[0], keeperId]) await must(gql(api.url, 'mutation($t: ID!, $s: ID!) { addStoryToTafel(tafelId: $t, storyId: $s) { id } }', { t: tafel.createTafel.id, s }, as('facilitator')));
    const addInsight = async (storyIds: string[], text: string) =>
      (
        await must(gql<{ addTafelInsight: { insights: { id: string; text: string }[] } }>(api.url, 'mutation($t: ID!, $i: TafelInsightInput!) { addTafelInsight(tafelId: $t, input: $i) { insights { id text } } }', { t: tafel.createTafel.id, i: { text, storyIds } }, as('facilitator')))
      ).addTafelInsight.insights.find((i) => i.text === text)!.id;
    insightIds = { shared: await addInsight([toldIds[0]!, keeperId], 'Samen over schimmel'), only: await addInsight([toldIds[0]!], 'Alleen dit verhaal') };

    // A pseudonymous Wat telt client with a measurement and a goal.
    const board = await must(gql<{ watTeltBoard: { leefgebieden: { key: string }[] } }>(api.url, '{ watTeltBoard { leefgebieden { key } } }', {}, as('wijkcoach')));
    const client = await must(gql<{ createWatTeltClient: { id: string } }>(api.url, 'mutation($i: CreateWatTeltClientInput!) { createWatTeltClient(input: $i) { id } }', { i: { code: clientCode, wijkId: org.wijken[0].id } }, as('wijkcoach')));
    clientId = client.createWatTeltClient.id;
    const leefgebied = board.watTeltBoard.leefgebieden[0]!.key;
    await must(
      gql(api.url, 'mutation($i: RecordWatTeltMeasurementInput!) { recordWatTeltMeasurement(input: $i) { __typename } }', {
        i: { clientId, measuredOn: '2026-02-01', rapportcijfer: 7, note: 'Notitie bij de meting', leefgebieden: [{ leefgebied, inwoner: 4, professional: 6 }], goals: [{ leefgebied, text: 'Weer naar de club', status: 'open' }], goalUpdates: [] },
      }, as('wijkcoach')),
    );
  }, 180_000);

  afterAll(async () => {
    await workers?.close();
    await api?.app.close();
    await ds?.destroy();
  });

  it('finds a member by e-mail and a client by code, with counts only, for admins of that organisation', async () => {
    const member = await must(gql<Subject>(api.url, SUBJECT, { k: 'user', r: org.users.wijkcoach.email }, as('admin')));
    expect(member.dataSubject).toMatchObject({ kind: 'user', id: org.users.wijkcoach.id, confirmation: org.users.wijkcoach.email, stories: 5, audioFiles: 1 });
    const client = await must(gql<Subject>(api.url, SUBJECT, { k: 'client', r: clientCode.toLowerCase() }, as('admin')));
    expect(client.dataSubject).toMatchObject({ kind: 'client', id: clientId, label: clientCode, measurements: 1 });
    const foreign = await gql<Subject>(api.url, SUBJECT, { k: 'user', r: org.users.wijkcoach.email }, as('otherAdmin', other));
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const facilitator = await gql<Subject>(api.url, SUBJECT, { k: 'client', r: clientCode }, as('facilitator'));
    expect(facilitator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('exports everything about the member as a streamed ZIP: JSON, README.txt and the recording; audited without content', async () => {
    const res = await download(`/privacy/export/user/${org.users.wijkcoach.id}.zip`, 'admin');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-length')).toBeNull(); // streamed, not built first
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    expect(Object.keys(zip.files).sort()).toEqual(['README.txt', 'gegevens.json', `opnames/${audioStory.id}.wav`]);
    expect(await zip.file('README.txt')!.async('string')).toContain('Velden in gegevens.json');
    const recording = await zip.file(`opnames/${audioStory.id}.wav`)!.async('nodebuffer');
    expect(recording.equals(wav)).toBe(true);
    const data = JSON.parse(await zip.file('gegevens.json')!.async('string'));
    expect(data.user.email).toBe(org.users.wijkcoach.email);
    expect(data.stories.map((s: { id: string }) => s.id).sort()).toEqual([...toldIds, audioStory.id, unfinishedStoryId].sort());
    const told = data.stories.find((s: { id: string }) => s.id === toldIds[0]);
    expect(told.text).toContain(WORD);
    expect(told.answers.length).toBeGreaterThan(0);
    expect(data.stories.some((s: { id: string }) => s.id === keeperId || s.id === otherStoryId)).toBe(false);

    const [audit] = await ds.query(`SELECT actor_user_id, subject_id, details FROM audit_event WHERE action = 'privacy.export' AND organisation_id = $1`, [org.organisation.id]);
    expect(audit).toEqual({ actor_user_id: org.users.admin.id, subject_id: org.users.wijkcoach.id, details: { kind: 'user', audioFiles: 1 } });
  });

  it('refuses the export to other roles and other organisations', async () => {
    expect((await download(`/privacy/export/user/${org.users.wijkcoach.id}.zip`, 'facilitator')).status).toBe(403);
    expect((await download(`/privacy/export/user/${org.users.wijkcoach.id}.zip`, 'otherAdmin', other)).status).toBe(404);
    expect((await download(`/privacy/export/client/${clientId}.zip`, 'otherAdmin', other)).status).toBe(404);
    expect((await fetch(`${api.url}/privacy/export/client/${clientId}.zip`)).status).toBe(401);
  });

  it('erases nothing when the confirmation does not match', async () => {
    const before = await organisationChecksums(ds, org.organisation.id);
    const res = await gql<Erased>(api.url, ERASE, { input: { kind: 'user', id: org.users.wijkcoach.id, confirmation: 'iemand@anders.nl' } }, as('admin'));
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await organisationChecksums(ds, org.organisation.id)).toEqual(before);
  });

  it('erases the stories a member told: rows, recording, unfinished upload, vectors, basket links; other data untouched', async () => {
    const erased = [...toldIds, audioStory.id, unfinishedStoryId];
    const audioFile = path.join(dir, audioStory.key);
    expect(existsSync(audioFile)).toBe(true);
    expect(readdirSync(uploadDir).filter((n) => n.startsWith(unfinishedStoryId)).length).toBeGreaterThan(0);
    // Before: the erased stories are found by search and by "verhalen zoals dit", and sit in the API's index.
    expect(await searchIds(WORD)).toEqual(expect.arrayContaining(toldIds));
    expect(await similarIds(keeperId)).toEqual(expect.arrayContaining([toldIds[0]]));
    const index = (api.app.get(SimilarStoriesService) as unknown as { indexes: Map<string, { index: { has(id: string): boolean } }> }).indexes.get(org.organisation.id)!.index;
    expect(index.has(toldIds[0]!)).toBe(true);
    const otherBefore = await organisationChecksums(ds, other.organisation.id);

    const result = await must(gql<Erased>(api.url, ERASE, { input: { kind: 'user', id: org.users.wijkcoach.id, confirmation: org.users.wijkcoach.email.toUpperCase() } }, as('admin')));
    expect(result.eraseDataSubject).toMatchObject({ stories: 5, audioFiles: 1, vectors: 3, basketEntries: 1, insightsUnlinked: 2, clients: 0, filesPending: 0 });
    expect(result.eraseDataSubject.answers).toBeGreaterThan(0);
    expect(result.eraseDataSubject.storyTags).toBeGreaterThan(0);

    // Files: the recording and the unfinished upload are gone from disk.
    expect(existsSync(audioFile)).toBe(false);
    expect(readdirSync(uploadDir).filter((n) => n.startsWith(unfinishedStoryId))).toEqual([]);
    expect((await ds.query('SELECT count(*)::int AS n FROM pending_file_deletion WHERE organisation_id = $1', [org.organisation.id]))[0].n).toBe(0);
    // Rows: the stories and everything derived from them.
    expect(await rowsOf('story', 'id', erased)).toBe(0);
    for (const table of ['answer', 'story_tag', 'story_step', 'story_vector', 'story_answer_option', 'tafel_story']) expect({ table, n: await rowsOf(table, 'story_id', erased) }).toEqual({ table, n: 0 });
    // Insights keep their text and lose the link.
    const insights = await ds.query('SELECT id, text, story_ids FROM tafel_insight WHERE id = ANY($1::uuid[]) ORDER BY text', [[insightIds.shared, insightIds.only]]);
    expect(insights).toEqual([
      { id: insightIds.only, text: 'Alleen dit verhaal', story_ids: [] },
      { id: insightIds.shared, text: 'Samen over schimmel', story_ids: [keeperId] },
    ]);
    // Gone from search, "verhalen zoals dit", the in-memory index and the story page.
    expect(await searchIds(WORD)).toEqual([]);
    expect(await similarIds(keeperId)).not.toEqual(expect.arrayContaining([toldIds[0]]));
    for (const id of toldIds) expect(index.has(id)).toBe(false);
    const page = await gql(api.url, 'query($id: ID!) { story(id: $id) { id } }', { id: toldIds[0] }, as('admin'));
    expect(page.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await fetch(`${api.url}/stories/${audioStory.id}/audio`, { headers: { authorization: `Bearer ${tokens.admin}`, 'x-organisation-id': org.organisation.id } })).status).toBe(404);
    // The phone's outbox sends an erased story again: refused with a reason, nothing stored.
    const resent = await gql(api.url, CREATE_STORY, { input: buildStoryInput(org, { id: toldIds[0] }) }, as('wijkcoach'));
    expect(resent.errors?.[0]).toMatchObject({ message: 'Dit verhaal is op verzoek gewist en wordt niet opnieuw bewaard.', extensions: { code: 'CONFLICT' } });
    expect(await rowsOf('story', 'id', erased)).toBe(0);
    expect(await rowsOf('erased_story', 'story_id', erased)).toBe(erased.length);
    // The member's account, the admin's story and the other organisation are untouched.
    expect(await rowsOf('app_user', 'id', [org.users.wijkcoach.id])).toBe(1);
    expect(await rowsOf('story', 'id', [keeperId])).toBe(1);
    expect(await organisationChecksums(ds, other.organisation.id)).toEqual(otherBefore);
    // One audit entry, counts only: no title, text or e-mail.
    const audit = await ds.query(`SELECT actor_user_id, subject_type, subject_id, details FROM audit_event WHERE action = 'privacy.erase' AND organisation_id = $1`, [org.organisation.id]);
    expect(audit).toEqual([{ actor_user_id: org.users.admin.id, subject_type: 'user', subject_id: org.users.wijkcoach.id, details: expect.objectContaining({ kind: 'user', stories: 5, audioFiles: 1 }) }]);
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(`${WORD}|@`, 'i'));
  });

  it('exports and erases a Wat telt client: measurements, scores and goals; audited with counts', async () => {
    const res = await download(`/privacy/export/client/${clientId}.zip`, 'admin');
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const data = JSON.parse(await zip.file('gegevens.json')!.async('string'));
    expect(data.client.code).toBe(clientCode);
    expect(data.measurements).toEqual([expect.objectContaining({ rapportcijfer: 7, note: 'Notitie bij de meting', scores: expect.arrayContaining([expect.objectContaining({ perspectief: 'inwoner', positie: 4 })]) })]);
    expect(data.goals).toEqual([expect.objectContaining({ text: 'Weer naar de club' })]);

    const foreign = await gql<Erased>(api.url, ERASE, { input: { kind: 'client', id: clientId, confirmation: clientCode } }, as('otherAdmin', other));
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const result = await must(gql<Erased>(api.url, ERASE, { input: { kind: 'client', id: clientId, confirmation: clientCode.toLowerCase() } }, as('admin')));
    expect(result.eraseDataSubject).toMatchObject({ clients: 1, measurements: 1, stories: 0 });
    for (const table of ['wat_telt_measurement', 'wat_telt_goal']) expect({ table, n: await rowsOf(table, 'client_id', [clientId]) }).toEqual({ table, n: 0 });
    expect(await rowsOf('wat_telt_client', 'id', [clientId])).toBe(0);
    const [audit] = await ds.query(`SELECT details FROM audit_event WHERE action = 'privacy.erase' AND subject_id = $1`, [clientId]);
    expect(audit.details).toMatchObject({ kind: 'client', clients: 1, measurements: 1 });
  });

  it('audits configuration changes (vertelpunten, links, questionnaire versions, leefgebieden) and lists them by kind and person', async () => {
    const VP = 'id';
    const created = await must(
      gql<{ createVertelpunt: { id: string } }>(api.url, `mutation($i: CreateVertelpuntInput!) { createVertelpunt(input: $i) { ${VP} } }`, {
        i: { name: 'Bibliotheek', audience: 'inwoner', questionnaireId: org.vertelpunten.inwoner.questionnaireId },
      }, as('admin')),
    );
    const id = created.createVertelpunt.id;
    await must(gql(api.url, `mutation($id: ID!) { updateVertelpunt(id: $id, input: { name: "Bieb" }) { ${VP} } }`, { id }, as('admin')));
    await must(gql(api.url, `mutation($id: ID!) { renewVertelLink(id: $id) { ${VP} } }`, { id }, as('admin')));
    await must(gql(api.url, `mutation($id: ID!) { revokeVertelLink(id: $id) { ${VP} } }`, { id }, as('admin')));
    const published = await must(
      gql<{ publishQuestionnaireVersion: { __typename: string } }>(api.url, `mutation($q: ID!, $i: QuestionnaireVersionInput!) { publishQuestionnaireVersion(questionnaireId: $q, input: $i) { __typename } }`, {
        q: org.vertelpunten.inwoner.questionnaireId,
        i: { intro: 'Welkom', storyPrompt: 'Vertel', titlePrompt: 'Titel', questions: [{ id: 'q1', type: 'text', prompt: 'Nog iets?', required: false, allowNotApplicable: false }] },
      }, as('admin')),
    );
    expect(published.publishQuestionnaireVersion.__typename).not.toMatch(/Rejected|Problems/);
    await must(gql(api.url, 'mutation { setWatTeltLeefgebieden(leefgebieden: []) { isDefault } }', {}, as('admin')));

    type Log = { auditLog: { entries: { action: string; kind: string; actorName: string | null; details: string }[]; hasMore: boolean; endCursor: string | null } };
    const log = await must(gql<Log>(api.url, 'query($f: AuditLogFilterInput) { auditLog(filter: $f, first: 20) { entries { action kind actorName details } hasMore endCursor } }', { f: { kind: 'configuratie', actorUserId: org.users.admin.id } }, as('admin')));
    expect(log.auditLog.entries.map((e) => e.action)).toEqual([
      'wat-telt.leefgebieden.set',
      'questionnaire.published',
      'vertelpunt.link-revoked',
      'vertelpunt.link-renewed',
      'vertelpunt.updated',
      'vertelpunt.created',
    ]);
    expect(new Set(log.auditLog.entries.map((e) => `${e.kind}/${e.actorName}`))).toEqual(new Set([`configuratie/${org.users.admin.email.split('@')[0]!.replace('-', ' ')}`]));
    expect(log.auditLog.entries.map((e) => e.details).join()).not.toMatch(/Bieb|Bibliotheek|Vertel|Welkom/);

    // Keyset paging: two pages of three hold the same six, in the same order, without overlap.
    const page = (after: string | null) => must(gql<Log>(api.url, 'query($f: AuditLogFilterInput, $a: String) { auditLog(filter: $f, first: 3, after: $a) { entries { action kind actorName details } hasMore endCursor } }', { f: { kind: 'configuratie', actorUserId: org.users.admin.id }, a: after }, as('admin')));
    const first = await page(null);
    const second = await page(first.auditLog.endCursor);
    expect(first.auditLog.hasMore).toBe(true);
    expect([...first.auditLog.entries, ...second.auditLog.entries].map((e) => e.action)).toEqual(log.auditLog.entries.map((e) => e.action));
  });
});

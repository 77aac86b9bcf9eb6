import type { INestApplication } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Upload } from 'tus-js-client';
import type { DataSource } from 'typeorm';
import { buildStoryInput, CREATE_STORY } from '@vertelpunt/test/support/builders';
import { fixtureAudio, gql, login, openDataSource, seedTestOrganisation, startApi, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';

const WAV = fixtureAudio('synthetic/syn-nl-01.wav');
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

type UploadOutcome = { ok: boolean; url?: string; status?: number; body?: string };

/** Sends bytes with the real tus client, as the browser does. */
const send = (url: string, data: Buffer, headers: Record<string, string>, storyId: string, opts: { chunkSize?: number; uploadUrl?: string; abortAfterBytes?: number } = {}) =>
  new Promise<UploadOutcome & { sent: number }>((resolve) => {
    let sent = 0;
    const upload: Upload = new Upload(data, {
      endpoint: `${url}/uploads`,
      uploadUrl: opts.uploadUrl,
      headers,
      chunkSize: opts.chunkSize ?? 64 * 1024,
      retryDelays: [],
      metadata: { storyId, filename: 'opname.wav', filetype: 'audio/wav' },
      onChunkComplete: (chunk) => {
        sent += chunk;
        if (opts.abortAfterBytes && sent >= opts.abortAfterBytes) {
          void upload.abort().then(() => resolve({ ok: true, url: upload.url ?? '', sent }));
        }
      },
      onSuccess: () => resolve({ ok: true, url: upload.url ?? '', sent }),
      onError: (error) => {
        const res = (error as { originalResponse?: { getStatus(): number; getBody(): string } }).originalResponse;
        resolve({ ok: false, status: res?.getStatus() ?? 0, body: res?.getBody() ?? String(error), sent });
      },
    });
    upload.start();
  });

describe('audio uploads (tus) on real Postgres, Redis and disk', () => {
  const config = testConfig('uploads');
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let org: TestOrganisation;
  let coach: string;
  const as = (token: string) => ({ token, organisationId: org.organisation.id });
  const headers = () => ({ authorization: `Bearer ${coach}`, 'x-organisation-id': org.organisation.id });
  const audioStory = async () => {
    const input = buildStoryInput(org, { mode: 'audio', text: null });
    const res = await gql<{ createStory: { __typename: string } }>(api.url, CREATE_STORY, { input }, as(coach));
    expect(res.data?.createStory.__typename).toBe('StoryCreated');
    return input.id;
  };
  const storyRow = async (id: string) =>
    (await ds.query('SELECT status, audio_sha256, audio_bytes, audio_duration_ms, failure_reason, (SELECT count(*)::int FROM answer a WHERE a.story_id = s.id) AS answers FROM story s WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds);
    api = await startApi(config);
    coach = await login(api.url, org.users.wijkcoach.email, org.users.wijkcoach.password);
  });
  afterAll(async () => {
    await api?.app.close();
    await ds?.destroy();
  });

  it('stores a recording byte for byte and records its checksum and duration', async () => {
    const id = await audioStory();
    const wav = readFileSync(WAV);
    const outcome = await send(api.url, wav, headers(), id);
    expect(outcome.ok).toBe(true);
    const row = await storyRow(id);
    expect(row).toMatchObject({ status: 'RECEIVED', audio_sha256: sha256(wav), audio_bytes: String(wav.length), failure_reason: null });
    expect(row.audio_duration_ms).toBeGreaterThan(1000);
  });

  it('resumes after an interrupted upload without sending the start again', async () => {
    const id = await audioStory();
    const wav = readFileSync(WAV);
    const chunk = 16 * 1024;
    const first = await send(api.url, wav, headers(), id, { chunkSize: chunk, abortAfterBytes: Math.floor(wav.length / 2) });
    expect(first.url).toContain('/uploads/');
    const rest = await send(api.url, wav, headers(), id, { chunkSize: chunk, uploadUrl: first.url });
    expect(rest.ok).toBe(true);
    expect(first.sent + rest.sent).toBeLessThanOrEqual(wav.length + chunk);
    expect((await storyRow(id)).audio_sha256).toBe(sha256(wav));
  });

  it('refuses corrupt audio with a Dutch reason and keeps the story and its answers', async () => {
    const id = await audioStory();
    const outcome = await send(api.url, randomBytes(50_000), headers(), id);
    expect(outcome).toMatchObject({ ok: false, status: 422 });
    expect(outcome.body).toMatch(/geen geluidsopname|beschadigd/);
    const row = await storyRow(id);
    expect(row.status).toBe('FAILED');
    expect(row.failure_reason).toContain('Je antwoorden zijn bewaard');
    expect(row.answers).toBeGreaterThan(3);

    // A new, good recording for the same story is still welcome.
    expect((await send(api.url, readFileSync(WAV), headers(), id)).ok).toBe(true);
    expect((await storyRow(id)).status).toBe('RECEIVED');
  });

  it('refuses a WAV header without sound as empty', async () => {
    const id = await audioStory();
    const header = readFileSync(WAV).subarray(0, 44);
    const outcome = await send(api.url, header, headers(), id);
    expect(outcome).toMatchObject({ ok: false, status: 422 });
  });

  it('refuses uploads for someone else’s story and without a login', async () => {
    const id = await audioStory();
    const other = await seedTestOrganisation(ds, ['wijkcoach']);
    const stranger = await login(api.url, other.users.wijkcoach.email, other.users.wijkcoach.password);
    const foreign = await send(api.url, readFileSync(WAV), { authorization: `Bearer ${stranger}` }, id);
    expect(foreign).toMatchObject({ ok: false, status: 404 });
    const anonymous = await send(api.url, readFileSync(WAV), {}, id);
    expect(anonymous).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses a recording for a typed story and for a withdrawn story with a final 403 and a Dutch reason', async () => {
    const typed = buildStoryInput(org);
    await gql(api.url, CREATE_STORY, { input: typed }, as(coach));
    const forTyped = await send(api.url, readFileSync(WAV), headers(), typed.id);
    expect(forTyped).toMatchObject({ ok: false, status: 403 });
    expect(forTyped.body).toContain('geen opname');

    const id = await audioStory();
    const withdrawn = await gql(api.url, 'mutation($id: ID!) { withdrawStory(id: $id) { status } }', { id }, as(coach));
    expect(withdrawn.errors).toBeUndefined();
    const forWithdrawn = await send(api.url, readFileSync(WAV), headers(), id);
    expect(forWithdrawn).toMatchObject({ ok: false, status: 403 });
    expect(forWithdrawn.body).toContain('ingetrokken');
    expect((await storyRow(id)).audio_sha256).toBeNull();
  });
});

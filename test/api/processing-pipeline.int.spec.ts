import type { INestApplication } from '@nestjs/common';
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Upload } from 'tus-js-client';
import type { DataSource } from 'typeorm';
import { ensureTinyWhisper, TINY_WHISPER_ID } from '@vertelpunt/ml';
import { buildStoryInput, CREATE_STORY } from '../support/builders';
import { fixtureAudio, gql, login, openDataSource, seedTestOrganisation, startApi, startWorkers, stopProcess, testConfig, waitFor, type TestOrganisation } from '../support/harness';
import { TcpProxy } from '../support/tcp-proxy';

const READ = `query($id: ID!) { story(id: $id) { id status failureReason redactedText redactedTitle transcript
  redactedSegments { startMs endMs text } tags { state score why tag { key taxonomyKey } } answers { questionId } steps { step attempts finishedAt } } }`;
type Read = { story: { id: string; status: string; failureReason: string | null; redactedText: string | null; redactedTitle: string | null; transcript: string | null; redactedSegments: { startMs: number; endMs: number }[] | null; tags: { state: string; score: number; why: string[]; tag: { key: string; taxonomyKey: string } }[]; answers: unknown[]; steps: { step: string; attempts: number; finishedAt: string | null }[] } };

describe('processing pipeline: transcribe → redact → analyse → READY, with faults', () => {
  const audioDir = mkdtempSync(path.join(tmpdir(), 'vp-audio-'));
  const tiny = ensureTinyWhisper();
  const env = { AUDIO_DIR: audioDir, UPLOAD_DIR: path.join(audioDir, 'uploads'), MODELS_DIR: tiny.modelsDir, WHISPER_MODEL: TINY_WHISPER_ID, WORKER_LOCK_MS: '1500', RECOVERY_SWEEP_MS: '2000' };
  const config = testConfig('processing', env);
  const workerEnv = (extra: Record<string, string> = {}) => ({ NODE_ENV: 'test', DATABASE_URL: config.db.url, REDIS_URL: config.redis.url, REDIS_KEY_PREFIX: config.redis.keyPrefix, LOG_LEVEL: 'warn', ...env, ...extra });
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let org: TestOrganisation;
  let coach: string;
  let admin: string;
  const workers: ChildProcess[] = [];
  const as = (token: string) => ({ token, organisationId: org.organisation.id });
  const read = async (id: string, token = coach) => (await gql<Read>(api.url, READ, { id }, as(token))).data?.story;
  const untilStatus = (id: string, statuses: string[], timeoutMs = 60_000) =>
    waitFor(async () => {
      const s = await read(id);
      return s && statuses.includes(s.status) ? s : null;
    }, timeoutMs);
  /** Waits until every story is READY or FAILED; on time-out says where each one is. */
  const untilAll = async (ids: string[], timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows: { id: string; status: string; failure_reason: string | null }[] = await ds.query('SELECT id, status, failure_reason FROM story WHERE id = ANY($1)', [ids]);
      if (rows.every((r) => r.status === 'READY' || r.status === 'FAILED') || Date.now() > deadline) return rows;
      await new Promise((r) => setTimeout(r, 300));
    }
  };
  const startWorker = (extra: Record<string, string> = {}) => {
    const w = startWorkers(workerEnv(extra));
    workers.push(w);
    return w;
  };
  const stopWorkers = () => Promise.all(workers.splice(0).map((w) => stopProcess(w, 'SIGKILL')));

  const typedStory = async (text: string) => {
    const input = buildStoryInput(org, { text, title: 'Gesprek met mevrouw Yilmaz' });
    await gql(api.url, CREATE_STORY, { input }, as(coach));
    return input.id;
  };
  const spokenStory = async (file: string) => {
    const input = buildStoryInput(org, { mode: 'audio', text: null });
    await gql(api.url, CREATE_STORY, { input }, as(coach));
    await new Promise<void>((resolve, reject) =>
      new Upload(readFileSync(file), {
        endpoint: `${api.url}/uploads`,
        headers: { authorization: `Bearer ${coach}`, 'x-organisation-id': org.organisation.id },
        metadata: { storyId: input.id, filename: path.basename(file), filetype: 'audio/wav' },
        onSuccess: () => resolve(),
        onError: reject,
      }).start(),
    );
    return input.id;
  };

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds);
    api = await startApi(config);
    coach = await login(api.url, org.users.wijkcoach.email, org.users.wijkcoach.password);
    admin = await login(api.url, org.users.admin.email, org.users.admin.password);
  });
  afterAll(async () => {
    await stopWorkers();
    await api?.app.close();
    await ds?.destroy();
  });
  afterEach(() => stopWorkers());

  it('turns a typed story into a READY story with anonymised text, explained tags and a vector', async () => {
    const id = await typedStory(
      'Mevrouw Yilmaz woont aan de Kerkstraat 12 en belde me op 06-12345678. Ze had schulden en durfde de post niet meer open te maken. ' +
        'Samen met de schuldhulpverlening maakten we een plan en ik bleef haar vaste contactpersoon.',
    );
    startWorker();
    const story = await untilStatus(id, ['READY', 'FAILED']);
    expect(story.status).toBe('READY');
    expect(story.redactedText).toContain('[NAAM]');
    expect(story.redactedText).toContain('[TELEFOON]');
    expect(story.redactedText).not.toContain('Yilmaz');
    expect(story.redactedTitle).toBe('Gesprek met mevrouw [NAAM]');
    expect(story.tags.length).toBeGreaterThan(0);
    expect(story.tags.some((t) => t.tag.key === 'financien')).toBe(true);
    expect(story.tags.every((t) => t.why.length > 0 && t.score > 0)).toBe(true);
    expect(story.steps.map((s) => s.step)).toEqual(['received', 'redact', 'analyse']);
    const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM story_vector WHERE story_id = $1', [id]);
    expect(count).toBe(1);
  });

  it('transcribes a spoken story with the real Whisper pipeline (tiny test model) and keeps segment times', async () => {
    const id = await spokenStory(fixtureAudio('synthetic/syn-nl-13-long.wav'));
    startWorker();
    const story = await untilStatus(id, ['READY', 'FAILED'], 120_000);
    expect(story.failureReason).toBeNull();
    expect(story.status).toBe('READY');
    expect(typeof story.transcript).toBe('string');
    expect(story.redactedSegments?.length).toBeGreaterThan(0);
    const ends = story.redactedSegments!.map((s) => s.endMs);
    expect([...ends].sort((a, b) => a - b)).toEqual(ends);
    expect(story.steps.map((s) => s.step)).toEqual(['transcribe', 'redact', 'analyse']);
  }, 150_000);

  it('ends a silent recording as FAILED with "geen spraak gevonden" and keeps the answers', async () => {
    const silence = path.join(audioDir, 'stilte.wav');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '5', silence]);
    const id = await spokenStory(silence);
    startWorker();
    const story = await untilStatus(id, ['READY', 'FAILED']);
    expect(story.status).toBe('FAILED');
    expect(story.failureReason?.toLowerCase()).toContain('geen spraak gevonden');
    expect(story.answers.length).toBeGreaterThan(3);
  });

  it('says plainly when no Whisper weights are installed, and an admin retry finishes the story once they are', async () => {
    const id = await spokenStory(fixtureAudio('synthetic/syn-nl-02.wav'));
    startWorker({ MODELS_DIR: path.join(audioDir, 'geen-modellen') });
    const failed = await untilStatus(id, ['READY', 'FAILED']);
    expect(failed.status).toBe('FAILED');
    expect(failed.failureReason).toContain('nog niet geïnstalleerd');
    await stopWorkers();

    startWorker();
    const retried = await gql<{ retryStory: { status: string } }>(api.url, 'mutation($id: ID!) { retryStory(id: $id) { status } }', { id }, as(admin));
    expect(retried.data?.retryStory.status).toBe('RECEIVED');
    expect((await untilStatus(id, ['READY', 'FAILED'], 90_000)).status).toBe('READY');
  }, 150_000);

  it('finishes exactly once when the worker is SIGKILLed mid-transcription', async () => {
    const id = await spokenStory(fixtureAudio('synthetic/syn-nl-03.wav'));
    const slow = startWorker({ FAULT_DELAY_MS: '5000' });
    await waitFor(async () => (await ds.query(`SELECT 1 FROM story_step WHERE story_id = $1 AND step = 'transcribe'`, [id])).length > 0, 30_000, 50);
    await stopProcess(slow, 'SIGKILL');
    startWorker();
    const story = await untilStatus(id, ['READY', 'FAILED'], 90_000);
    expect(story.status).toBe('READY');
    expect(story.steps.find((s) => s.step === 'transcribe')?.attempts).toBe(2);
    expect(story.steps.filter((s) => s.step === 'analyse')).toHaveLength(1);
  }, 120_000);

  it('brings every story to READY exactly once through a Redis outage and a Postgres outage', async () => {
    const redisProxy = await new TcpProxy({ host: new URL(config.redis.url).hostname, port: Number(new URL(config.redis.url).port || 6379) }).start();
    const pgUrl = new URL(config.db.url);
    const pgProxy = await new TcpProxy({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) }).start();
    try {
      startWorker({ REDIS_URL: redisProxy.url(config.redis.url), DATABASE_URL: pgProxy.url(config.db.url) });
      // The worker is up and working before the outage starts.
      const ids: string[] = [await typedStory('Eerste verhaal: meneer de Vries had hulp nodig bij zijn huur en voelde zich eenzaam in de wijk.')];
      await untilStatus(ids[0], ['READY'], 60_000);
      redisProxy.cut();
      for (let i = 0; i < 6; i++) ids.push(await typedStory(`Verhaal ${i}: meneer de Vries had hulp nodig bij zijn huur en voelde zich eenzaam in de wijk.`));
      await new Promise((r) => setTimeout(r, 2500));
      redisProxy.restore();
      pgProxy.cut();
      for (let i = 0; i < 4; i++) ids.push(await typedStory(`Tijdens de storing: buurvrouw ${i} vertelde over haar zorgen om geld en de kinderen.`));
      await new Promise((r) => setTimeout(r, 2500));
      pgProxy.restore();
      const finished = await untilAll(ids, 90_000);
      expect(finished.filter((s) => s.status !== 'READY')).toEqual([]);
      const rows: { id: string; vectors: number; analyses: number }[] = await ds.query(
        `SELECT s.id, (SELECT count(*)::int FROM story_vector v WHERE v.story_id = s.id) AS vectors,
                (SELECT count(*)::int FROM story_step t WHERE t.story_id = s.id AND t.step = 'analyse') AS analyses
           FROM story s WHERE s.id = ANY($1)`,
        [ids],
      );
      expect(rows).toHaveLength(ids.length);
      expect(rows.every((r) => r.vectors === 1 && r.analyses === 1)).toBe(true);

      // "Verhalen zoals dit": the stories about rent and loneliness find each other first.
      const similar = await gql<{ story: { similarStories: { score: number; story: { id: string } }[] } }>(
        api.url,
        'query($id: ID!) { story(id: $id) { similarStories(first: 3) { score story { id } } } }',
        { id: ids[0] },
        as(coach),
      );
      const hits = similar.data?.story.similarStories ?? [];
      expect(hits).toHaveLength(3);
      expect(hits.every((h) => ids.slice(1, 7).includes(h.story.id) && h.score > 0.5)).toBe(true);
    } finally {
      await redisProxy.close();
      await pgProxy.close();
    }
  }, 150_000);
});

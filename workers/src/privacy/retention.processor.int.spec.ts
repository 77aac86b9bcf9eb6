import type { INestApplication } from '@nestjs/common';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import { Upload } from 'tus-js-client';
import type { DataSource } from 'typeorm';
import { AuditRepository, DataSubjectRepository, RetentionRepository } from '@vertelpunt/db';
import { createRedis, JobProducer } from '@vertelpunt/queue';
import { createAudioStorage } from '@vertelpunt/storage';
import { buildStoryInput, CREATE_STORY } from '@vertelpunt/test/support/builders';
import { fixtureAudio, gql, login, openDataSource, seedTestOrganisation, startApi, testConfig, waitFor, type TestOrganisation } from '@vertelpunt/test/support/harness';
import { RetentionProcessor } from './retention.processor';

const REPORT = '{ retentionReport { audioDaysAfterTranscription storyYears items { kind count oldest cutoff } lastRunAt filesPending } }';
type Report = {
  retentionReport: {
    audioDaysAfterTranscription: number | null;
    storyYears: number | null;
    items: { kind: string; count: number; oldest: string | null; cutoff: string | null }[];
    lastRunAt: string | null;
    filesPending: number;
  };
};
const DAY_MS = 24 * 3600_000;

/** Retention: the dry run an admin sees, then the real run, then a second run that removes nothing more (issue 8). */
describe('retention job', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vp-retention-'));
  const config = testConfig('retention', {
    AUDIO_DIR: dir,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    RETENTION_AUDIO_DAYS_AFTER_TRANSCRIPTION: '30',
    RETENTION_STORY_YEARS: '2',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const wav = readFileSync(fixtureAudio('synthetic/syn-nl-01.wav'));
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let org: TestOrganisation;
  let admin: string;
  let coach: string;
  let processor: RetentionProcessor;
  let producer: JobProducer;
  let redis: ReturnType<typeof createRedis>;
  const audio: Record<'old' | 'recent', { id: string; key: string }> = {} as never;
  let oldStoryId: string;
  let newStoryId: string;

  // Only this suite's organisation: other suites share the test database.
  const run = () => ({ trigger: 'manual' as const, organisationId: org.organisation.id });
  const as = (token: string) => ({ token, organisationId: org.organisation.id });
  const report = async () => {
    const res = await gql<Report>(api.url, REPORT, {}, as(admin));
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.retentionReport;
  };
  const tellSpoken = async (transcribedDaysAgo: number) => {
    const input = buildStoryInput(org, { mode: 'audio', text: null });
    await gql(api.url, CREATE_STORY, { input }, as(coach));
    await new Promise<void>((resolve, reject) =>
      new Upload(wav, {
        endpoint: `${api.url}/uploads`,
        headers: { authorization: `Bearer ${coach}`, 'x-organisation-id': org.organisation.id },
        metadata: { storyId: input.id, filename: 'opname.wav', filetype: 'audio/wav' },
        onSuccess: () => resolve(),
        onError: reject,
      }).start(),
    );
    const key = await waitFor(async () => (await ds.query('SELECT audio_key FROM story WHERE id = $1', [input.id]))[0]?.audio_key as string | null);
    // As the transcribe step leaves it (no workers run here: the job is what is tested).
    const at = new Date(Date.now() - transcribedDaysAgo * DAY_MS);
    await ds.query(`UPDATE story SET transcript = 'Wat er gezegd werd.', status = 'TRANSCRIBED' WHERE id = $1`, [input.id]);
    await ds.query(`INSERT INTO story_step (organisation_id, story_id, step, attempts, started_at, finished_at) VALUES ($1, $2, 'transcribe', 1, $3, $3)`, [org.organisation.id, input.id, at]);
    return { id: input.id, key };
  };

  beforeAll(async () => {
    ds = await openDataSource(config);
    api = await startApi(config);
    org = await seedTestOrganisation(ds, ['wijkcoach', 'admin']);
    admin = await login(api.url, org.users.admin.email, org.users.admin.password);
    coach = await login(api.url, org.users.wijkcoach.email, org.users.wijkcoach.password);
    audio.old = await tellSpoken(40);
    audio.recent = await tellSpoken(10);
    const old = buildStoryInput(org, { title: 'Een oud verhaal' });
    const fresh = buildStoryInput(org, { title: 'Een nieuw verhaal' });
    for (const input of [old, fresh]) await gql(api.url, CREATE_STORY, { input }, as(coach));
    await ds.query(`UPDATE story SET created_at = now() - interval '3 years' WHERE id = $1`, [old.id]);
    oldStoryId = old.id;
    newStoryId = fresh.id;

    redis = createRedis(config.redis.url);
    producer = new JobProducer(redis, config.redis.keyPrefix);
    processor = new RetentionProcessor(
      new RetentionRepository(ds),
      new DataSubjectRepository(ds),
      new AuditRepository(ds),
      producer,
      createAudioStorage(config),
      config,
      pino({ level: 'silent' }),
    );
  }, 120_000);

  afterAll(async () => {
    await producer?.close();
    redis?.disconnect();
    await api?.app.close();
    await ds?.destroy();
  });

  it('shows the admin a dry run: counts and oldest dates per kind, and removes nothing', async () => {
    const before = await report();
    expect(before).toMatchObject({ audioDaysAfterTranscription: 30, storyYears: 2, lastRunAt: null, filesPending: 0 });
    const [audioItem, storyItem] = before.items;
    expect(audioItem).toMatchObject({ kind: 'audio', count: 1 });
    expect(Math.round((Date.now() - Date.parse(audioItem!.oldest!)) / DAY_MS)).toBe(40);
    expect(storyItem).toMatchObject({ kind: 'stories', count: 1 });
    expect(new Date(storyItem!.oldest!).getUTCFullYear()).toBe(new Date().getUTCFullYear() - 3);
    expect(existsSync(path.join(dir, audio.old.key))).toBe(true);
    expect((await ds.query('SELECT count(*)::int AS n FROM story WHERE id = $1', [oldStoryId]))[0].n).toBe(1);
  });

  it('removes recordings 30 days after transcription and stories older than 2 years; keeps the rest; audited', async () => {
    await processor.process(run());
    expect(existsSync(path.join(dir, audio.old.key))).toBe(false);
    expect(existsSync(path.join(dir, audio.recent.key))).toBe(true);
    const rows = await ds.query('SELECT id, audio_key, transcript FROM story WHERE id = ANY($1::uuid[]) ORDER BY id', [[audio.old.id, audio.recent.id, oldStoryId, newStoryId]]);
    expect(rows).toEqual(
      [
        { id: audio.old.id, audio_key: null, transcript: 'Wat er gezegd werd.' },
        { id: audio.recent.id, audio_key: audio.recent.key, transcript: 'Wat er gezegd werd.' },
        { id: newStoryId, audio_key: null, transcript: null },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    const after = await report();
    expect(after.items.map((i) => i.count)).toEqual([0, 0]);
    expect(after.lastRunAt).not.toBeNull();
    const audit = await ds.query(`SELECT action, details FROM audit_event WHERE organisation_id = $1 AND action LIKE 'retention.%' ORDER BY action`, [org.organisation.id]);
    expect(audit).toEqual([
      { action: 'retention.audio.erase', details: { audioFiles: 1 } },
      { action: 'retention.run', details: { audioDaysAfterTranscription: 30, storyYears: 2, audioFiles: 1, stories: 1 } },
      { action: 'retention.stories.erase', details: expect.objectContaining({ stories: 1, audioFiles: 0 }) },
    ]);
  });

  it('is idempotent: a second run removes nothing more', async () => {
    const stories = async () => (await ds.query(`SELECT md5(string_agg(t::text, '|' ORDER BY id)) AS sum FROM story t WHERE organisation_id = $1`, [org.organisation.id]))[0].sum;
    const before = await stories();
    await processor.process(run());
    expect(await stories()).toBe(before);
    expect(existsSync(path.join(dir, audio.recent.key))).toBe(true);
    const runs = await ds.query(`SELECT details FROM audit_event WHERE organisation_id = $1 AND action = 'retention.run' ORDER BY created_at`, [org.organisation.id]);
    expect(runs[1].details).toMatchObject({ audioFiles: 0, stories: 0 });
  });

  it('keeps a file whose removal failed listed and removes it on a later run', async () => {
    // A directory where a recording should be: unlinking it fails, as a storage outage would.
    const key = `${org.organisation.id}/00000000-0000-4000-8000-000000000001/opname.wav`;
    mkdirSync(path.join(dir, key), { recursive: true });
    writeFileSync(path.join(dir, key, 'blokkade'), 'x');
    await ds.query(`INSERT INTO pending_file_deletion (organisation_id, kind, key) VALUES ($1, 'audio', $2)`, [org.organisation.id, key]);
    await processor.process(run());
    const [pending] = await ds.query('SELECT attempts, last_error FROM pending_file_deletion WHERE key = $1', [key]);
    expect(pending.attempts).toBe(1);
    expect(pending.last_error).toBeTruthy();
    expect((await report()).filesPending).toBe(1);
    rmSync(path.join(dir, key), { recursive: true });
    await processor.process(run());
    expect(await ds.query('SELECT id FROM pending_file_deletion WHERE key = $1', [key])).toEqual([]);
  });

  it('schedules itself as one repeatable BullMQ job', async () => {
    await processor.onApplicationBootstrap();
    await processor.onApplicationBootstrap(); // a second worker process: still one scheduler
    const schedulers = await producer.queue('privacy.retention').getJobSchedulers();
    expect(schedulers).toEqual([expect.objectContaining({ key: 'retention', every: 24 * 60 * 60_000 })]);
  });
});

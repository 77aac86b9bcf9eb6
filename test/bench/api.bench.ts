// `npm run bench:api`: story intake and audio uploads against the real API, Postgres and Redis on this machine.
// Prints tables; goals from the issues are in the last column. Uses its own database (vertelpunt_bench).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Upload } from 'tus-js-client';
import { buildStoryInput, CREATE_STORY } from '../support/builders';
import { gql, login, openDataSource, REPO_ROOT, seedTestOrganisation, testConfig } from '../support/harness';
import { TcpProxy } from '../support/tcp-proxy';
import { percentile, printTable, round, runAtRate, runConcurrent, startApiProcess, freshBenchDatabase, type Row } from './bench-util';
import { runExplorerBench } from './explorer.bench';
import { runImpactBench } from './impact.bench';

const DB = 'vertelpunt_bench';
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

/** A 2-minute Opus recording like Chrome's MediaRecorder makes (~32 kbit/s), from a Dutch fixture looped. */
const twoMinuteRecording = (dir: string) => {
  const file = path.join(dir, 'twee-minuten.webm');
  const source = path.resolve(REPO_ROOT, '../shared/fixtures/audio-nl/synthetic/syn-nl-13-long.wav');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-stream_loop', '3', '-i', source, '-t', '120', '-c:a', 'libopus', '-b:a', '32k', file]);
  return readFileSync(file);
};

const main = async () => {
  // `--explorer`: only the Verhalen explorer over a large dataset (slow to seed the first time), see README.
  if (process.argv.includes('--explorer')) return runExplorerBench();
  // `--impact`: only the Wat telt impact queries over 20,000 clients × 3 measurements, see impact.bench.ts.
  if (process.argv.includes('--impact')) return runImpactBench();
  const tellers = arg('tellers', 50);
  const stories = arg('stories', 3000);
  const uploaders = arg('uploaders', 200);
  const url = await freshBenchDatabase(DB);
  const dir = mkdtempSync(path.join(tmpdir(), 'vp-bench-'));
  const config = testConfig('bench', { DATABASE_URL: url, DATABASE_POOL_SIZE: '20', AUDIO_DIR: path.join(dir, 'audio'), UPLOAD_DIR: path.join(dir, 'uploads'), LOG_LEVEL: 'silent' });
  const ds = await openDataSource(config);
  const org = await seedTestOrganisation(ds, ['wijkcoach']);
  // The API runs in its own process, as in production, so the load generator does not share its event loop.
  // One account stands in for all tellers here, so the per-user rate limit is off (RATE_LIMIT_PER_MINUTE=0).
  const api = await startApiProcess({ DATABASE_URL: url, DATABASE_POOL_SIZE: '20', AUDIO_DIR: config.storage.audioDir, UPLOAD_DIR: config.storage.uploadDir, REDIS_URL: config.redis.url, REDIS_KEY_PREFIX: config.redis.keyPrefix, LOG_LEVEL: 'silent', NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '0' });
  const token = await login(api.url, org.users.wijkcoach.email, org.users.wijkcoach.password);
  const auth = { token, organisationId: org.organisation.id };
  const rows: Row[] = [];

  // 1. Typed story intake: `tellers` concurrent tellers.
  await runConcurrent(10, 100, async () => void (await gql(api.url, CREATE_STORY, { input: buildStoryInput(org) }, auth))); // warm-up
  const intake = await runConcurrent(tellers, stories, async () => {
    const res = await gql<{ createStory: { __typename: string } }>(api.url, CREATE_STORY, { input: buildStoryInput(org) }, auth);
    if (res.data?.createStory.__typename !== 'StoryCreated') throw new Error(JSON.stringify(res));
  });
  rows.push({
    measure: `typed intake, ${tellers} tellers as fast as they can, ${stories} stories`,
    result: `${round(stories / intake.seconds, 0)} stories/s; p50 ${round(percentile(intake.latencies, 50))} ms, p95 ${round(percentile(intake.latencies, 95))} ms`,
    goal: '≥ 500 stories/s, p95 < 50 ms',
  });
  // The same tellers, now sending 500 stories per second between them (the goal's rate) instead of as fast as they can.
  const rate = arg('rate', 500);
  const atRate = await runAtRate(rate, tellers, stories, async () => {
    const res = await gql<{ createStory: { __typename: string } }>(api.url, CREATE_STORY, { input: buildStoryInput(org) }, auth);
    if (res.data?.createStory.__typename !== 'StoryCreated') throw new Error(JSON.stringify(res));
  });
  rows.push({
    measure: `typed intake at ${rate} stories/s offered, ${tellers} tellers`,
    result: `${round(stories / atRate.seconds, 0)} stories/s; p50 ${round(percentile(atRate.latencies, 50))} ms, p95 ${round(percentile(atRate.latencies, 95))} ms`,
    goal: 'p95 < 50 ms',
  });

  // 2. `uploaders` tellers each uploading a 2-minute recording over tus, while the API keeps answering queries.
  const recording = twoMinuteRecording(dir);
  const expected = createHash('sha256').update(recording).digest('hex');
  const ids: string[] = [];
  for (let i = 0; i < uploaders; i++) {
    const input = buildStoryInput(org, { mode: 'audio', text: null });
    await gql(api.url, CREATE_STORY, { input }, auth);
    ids.push(input.id);
  }
  const probe: number[] = [];
  let uploading = true;
  const prober = (async () => {
    while (uploading) {
      const t = performance.now();
      await gql(api.url, '{ myStories(first: 20) { edges { node { id status } } } }', {}, auth);
      probe.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const headers = { authorization: `Bearer ${token}`, 'x-organisation-id': org.organisation.id };
  const send = (storyId: string, data: Buffer, endpointUrl: string, extra: { uploadUrl?: string; onChunk?: (n: number) => void } = {}) =>
    new Promise<string>((resolve, reject) => {
      const upload: Upload = new Upload(data, {
        endpoint: `${endpointUrl}/uploads`,
        uploadUrl: extra.uploadUrl,
        headers,
        chunkSize: 256 * 1024,
        retryDelays: [0, 500, 1000, 2000],
        metadata: { storyId, filename: 'opname.webm', filetype: 'audio/webm' },
        onChunkComplete: (n) => extra.onChunk?.(n),
        onSuccess: () => resolve(upload.url ?? ''),
        onError: reject,
      });
      upload.start();
    });
  const uploadsStarted = performance.now();
  const results = await Promise.allSettled(ids.map((id) => send(id, recording, api.url)));
  const uploadSeconds = (performance.now() - uploadsStarted) / 1000;
  uploading = false;
  await prober;
  const intact: { n: number }[] = await ds.query('SELECT count(*)::int AS n FROM story WHERE id = ANY($1) AND audio_sha256 = $2', [ids, expected]);
  rows.push({
    measure: `${uploaders} concurrent tus uploads of a 2-min recording (${round(recording.length / 1024, 0)} kB)`,
    result: `${results.filter((r) => r.status === 'fulfilled').length}/${uploaders} done, ${intact[0].n} intact (sha256), ${round(uploadSeconds)} s; API p50 ${round(percentile(probe, 50))} ms, p95 ${round(percentile(probe, 95))} ms during uploads`,
    goal: 'all intact, API p95 < 300 ms',
  });

  // 3. Network loss mid-upload: the connection drops at ~50 %, the client resumes from the server's offset.
  const proxy = await new TcpProxy({ host: '127.0.0.1', port: Number(new URL(api.url).port) }).start();
  const lossInput = buildStoryInput(org, { mode: 'audio', text: null });
  await gql(api.url, CREATE_STORY, { input: lossInput }, auth);
  let sent = 0;
  let cut = false;
  await send(lossInput.id, recording, `http://127.0.0.1:${proxy.port}`, {
    onChunk: (n) => {
      sent += n;
      if (!cut && sent > recording.length / 2) {
        cut = true;
        proxy.cut();
        setTimeout(() => proxy.restore(), 700);
      }
    },
  }).catch(() => undefined);
  // Bytes sent twice: everything the client put on the wire beyond the file itself (HTTP headers counted too, so an upper bound).
  const [row] = await ds.query('SELECT audio_sha256 FROM story WHERE id = $1', [lossInput.id]);
  rows.push({
    measure: 'resume after network loss at ~50 %',
    result: `${row?.audio_sha256 === expected ? 'intact' : 'NOT intact'}; extra bytes on the wire: ${round(((proxy.bytesUp - recording.length) / recording.length) * 100, 2)} % (chunk 256 kB, headers included)`,
    goal: '≤ 5 %',
  });
  await proxy.close();

  // 4. The /vertel page's JavaScript, gzipped (measured on the production build).
  const measure = path.join(REPO_ROOT, 'scripts/measure-vertel-js.mjs');
  if (existsSync(measure)) {
    const lines = execFileSync(process.execPath, [measure], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n');
    const summary = (label: string) => lines.find((l) => l.trim().startsWith(label))?.trim() ?? 'not measured';
    rows.push({ measure: '/vertel/[token] JavaScript (gzip)', result: `${summary('first load:')}; ${summary('when sending:')}`, goal: '≤ 120 kB' });
  }

  printTable(`bench:api — ${new Date().toISOString()} — ${process.env.HOSTNAME ?? 'this machine'} (2 cores)`, rows);
  await api.app.close();
  await ds.destroy();
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

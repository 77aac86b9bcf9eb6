import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { openDataSource, REPO_ROOT, seedTestOrganisation, startApi, startWorkers, stopProcess, testConfig, waitFor, type TestOrganisation } from '../../support/harness';

export type Stack = {
  apiUrl: string;
  webUrl: string;
  org: TestOrganisation;
  ds: DataSource;
  stop: () => Promise<void>;
};

export const freePort = async () => {
  const net = await import('node:net');
  return new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
};

/**
 * The whole product for a browser test: real API (in process), real workers and the built web app
 * (child processes), on the test database with a fresh organisation. The web build is made by globalSetup.
 */
export const startStack = async (
  suite: string,
  options: { workers?: boolean; env?: Record<string, string>; webPort?: number } = {},
): Promise<Stack> => {
  const config = testConfig(suite, options.env);
  const ds = await openDataSource(config);
  const org = await seedTestOrganisation(ds);
  const api: { app: INestApplication; url: string } = await startApi(config);
  const workerEnv = { NODE_ENV: 'test', DATABASE_URL: config.db.url, REDIS_URL: config.redis.url, REDIS_KEY_PREFIX: config.redis.keyPrefix, AUDIO_DIR: config.storage.audioDir, LOG_LEVEL: 'warn', ...options.env };
  const workers: ChildProcess | null = options.workers === false ? null : startWorkers(workerEnv);
  const port = options.webPort ?? (await freePort());
  const webUrl = `http://127.0.0.1:${port}`;
  const web = spawn(process.execPath, [path.join(REPO_ROOT, 'web/build/index.js')], {
    cwd: path.join(REPO_ROOT, 'web'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: webUrl, API_URL: api.url, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  web.stderr?.on('data', (d: Buffer) => process.env.TEST_VERBOSE && process.stderr.write(d));
  await waitFor(async () => (await fetch(`${webUrl}/healthz`).catch(() => null))?.ok, 20_000);
  return {
    apiUrl: api.url,
    webUrl,
    org,
    ds,
    stop: async () => {
      await stopProcess(web);
      if (workers) await stopProcess(workers);
      await api.app.close();
      await ds.destroy();
    },
  };
};

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const launchBrowser = (extraArgs: string[] = []): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });

/** A Chromium whose microphone plays the given WAV file. */
export const launchBrowserWithMicrophone = (wavFile: string) =>
  launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wavFile}`]);

export const phoneContext = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'nl-NL', permissions: ['microphone'] });

export const laptopContext = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL' });

export const loginAs = async (page: Page, webUrl: string, user: { email: string; password: string }) => {
  await page.goto(`${webUrl}/inloggen`);
  await page.getByLabel('E-mailadres').fill(user.email);
  await page.getByLabel('Wachtwoord').fill(user.password);
  await page.getByRole('button', { name: /inloggen/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
};

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.1 A/AA) in the page; returns serious and critical violations, described. */
export const seriousA11yViolations = async (page: Page): Promise<string[]> => {
  // Evaluated through the DevTools protocol, so the page's strict CSP stays on while axe runs.
  await page.evaluate(AXE_SOURCE);
  // Runs in the browser; typed loosely because this tsconfig has no DOM lib.
  const violations: AxeViolation[] = await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
};

export const webBuildExists = () => existsSync(path.join(REPO_ROOT, 'web/build/index.js'));

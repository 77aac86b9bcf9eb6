import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { prepareTestDatabase } from './test-env';

const root = path.resolve(__dirname, '../..');

const newestMtime = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    return Math.max(newest, t);
  }, 0);

/** The browser tests run the production build of the web app; rebuild it when a source file is newer. */
const ensureWebBuild = () => {
  const built = path.join(root, 'web/build/index.js');
  const sources = [path.join(root, 'web/src'), path.join(root, 'web/static')].filter(existsSync);
  const stale = !existsSync(built) || sources.some((dir) => newestMtime(dir) > statSync(built).mtimeMs);
  if (stale) execFileSync('npm', ['run', '-s', '-w', 'web', 'build'], { cwd: root, stdio: 'inherit' });
};

/** Runs once per jest run: a fresh test database with every migration applied, and a current web build. */
/** `jest --selectProjects unit integration` skips the build; no selection means every project, e2e included. */
const browserTestsSelectedNow = () => {
  const at = process.argv.indexOf('--selectProjects');
  if (at < 0) return true;
  const selected = process.argv.slice(at + 1).filter((_, i, rest) => !rest.slice(0, i + 1).some((a) => a.startsWith('-')));
  return selected.includes('e2e');
};

export default async function globalSetup(): Promise<void> {
  await prepareTestDatabase();
  const browserTestsSelected = browserTestsSelectedNow();
  if (browserTestsSelected && process.env.SKIP_WEB_BUILD !== '1') ensureWebBuild();
}

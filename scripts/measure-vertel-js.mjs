#!/usr/bin/env node
// Gzipped JavaScript of the /vertel pages (issue 4: goal ≤ 120 kB), from the last `vite build` of web/.
// "First load" is what the browser fetches to show the page: SvelteKit's entry and the route's layout and
// page nodes with their static imports (the page's modulepreload links). "When sending" adds the chunks
// the page imports lazily once a story goes out (tus-js-client). Usage: node scripts/measure-vertel-js.mjs [--check]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 120 * 1024;
const ROUTES = ['/(app)/vertel', '/vertel/[token]'];

const web = path.resolve(import.meta.dirname, '../web');
const output = path.join(web, '.svelte-kit/output');
const serverManifest = path.join(output, 'server/manifest.js');
const viteManifestPath = path.join(output, 'client/.vite/manifest.json');
if (!existsSync(serverManifest) || !existsSync(viteManifestPath)) {
  console.error('No build found. Run `npx vite build` in web/ first.');
  process.exit(2);
}

const { manifest } = await import(pathToFileURL(serverManifest).href);
const viteManifest = JSON.parse(readFileSync(viteManifestPath, 'utf8'));
const byFile = new Map(Object.values(viteManifest).map((entry) => [entry.file, entry]));

/** A node's `imports` list, read from its server file (importing it would load the server code too). */
const nodeImports = (index) => {
  const source = readFileSync(path.join(output, `server/nodes/${index}.js`), 'utf8');
  const match = /export const imports = (\[[^\]]*\]);/.exec(source);
  return match ? JSON.parse(match[1]) : [];
};

const gzipped = new Map();
const gzipSize = (file) => {
  if (!gzipped.has(file)) {
    gzipped.set(file, gzipSync(readFileSync(path.join(output, 'client', file)), { level: 9 }).length);
  }
  return gzipped.get(file);
};

/** Everything a set of chunks imports lazily, with those chunks' own static imports; not the router's node table. */
const lazyChunks = (loaded) => {
  const lazy = new Set();
  const visit = (key) => {
    const entry = viteManifest[key];
    if (!entry || loaded.has(entry.file) || lazy.has(entry.file)) return;
    lazy.add(entry.file);
    for (const child of entry.imports ?? []) visit(child);
    for (const child of entry.dynamicImports ?? []) visit(child);
  };
  for (const file of loaded) {
    const entry = byFile.get(file);
    if (!entry || entry.file.includes('/entry/app.')) continue;
    for (const key of entry.dynamicImports ?? []) visit(key);
  }
  return lazy;
};

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
let over = false;

for (const id of ROUTES) {
  const route = manifest._.routes.find((r) => r.id === id);
  if (!route?.page) {
    console.error(`Route ${id} is not in the build.`);
    over = true;
    continue;
  }
  const nodes = [...route.page.layouts.filter((n) => n !== undefined), route.page.leaf];
  const first = new Set(manifest._.client.imports);
  for (const n of nodes) for (const file of nodeImports(n)) first.add(file);
  const jsFirst = [...first].filter((f) => f.endsWith('.js'));
  const lazy = [...lazyChunks(new Set(jsFirst))].filter((f) => f.endsWith('.js'));
  const firstBytes = jsFirst.reduce((sum, f) => sum + gzipSize(f), 0);
  const lazyBytes = lazy.reduce((sum, f) => sum + gzipSize(f), 0);
  const ok = firstBytes <= BUDGET_BYTES;
  over ||= !ok;
  console.log(`${id}`);
  console.log(
    `  first load:   ${kB(firstBytes)} gzipped in ${jsFirst.length} chunks (budget ${kB(BUDGET_BYTES)}: ${ok ? 'ok' : 'OVER'})`,
  );
  console.log(
    `  when sending: +${kB(lazyBytes)} gzipped in ${lazy.length} lazy chunks (total ${kB(firstBytes + lazyBytes)})`,
  );
  const largest = jsFirst
    .map((f) => [f, gzipSize(f)])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  for (const [file, bytes] of largest) console.log(`    ${kB(bytes).padStart(8)}  ${file}`);
}

if (process.argv.includes('--check') && over) process.exit(1);

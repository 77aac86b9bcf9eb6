import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Download } from 'playwright-core';

/** Reads PDFs the way a person would see them, with Debian's poppler-utils (.ci/run installs them). */
export const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
export const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/** Saves a browser download in a fresh temporary folder; returns its path. */
export const savedDownload = async (download: Download, name: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'vp-e2e-download-')), name);
  await download.saveAs(file);
  return file;
};

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Upload } from 'tus-js-client';
import type { Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { buildStoryInput, CREATE_STORY } from '../../support/builders';
import { gql, waitFor, type TestOrganisation } from '../../support/harness';

export type Auth = { token: string; organisationId: string };

/** A typed story told by a wijkcoach through the API, as the recorder would send it. */
export const tellTyped = async (
  apiUrl: string,
  org: TestOrganisation,
  auth: Auth,
  title: string,
  text: string,
): Promise<string> => {
  const input = buildStoryInput(org, { title, text });
  const created = await gql<{ createStory: { __typename: string } }>(apiUrl, CREATE_STORY, { input }, auth);
  if (created.data?.createStory.__typename !== 'StoryCreated') throw new Error(JSON.stringify(created));
  return input.id;
};

/** A spoken story: the story first, then its recording over tus, as the recorder does. */
export const tellSpoken = async (
  apiUrl: string,
  org: TestOrganisation,
  auth: Auth,
  title: string,
  wavFile: string | null,
): Promise<string> => {
  const input = buildStoryInput(org, { mode: 'audio', text: null, title });
  const created = await gql<{ createStory: { __typename: string } }>(apiUrl, CREATE_STORY, { input }, auth);
  if (created.data?.createStory.__typename !== 'StoryCreated') throw new Error(JSON.stringify(created));
  // Without a file the story waits for its recording, as when the phone went offline after creating it.
  if (wavFile === null) return input.id;
  await new Promise<void>((resolve, reject) =>
    new Upload(readFileSync(wavFile), {
      endpoint: `${apiUrl}/uploads`,
      headers: { authorization: `Bearer ${auth.token}`, 'x-organisation-id': auth.organisationId },
      metadata: { storyId: input.id, filename: path.basename(wavFile), filetype: 'audio/wav' },
      onSuccess: () => resolve(),
      onError: reject,
    }).start(),
  );
  return input.id;
};

/** Waits until the real workers finished every story; a failure says which story ended how. */
export const untilProcessed = async (ds: DataSource, ids: string[], timeoutMs: number): Promise<void> => {
  try {
    await waitFor(
      async () => {
        const rows: { status: string }[] = await ds.query('SELECT status FROM story WHERE id = ANY($1)', [ids]);
        return rows.length === ids.length && rows.every((r) => r.status === 'READY' || r.status === 'FAILED');
      },
      timeoutMs,
      500,
    );
  } finally {
    const rows: { id: string; status: string; failure_reason: string | null }[] = await ds.query(
      'SELECT id, status, failure_reason FROM story WHERE id = ANY($1)',
      [ids],
    );
    const notReady = rows.filter((r) => r.status !== 'READY');
    if (notReady.length > 0) throw new Error(`not processed: ${JSON.stringify(notReady)}`);
  }
};

/**
 * Polls a browser expression from here: `page.waitForFunction` polls with eval inside the page, which
 * the strict CSP refuses, while `page.evaluate` goes through the DevTools protocol.
 */
export const untilInPage = (page: Page, expression: string, timeoutMs = 5000): Promise<unknown> =>
  waitFor(async () => Boolean(await page.evaluate(expression)), timeoutMs, 50);

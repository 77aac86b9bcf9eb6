import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import {
  gql,
  login,
  openDataSource,
  seedTestOrganisation,
  startApi,
  testConfig,
  waitFor,
  type TestOrganisation,
} from '@vertelpunt/test/support/harness';
import { SAMPLE_STORIES, startWorkersInProcess, tellReadyStories } from '@vertelpunt/test/support/ready-stories';
import { TafelPrintPackProcessor } from './print-pack.processor';

/** Text and page count as poppler sees them (Debian poppler-utils; .ci/run installs it). */
/** Per page, with line breaks and runs of spaces made single spaces (long titles wrap). */
const pdfPagesText = (file: string) =>
  execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((page) => page.replace(/\s+/g, ' '));
const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

describe('print pack worker (real PDF from real stories)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vp-printpack-'));
  const config = testConfig('tafels-printpack', {
    AUDIO_DIR: dir,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    RECOVERY_SWEEP_MS: '600000',
  });
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let workers: INestApplicationContext;
  let org: TestOrganisation;
  let facilitator: string;
  let storyIds: string[];
  const as = (token: string) => ({ token, organisationId: org.organisation.id });
  const tafelState = async (id: string) =>
    (
      await gql<{ tafel: { printPack: { status: string; downloadPath: string | null } } }>(
        api.url,
        'query($id: ID!) { tafel(id: $id) { printPack { status downloadPath } } }',
        { id },
        as(facilitator),
      )
    ).data!.tafel.printPack;

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds);
    api = await startApi(config);
    workers = await startWorkersInProcess(config);
    facilitator = await login(api.url, org.users.facilitator.email, org.users.facilitator.password);
    const coach = await login(api.url, org.users.wijkcoach.email, org.users.wijkcoach.password);
    storyIds = await tellReadyStories(ds, api.url, org, coach, SAMPLE_STORIES.slice(0, 5));
  }, 120_000);
  afterAll(async () => {
    await workers?.close();
    await api?.app.close();
    await ds?.destroy();
  });

  it('makes a session sheet and one card per story: N + 1 pages with anonymised titles and Dutch letters intact', async () => {
    const created = await gql<{ createTafel: { id: string } }>(
      api.url,
      'mutation($i: TafelInput!) { createTafel(input: $i) { id } }',
      {
        i: {
          title: 'Tafel België: ĳverige coaches en naïeve vragen',
          date: '2099-05-04',
          question: 'Wat maakt het verschil bij geldzorgen?',
          facilitatorUserId: org.users.facilitator.id,
          wijkId: org.wijken[0].id,
        },
      },
      as(facilitator),
    );
    const tafelId = created.data!.createTafel.id;
    for (const id of storyIds)
      await gql(
        api.url,
        'mutation($t: ID!, $s: ID!) { addStoryToTafel(tafelId: $t, storyId: $s) { id } }',
        { t: tafelId, s: id },
        as(facilitator),
      );
    await gql(
      api.url,
      'mutation($t: ID!) { requestTafelPrintPack(tafelId: $t) { id } }',
      { t: tafelId },
      as(facilitator),
    );
    const pack = await waitFor(async () => {
      const p = await tafelState(tafelId);
      return p.status === 'ready' || p.status === 'failed' ? p : null;
    });
    expect(pack.status).toBe('ready');

    const [{ print_key: key }] = await ds.query('SELECT print_key FROM ervaringen_tafel WHERE id = $1', [tafelId]);
    const file = path.join(dir, key);
    expect(existsSync(file)).toBe(true);
    expect(pdfPages(file)).toBe(storyIds.length + 1);
    const pages = pdfPagesText(file);
    const text = pages.join(' ');
    expect(text).toContain('Tafel België: ĳverige coaches en naïeve vragen');
    expect(text).toContain('Wat maakt het verschil bij geldzorgen?');
    expect(text).toContain(`facilitator ${org.organisation.slug.replace('test-', '')}`);
    const titles: { redacted_title: string }[] = await ds.query('SELECT redacted_title FROM story WHERE id = ANY($1)', [
      storyIds,
    ]);
    for (const { redacted_title } of titles) expect(text).toContain(redacted_title);
    expect(text).toContain('Mevrouw [NAAM] durfde de post weer open te maken');
    expect(text).not.toMatch(/Jansen|Bakker|06-12345678/);
    expect(text).toMatch(/Archetypen: \S+/);

    // Pages in order: the sheet first, then the cards in basket order.
    expect(pages[0]).toContain('Aantekeningen');
    expect(pages[1]).toContain('Verhaal 1 van 5');
    expect(pages[1]).toContain('Mevrouw [NAAM] durfde de post weer open te maken');
  });

  it('ignores a job for an older request and keeps the newer pack', async () => {
    const created = await gql<{ createTafel: { id: string } }>(
      api.url,
      'mutation($i: TafelInput!) { createTafel(input: $i) { id } }',
      {
        i: { title: 'Tafel twee', date: '2099-05-05', question: 'Vraag', facilitatorUserId: org.users.facilitator.id },
      },
      as(facilitator),
    );
    const tafelId = created.data!.createTafel.id;
    await gql(
      api.url,
      'mutation($t: ID!, $s: ID!) { addStoryToTafel(tafelId: $t, storyId: $s) { id } }',
      { t: tafelId, s: storyIds[0] },
      as(facilitator),
    );
    await gql(
      api.url,
      'mutation($t: ID!) { requestTafelPrintPack(tafelId: $t) { id } }',
      { t: tafelId },
      as(facilitator),
    );
    await gql(
      api.url,
      'mutation($t: ID!) { requestTafelPrintPack(tafelId: $t) { id } }',
      { t: tafelId },
      as(facilitator),
    );
    await waitFor(async () => (await tafelState(tafelId)).status === 'ready');
    const before = await ds.query('SELECT print_key, print_version FROM ervaringen_tafel WHERE id = $1', [tafelId]);
    expect(before[0].print_version).toBe(2);
    await workers.get(TafelPrintPackProcessor).process({ organisationId: org.organisation.id, tafelId, version: 1 });
    expect(await ds.query('SELECT print_key, print_version FROM ervaringen_tafel WHERE id = $1', [tafelId])).toEqual(
      before,
    );

    // Storage keeps one pack per Tafel: the current one (an overtaken job removes its own file).
    const stored = () => readdirSync(path.join(dir, org.organisation.id, `tafel-${tafelId}`)).join(',');
    await waitFor(async () => stored() === 'printpakket-2.pdf', 5_000);
    await gql(
      api.url,
      'mutation($t: ID!) { requestTafelPrintPack(tafelId: $t) { id } }',
      { t: tafelId },
      as(facilitator),
    );
    await waitFor(async () => (await tafelState(tafelId)).status === 'ready');
    expect(stored()).toBe('printpakket-3.pdf');
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  launchBrowser,
  launchBrowserWithMicrophone,
  phoneContext,
  seriousA11yViolations,
  startStack,
  type Stack,
} from './support/stack';
import {
  answersOf,
  archetypeIdsByName,
  forgetRecordingsOnDrafts,
  loginWhenReady,
  outboxStates,
  press,
  storedRecordings,
  storiesOfVertelpunt,
  watchUploads,
} from './support/vertel-helpers';

const WAV = '/work/shared/fixtures/audio-nl/synthetic/syn-nl-01.wav';
/**
 * Long enough for more than one 256 kB tus chunk at the recorder's 48 kbit/s, so the network can go
 * away after the first chunk arrived and the upload must resume at the server's offset.
 */
const RECORD_SECONDS = Number(process.env.VERTEL_E2E_RECORD_SECONDS ?? 50);

/** Every screen of /vertel is checked with axe on a phone-sized viewport. */
const expectAccessible = async (page: Page, where: string) => {
  expect({ where, violations: await seriousA11yViolations(page) }).toEqual({ where, violations: [] });
};

/** Polls the database until the vertelpunt has this many stories with their audio in (or times out). */
const waitForStories = async (stack: Stack, vertelpuntId: string, count: number, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stories = await storiesOfVertelpunt(stack.ds, vertelpuntId);
    if (stories.length >= count && stories.every((s) => s.mode !== 'audio' || s.audio_sha256 !== null)) return stories;
    if (Date.now() > deadline) throw new Error(`expected ${count} stories, have ${JSON.stringify(stories)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

/** Messages the browser logs when the page's Content-Security-Policy blocks something. */
const watchCsp = (page: Page): string[] => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
};

const next = (page: Page) => page.getByRole('button', { name: /^(Volgende|Overslaan)$/ }).click();

/** Waits until the step heading says what we expect, so every click lands on the right screen. */
const onScreen = async (page: Page, text: string | RegExp) => {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
};

describe('Vertelpunt recorder (browser)', () => {
  let stack: Stack;
  let microphoneBrowser: Browser;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack('e2e-vertel', { workers: false });
    [microphoneBrowser, browser] = await Promise.all([launchBrowserWithMicrophone(WAV), launchBrowser()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([microphoneBrowser?.close(), browser?.close()]);
    await stack?.stop();
  }, 60_000);

  it('keeps a recorded story through a lost connection and a reload, and the server gets it once, byte for byte', async () => {
    const context: BrowserContext = await phoneContext(microphoneBrowser);
    const page = await context.newPage();
    const cspViolations = watchCsp(page);
    await loginWhenReady(page, stack.webUrl, stack.org.users.wijkcoach);
    await page.goto(`${stack.webUrl}/vertel`);
    await onScreen(page, 'Vertel je verhaal');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expectAccessible(page, 'start');

    // Inspreken: record, pause and go on, stop.
    await page.getByRole('button', { name: /Inspreken/ }).click();
    await onScreen(page, 'Spreek je verhaal in');
    await expectAccessible(page, 'opnemen, nog niets');
    await page.getByRole('button', { name: /Begin met opnemen/ }).click();
    await page.getByRole('status').filter({ hasText: 'De opname loopt' }).waitFor();
    await expectAccessible(page, 'opnemen, bezig');
    await page.waitForTimeout(2000);
    await page.getByRole('button', { name: 'Pauzeer' }).click();
    await page.getByRole('status').filter({ hasText: 'gepauzeerd' }).waitFor();
    await page.getByRole('button', { name: 'Ga verder' }).click();
    await page.waitForTimeout(RECORD_SECONDS * 1000);
    await page.getByRole('button', { name: 'Stop de opname' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Opname klaar/ })
      .waitFor();
    await page.locator('audio').waitFor();
    await expectAccessible(page, 'opgenomen');
    const [recording] = await storedRecordings(page);
    expect(recording.type).toMatch(/^audio\/webm/);
    expect(recording.size).toBeGreaterThan(300 * 1024);

    await next(page);
    await onScreen(page, 'Geef je verhaal een korte titel.');
    await expectAccessible(page, 'titel');
    await page.getByRole('textbox').fill('Samen de schulden op een rij');
    await next(page);

    // Vraag 1: 2 archetypes.
    await onScreen(page, /Hoe voelde je je in deze situatie/);
    await expect(page.getByText('Vraag 1 van 8').count()).resolves.toBe(1);
    await next(page); // required: says so
    await page.getByRole('alert').filter({ hasText: 'Deze vraag is verplicht' }).waitFor();
    await page.getByRole('checkbox', { name: 'De Verbinder' }).check();
    await page.getByRole('checkbox', { name: 'De Klemzittende' }).check();
    await expect(page.getByRole('checkbox', { name: 'De Wegwijzer' }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page, 'archetypen');
    await next(page);

    // Vraag 2: werkzame elementen (multi, max 3).
    await onScreen(page, /werkzame elementen/);
    await page.getByRole('checkbox').first().check();
    await expectAccessible(page, 'meerkeuze');
    await next(page);

    // Vraag 3: leefgebieden; back and forward keeps the answers.
    await onScreen(page, /leefgebieden/);
    await page.getByRole('checkbox').nth(1).check();
    await page.getByRole('button', { name: 'Vorige' }).click();
    await onScreen(page, /werkzame elementen/);
    await expect(page.getByRole('checkbox').first().isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Vorige' }).click();
    await onScreen(page, /Hoe voelde je je/);
    await expect(page.getByRole('checkbox', { name: 'De Verbinder' }).isChecked()).resolves.toBe(true);
    await next(page);
    await next(page);
    await onScreen(page, /leefgebieden/);
    await expect(page.getByRole('checkbox').nth(1).isChecked()).resolves.toBe(true);
    await next(page);

    // Vraag 4: wijk.
    await onScreen(page, 'In welke wijk speelde dit?');
    await page.getByRole('radio', { name: 'Noord' }).check();
    await expectAccessible(page, 'wijk');
    await next(page);

    // Vraag 5: a dyad, with the keyboard: 50 → 30.
    await onScreen(page, 'Wie had de regie?');
    await expectAccessible(page, 'dyad');
    await page.getByRole('slider').focus();
    await press(page, 'ArrowLeft', 20);
    await page.getByText('30 van 100: meer naar "De inwoner"').first().waitFor();
    await next(page);

    // Vraag 6: the second dyad does not fit.
    await onScreen(page, /Hoeveel ruimte/);
    await page.getByRole('checkbox', { name: 'Past niet / weet ik niet' }).check();
    await next(page);

    // Vraag 7: the 2-D canvas, by keyboard: (50, 50) → (25, 75), announced.
    await onScreen(page, /Wat was het effect/);
    await page.getByRole('slider').focus();
    await press(page, 'ArrowLeft', 5);
    await press(page, 'ArrowUp', 5);
    await page.getByText(/Punt gezet: 25 van 100 naar rechts .*75 van 100 naar boven/).waitFor();
    await expectAccessible(page, 'canvas');
    await next(page);

    // Vraag 8: scale.
    await onScreen(page, /rapportcijfer/);
    await page.getByRole('radio', { name: '8' }).check();
    await expectAccessible(page, 'schaal');
    await next(page);

    // Consent.
    await onScreen(page, 'Wat gebeurt er met je verhaal?');
    await page.getByRole('button', { name: 'Verstuur mijn verhaal' }).click();
    await page.getByRole('alert').filter({ hasText: 'Zet een vinkje' }).waitFor();
    await page.getByRole('checkbox', { name: /Ik vind het goed/ }).check();
    await expectAccessible(page, 'toestemming');

    // Send; the network goes while the second chunk is on its way.
    const uploads = await watchUploads(page);
    const held = uploads.holdPatch(2);
    await page.getByRole('button', { name: 'Verstuur mijn verhaal' }).click();
    await held;
    await context.setOffline(true);
    uploads.release();
    await page.getByRole('heading', { level: 1, name: 'Bewaard, nog niet verstuurd' }).waitFor();

    // The app is closed and opened again without a network: the story is still there, waiting.
    await page.reload();
    await onScreen(page, 'Bewaard, nog niet verstuurd');
    await page.getByText('1 verhaal wacht op verbinding').waitFor();
    await page.getByText(/Er is nu geen internet/).waitFor();
    await expectAccessible(page, 'wacht op verbinding');
    const [pending] = await outboxStates(page);
    expect(pending).toMatchObject({ id: recording.id, storyCreated: true });
    expect(await storedRecordings(page)).toEqual([recording]);

    // The connection returns: the upload resumes where the server stopped.
    await context.setOffline(false);
    await page.getByRole('heading', { level: 1, name: 'Verstuurd' }).waitFor({ timeout: 60_000 });
    await page.getByText(/staat veilig op de server/).waitFor();
    await expectAccessible(page, 'verstuurd');

    // One upload, created once; after the reload it asked the server where it was and went on from there.
    expect(uploads.log.filter((r) => r.method === 'POST')).toHaveLength(1);
    const resumedAt = uploads.log.findIndex((r) => r.method === 'HEAD');
    expect(resumedAt).toBeGreaterThan(0);
    const [firstChunk] = uploads.log.filter((r) => r.method === 'PATCH');
    const afterResume = uploads.log.slice(resumedAt).filter((r) => r.method === 'PATCH');
    expect(firstChunk.offset).toBe('0');
    expect(afterResume.map((r) => Number(r.offset))).toEqual([256 * 1024]);

    const stories = await storiesOfVertelpunt(stack.ds, stack.org.vertelpunten.wijkcoach.id);
    expect(stories).toHaveLength(1);
    const [story] = stories;
    expect(story).toMatchObject({
      id: recording.id,
      mode: 'audio',
      title: 'Samen de schulden op een rij',
      teller_kind: 'wijkcoach',
      teller_user_id: stack.org.users.wijkcoach.id,
      audio_sha256: recording.sha256,
    });
    expect(Number(story.audio_bytes)).toBe(recording.size);
    expect(story.consent).toMatchObject({ version: 'vertelpunt-wijkcoach-2025-11', usage: ['leren'] });

    const archetypes = await archetypeIdsByName(stack.ds, stack.org.organisation.id);
    const answers = await answersOf(stack.ds, story.id);
    expect(answers.gevoel).toEqual({
      kind: 'archetypes',
      archetypeIds: [archetypes['De Verbinder'], archetypes['De Klemzittende']],
    });
    expect(answers.regie).toEqual({ kind: 'number', value: 30 });
    expect(answers.ruimte).toEqual({ kind: 'notApplicable' });
    expect(answers.impact).toEqual({ kind: 'point', x: 25, y: 75 });
    expect(answers.tevredenheid).toEqual({ kind: 'number', value: 8 });
    expect(answers.wijk).toEqual({ kind: 'choice', optionIds: [stack.org.wijken.find((w) => w.name === 'Noord')!.id] });
    expect((answers['werkzame-elementen'] as { optionIds: string[] }).optionIds).toHaveLength(1);
    expect((answers.leefgebieden as { optionIds: string[] }).optionIds).toHaveLength(1);

    // Everything on the phone is cleaned up once the server has it; the next story starts fresh.
    expect(await outboxStates(page)).toEqual([]);
    expect(await storedRecordings(page)).toEqual([]);
    await page.getByRole('button', { name: 'Vertel nog een verhaal' }).click();
    await onScreen(page, 'Vertel je verhaal');
    // Recording, playback from blob:, IndexedDB, the worker and the proxies all fit the CSP.
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 240_000);

  it('offers a choice of vertelpunten, stops a recording at the maximum length, and resumes after a reload', async () => {
    const [{ id: shortPuntId }] = await stack.ds.query(
      `INSERT INTO vertelpunt (organisation_id, name, audience, questionnaire_id, is_open, max_recording_seconds)
         VALUES ($1, 'Korte verhalen', 'wijkcoach', $2, true, 30) RETURNING id`,
      [stack.org.organisation.id, stack.org.vertelpunten.wijkcoach.questionnaireId],
    );
    const context = await phoneContext(microphoneBrowser);
    const page = await context.newPage();
    await loginWhenReady(page, stack.webUrl, stack.org.users.wijkcoach);
    await page.goto(`${stack.webUrl}/vertel`);
    await onScreen(page, 'Waar wil je vertellen?');
    await expectAccessible(page, 'vertelpunt kiezen');
    await page.getByRole('link', { name: /Korte verhalen/ }).click();
    await onScreen(page, 'Vertel je verhaal');
    await page.getByRole('button', { name: /Inspreken/ }).click();
    await page.getByRole('button', { name: /Begin met opnemen/ }).click();
    await page.getByText('van 0:30').waitFor();
    const stopped = page.getByText(/De opname is gestopt na 30 seconden\. Langer kan hier niet\./);
    await stopped.waitFor({ timeout: 45_000 });
    await expectAccessible(page, 'maximum bereikt');
    await page
      .getByRole('status')
      .filter({ hasText: /Opname klaar: 30 seconden/ })
      .waitFor();
    const [recording] = await storedRecordings(page);
    expect(recording.size).toBeGreaterThan(0);

    // Closing the app the moment the recording is done, and opening it again, brings the teller back
    // to this story and its recording, on the same screen.
    await page.goto(`${stack.webUrl}/vertel`);
    await onScreen(page, 'Spreek je verhaal in');
    await page
      .getByRole('status')
      .filter({ hasText: /Opname klaar/ })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('punt')).toBeNull();
    await page.getByRole('link', { name: 'Ander vertelpunt kiezen' }).waitFor({ state: 'detached' });
    expect(await storedRecordings(page)).toEqual([recording]);

    // The app closed after the recording was stored but before the draft was written: the recording is found again.
    await forgetRecordingsOnDrafts(page);
    await page.reload();
    await onScreen(page, 'Spreek je verhaal in');
    await page
      .getByRole('status')
      .filter({ hasText: /Opname klaar: 30 seconden/ })
      .waitFor();
    expect(await storedRecordings(page)).toEqual([recording]);
    await page.getByRole('button', { name: 'Vorige' }).click();
    await page.getByRole('link', { name: 'Ander vertelpunt kiezen' }).click();
    await onScreen(page, 'Waar wil je vertellen?');
    await page.getByText('Je bent hier bezig met een verhaal.').waitFor();
    expect(await storiesOfVertelpunt(stack.ds, shortPuntId)).toEqual([]);
    await context.close();
  }, 120_000);

  it('sends a waiting story from the service worker (Background Sync) when no recorder page is open', async () => {
    const punt = stack.org.vertelpunten.wijkcoach;
    const before = (await storiesOfVertelpunt(stack.ds, punt.id)).length;
    const context = await phoneContext(microphoneBrowser);
    const page = await context.newPage();
    await loginWhenReady(page, stack.webUrl, stack.org.users.wijkcoach);
    await page.goto(`${stack.webUrl}/vertel?punt=${punt.id}`);
    await page.getByRole('button', { name: /Inspreken/ }).click();
    await page.getByRole('button', { name: /Begin met opnemen/ }).click();
    await page.waitForTimeout(4000);
    await page.getByRole('button', { name: 'Stop de opname' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Opname klaar/ })
      .waitFor();
    const [recording] = await storedRecordings(page);
    await next(page);
    await page.getByRole('textbox').fill('Via de achtergrond verstuurd');
    await next(page);
    await page.getByRole('checkbox', { name: 'De Luisteraar' }).check();
    await next(page);
    await next(page); // werkzame elementen: skipped
    await onScreen(page, /leefgebieden/);
    await page.getByRole('checkbox', { name: 'Past niet / weet ik niet' }).check();
    await next(page);
    await page.getByRole('checkbox', { name: 'Past niet / weet ik niet' }).check();
    for (let i = 0; i < 5; i += 1) await next(page);
    await onScreen(page, 'Wat gebeurt er met je verhaal?');
    await page.getByRole('checkbox', { name: /Ik vind het goed/ }).check();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Verstuur mijn verhaal' }).click();
    await onScreen(page, 'Bewaard, nog niet verstuurd');

    // The teller leaves the recorder; the connection comes back; the browser fires the sync event.
    const cdp = await context.newCDPSession(page);
    const registration = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const found = registrations.find((r) => r.scopeURL.startsWith(stack.webUrl) && !r.isDeleted);
        if (found) resolve(found.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registration;
    await page.goto('about:blank');
    await context.setOffline(false);
    // Chrome retries a sync that did not finish (with backoff); on a loaded machine the first one can run out of
    // time, so the test fires it again every 20 s, as the browser would, for at most three rounds.
    let stories: Awaited<ReturnType<typeof waitForStories>> | null = null;
    for (let round = 0; round < 3 && !stories; round += 1) {
      await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: stack.webUrl, registrationId, tag: 'vertel-outbox', lastChance: round === 2 });
      stories = await waitForStories(stack, punt.id, before + 1, 20_000).catch(() => null);
    }
    if (!stories) stories = await waitForStories(stack, punt.id, before + 1, 1);
    const story = stories.find((s) => s.id === recording.id)!;
    expect(story).toMatchObject({ title: 'Via de achtergrond verstuurd', audio_sha256: recording.sha256 });
    expect(await answersOf(stack.ds, story.id)).toMatchObject({
      leefgebieden: { kind: 'notApplicable' },
      wijk: { kind: 'notApplicable' },
    });
    await context.close();
  }, 120_000);

  it('lets an inwoner type a story through the vertel-link without logging in', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const token = stack.org.vertelpunten.inwoner.linkToken!;
    await page.goto(`${stack.webUrl}/vertel/${token}`);
    await onScreen(page, 'Vertel uw verhaal');
    await expect(page.getByRole('link', { name: 'Uitloggen' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'inwoner start');

    await page.getByRole('button', { name: /Typen/ }).click();
    await onScreen(page, 'Typ uw verhaal');
    await page.getByRole('textbox').fill('Mijn buurvrouw hielp met de formulieren. Daarna belde de wijkcoach.');
    await expectAccessible(page, 'inwoner typen');
    await next(page);
    await onScreen(page, 'Geef uw verhaal een korte titel.');
    await page.getByRole('textbox').fill('Hulp van de buurvrouw');
    await next(page);

    await onScreen(page, 'Wat ging er goed?');
    await page.getByRole('textbox').fill('Er werd naar me geluisterd.');
    await expectAccessible(page, 'inwoner open vraag');
    await next(page);
    await onScreen(page, 'Wat kan er beter?');
    await expect(page.getByRole('button', { name: 'Overslaan' }).count()).resolves.toBe(1);
    await next(page);
    await onScreen(page, /Wie hielp u/);
    await page.getByRole('checkbox', { name: 'Buren' }).check();
    await next(page);
    await onScreen(page, /Waar gaat uw verhaal over/);
    await next(page);
    await onScreen(page, /Hoe voelde u zich/);
    await page.getByRole('checkbox', { name: 'Gehoord' }).check();
    await expectAccessible(page, 'inwoner archetypen');
    await next(page);
    await onScreen(page, 'Voelde u zich gehoord?');
    await next(page);
    await onScreen(page, 'In welke wijk woont u?');
    await next(page);
    await onScreen(page, 'Wat gebeurt er met uw verhaal?');
    await page.getByText(/U blijft anoniem/).waitFor();
    await page.getByRole('checkbox', { name: /Ik vind het goed/ }).check();
    await expectAccessible(page, 'inwoner toestemming');
    await page.getByRole('button', { name: 'Verstuur mijn verhaal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verstuurd' }).waitFor({ timeout: 30_000 });
    await page.getByText(/veilig bij ons aangekomen/).waitFor();
    await expectAccessible(page, 'inwoner verstuurd');

    const stories = await storiesOfVertelpunt(stack.ds, stack.org.vertelpunten.inwoner.id);
    expect(stories).toHaveLength(1);
    expect(stories[0]).toMatchObject({
      mode: 'text',
      title: 'Hulp van de buurvrouw',
      text: 'Mijn buurvrouw hielp met de formulieren. Daarna belde de wijkcoach.',
      teller_kind: 'inwoner',
      teller_user_id: null,
    });
    const answers = await answersOf(stack.ds, stories[0].id);
    expect(answers['wat-ging-goed']).toEqual({ kind: 'text', text: 'Er werd naar me geluisterd.' });
    expect(answers['wie-hielp']).toEqual({ kind: 'choice', optionIds: ['buren'] });
    expect(Object.keys(answers).sort()).toEqual(['gevoel', 'wat-ging-goed', 'wie-hielp']);
    await context.close();
  }, 120_000);

  it('says plainly in Dutch that a revoked vertel-link no longer works', async () => {
    const punt = stack.org.vertelpunten.inwoner;
    await stack.ds.query(`UPDATE vertelpunt SET link_token = NULL WHERE id = $1`, [punt.id]);
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const response = await page.goto(`${stack.webUrl}/vertel/${punt.linkToken}`);
    expect(response?.status()).toBe(404);
    await onScreen(page, 'Deze vertel-link werkt niet (meer)');
    await page.getByText(/Vraag de organisatie die u de link of QR-code gaf/).waitFor();
    await expectAccessible(page, 'ingetrokken link');
    await context.close();
  }, 60_000);
});

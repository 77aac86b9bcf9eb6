import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Upload } from 'tus-js-client';
import { buildStoryInput, CREATE_STORY } from '../support/builders';
import { fixtureAudio, gql, login, waitFor } from '../support/harness';
import { a11yOnBothViewports, loggedInOnBothViewports, loginExplained } from './support/beheer-helpers';
import { launchBrowser, laptopContext, startStack, type Stack } from './support/stack';

jest.setTimeout(120_000);

const STATUS = 'query($id: ID!) { story(id: $id) { status failureReason steps { step attempts } } }';
type Status = { story: { status: string; failureReason: string | null; steps: { step: string; attempts: number }[] } };

/**
 * Beheer → Verwerking: an admin sees the queues and a story that failed, with its Dutch reason, and starts it again.
 * The workers run without Whisper weights (an empty MODELS_DIR), so a spoken story really fails in the transcribe step.
 */
describe('Beheer → Verwerking (browser)', () => {
  const emptyModels = mkdtempSync(path.join(tmpdir(), 'vp-geen-modellen-'));
  let stack: Stack;
  let browser: Browser;
  let admin: Page;
  let coach: { token: string; organisationId: string };
  let storyId: string;

  const status = async (id: string) => (await gql<Status>(stack.apiUrl, STATUS, { id }, coach)).data?.story;

  beforeAll(async () => {
    stack = await startStack('e2e-verwerking', { env: { MODELS_DIR: emptyModels, WORKER_LOCK_MS: '1500' } });
    const user = stack.org.users.wijkcoach;
    coach = { token: await login(stack.apiUrl, user.email, user.password), organisationId: stack.org.organisation.id };
    const input = buildStoryInput(stack.org, { mode: 'audio', text: null, title: 'Buurvrouw hielp met de post' });
    await gql(stack.apiUrl, CREATE_STORY, { input }, coach);
    storyId = input.id;
    const file = fixtureAudio('synthetic/syn-nl-02.wav');
    await new Promise<void>((resolve, reject) =>
      new Upload(readFileSync(file), {
        endpoint: `${stack.apiUrl}/uploads`,
        headers: { authorization: `Bearer ${coach.token}`, 'x-organisation-id': coach.organisationId },
        metadata: { storyId, filename: path.basename(file), filetype: 'audio/wav' },
        onSuccess: () => resolve(),
        onError: reject,
      }).start(),
    );
    await waitFor(async () => (await status(storyId))?.status === 'FAILED', 60_000);
    browser = await launchBrowser();
    admin = await (await laptopContext(browser)).newPage();
    await loginExplained(admin, stack.webUrl, stack.org.users.admin);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the queues in Dutch and the failed story with its reason, and starts it again', async () => {
    await admin.goto(`${stack.webUrl}/beheer`);
    await admin.getByRole('link', { name: /Verwerking/ }).click();
    await admin.getByRole('heading', { level: 1, name: 'Verwerking' }).waitFor();

    const queues = admin.getByRole('table');
    await expect(queues.getByRole('rowheader', { name: 'Uitschrijven' }).isVisible()).resolves.toBe(true);
    await expect(queues.getByRole('rowheader', { name: 'Anonimiseren' }).isVisible()).resolves.toBe(true);

    const item = admin.getByRole('listitem').filter({ hasText: 'Buurvrouw hielp met de post' });
    await expect(item.innerText()).resolves.toContain('nog niet geïnstalleerd');
    await expect(item.innerText()).resolves.toContain('Mislukt bij: Uitschrijven');

    await item.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await admin.getByRole('status').filter({ hasText: 'opnieuw verwerkt' }).waitFor();
    // The retry really went back to the queue: the transcribe step ran a second time (and failed again, no weights).
    const again = await waitFor(async () => {
      const s = await status(storyId);
      return s?.status === 'FAILED' && (s.steps.find((x) => x.step === 'transcribe')?.attempts ?? 0) >= 2 ? s : null;
    }, 60_000);
    expect(again.failureReason).toContain('nog niet geïnstalleerd');
  });

  it('keeps the page for admins: a wijkcoach is sent away', async () => {
    const page = await (await laptopContext(browser)).newPage();
    await loginExplained(page, stack.webUrl, stack.org.users.wijkcoach);
    const response = await page.goto(`${stack.webUrl}/beheer/verwerking`);
    expect(response?.status()).toBe(403);
    await expect(page.locator('main').innerText()).resolves.not.toContain('Buurvrouw');
    await page.context().close();
  });

  it('passes axe on a laptop and on a phone', async () => {
    const pages = await loggedInOnBothViewports(browser, stack.webUrl, stack.org.users.admin);
    try {
      for (const [where, violations] of Object.entries(await a11yOnBothViewports(pages, stack.webUrl, '/beheer/verwerking')))
        expect({ where, violations }).toEqual({ where, violations: [] });
    } finally {
      await pages.close();
    }
  });
});

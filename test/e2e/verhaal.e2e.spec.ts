import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureTinyWhisper, TINY_WHISPER_ID } from '@vertelpunt/ml';
import { fixtureAudio, gql, login, seedTestOrganisation } from '../support/harness';
import { loginExplained } from './support/beheer-helpers';
import {
  launchBrowser,
  laptopContext,
  phoneContext,
  seriousA11yViolations,
  startStack,
  type Stack,
} from './support/stack';
import { tellSpoken, tellTyped, untilInPage, untilProcessed, type Auth } from './support/verhaal-helpers';

// Starting the stack and processing a 51-second recording with the real workers takes longer than 5 s.
jest.setTimeout(240_000);

const SCHULDEN =
  'Mevrouw Yilmaz had schulden en durfde de post niet meer open te maken. Samen met de schuldhulpverlening maakten we een plan ' +
  'voor haar geldzaken en ik bleef haar vaste contactpersoon. Nu betaalt ze haar rekeningen weer en slaapt ze beter.';
const SCHULDEN_2 =
  'Een jonge vader had grote schulden en zijn post stapelde zich op. We openden samen de brieven, belden de schuldeisers en ' +
  'meldden hem aan bij de schuldhulpverlening. Hij heeft nu een budgetplan en weet weer waar hij staat.';

const expectAccessible = async (page: Page, where: string) => {
  expect({ where, violations: await seriousA11yViolations(page) }).toEqual({ where, violations: [] });
};

describe('Verhaal page (browser): synced player, tags with their trail, similar stories', () => {
  const tiny = ensureTinyWhisper();
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let spokenId: string;
  let typedId: string;
  let similarId: string;
  let foreignId: string;
  let waitingId: string;

  const pageAs = async (user: { email: string; password: string }, phone = false) => {
    const context = phone ? await phoneContext(browser) : await laptopContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await loginExplained(page, stack.webUrl, user);
    return page;
  };

  beforeAll(async () => {
    stack = await startStack('e2e-verhaal', { env: { MODELS_DIR: tiny.modelsDir, WHISPER_MODEL: TINY_WHISPER_ID } });
    browser = await launchBrowser();
    const coach = stack.org.users.wijkcoach;
    const auth: Auth = {
      token: await login(stack.apiUrl, coach.email, coach.password),
      organisationId: stack.org.organisation.id,
    };
    spokenId = await tellSpoken(
      stack.apiUrl,
      stack.org,
      auth,
      'Gesprek met mevrouw Yilmaz',
      fixtureAudio('synthetic/syn-nl-13-long.wav'),
    );
    typedId = await tellTyped(stack.apiUrl, stack.org, auth, 'Mevrouw Yilmaz en de post', SCHULDEN);
    similarId = await tellTyped(stack.apiUrl, stack.org, auth, 'Een vader en zijn brieven', SCHULDEN_2);
    // A spoken story whose recording never arrived: it waits, and its page says so.
    waitingId = await tellSpoken(stack.apiUrl, stack.org, auth, 'Nog onderweg', null);

    // A story of another organisation: its id must tell a facilitator here nothing.
    const other = await seedTestOrganisation(stack.ds, ['wijkcoach']);
    const otherCoach = other.users.wijkcoach;
    const otherAuth = {
      token: await login(stack.apiUrl, otherCoach.email, otherCoach.password),
      organisationId: other.organisation.id,
    };
    foreignId = await tellTyped(stack.apiUrl, other, otherAuth, 'Elders verteld', SCHULDEN_2);

    // Processed by the real workers: Whisper (tiny test model), anonymising, tagging and vectors.
    await untilProcessed(stack.ds, [spokenId, typedId, similarId], 180_000);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.stop();
  });

  it('lets the teller and admins play the recording from any sentence, and records every access', async () => {
    const admin = await pageAs(stack.org.users.admin);
    await admin.goto(`${stack.webUrl}/verhalen/${spokenId}`);
    await expect(admin.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Gesprek met mevrouw [NAAM]');
    const sentences = admin.locator('button.vp-transcript__sentence');
    const starts = (await sentences.evaluateAll((buttons) =>
      buttons.map((b) => Number(b.getAttribute('data-start-ms'))),
    )) as number[];
    expect(starts.length).toBeGreaterThan(0);
    // The sentence that starts latest: a jump there cannot be mistaken for playing from the start.
    const target = starts.indexOf(Math.max(...starts));
    expect(starts[target]).toBeGreaterThan(5000);
    // Runs in the browser; this tsconfig has no DOM lib, so the page is asked with plain expressions.
    await admin.evaluate(`document.querySelector('audio').muted = true`);
    await sentences.nth(target).click();
    const startSeconds = starts[target] / 1000;
    // Within 3 s: playing from the start would take far longer to get there.
    await untilInPage(admin, `document.querySelector('audio').currentTime >= ${startSeconds - 0.05}`, 3000);
    const jumped = (await admin.evaluate(`document.querySelector('audio').currentTime`)) as number;
    expect(jumped).toBeGreaterThanOrEqual(startSeconds - 0.05);
    expect(jumped).toBeLessThan(startSeconds + 5);
    // The sentence being heard is marked for eyes and for screen readers.
    await untilInPage(
      admin,
      `document.querySelectorAll('button.vp-transcript__sentence')[${target}]?.getAttribute('aria-current') === 'true'`,
    );
    await expectAccessible(admin, 'laptop, admin, spoken story');

    // Keyboard: the sentences are buttons; Enter on the first one goes back to where it starts.
    await sentences.first().focus();
    await admin.keyboard.press('Enter');
    await untilInPage(admin, `document.querySelector('audio').currentTime < ${starts[0] / 1000 + 1}`);

    // Redacted by default; an admin may choose to read the typed story as told, and that is recorded.
    await admin.goto(`${stack.webUrl}/verhalen/${typedId}`);
    expect(await admin.locator('.vp-story-text').innerText()).not.toContain('Yilmaz');
    await admin.getByRole('link', { name: 'Toon het verhaal zonder anonimisering' }).click();
    await admin.locator('[data-testid="onbewerkt"]').waitFor();
    await expect(admin.locator('.vp-story-text').innerText()).resolves.toContain('Mevrouw Yilmaz had schulden');
    const reads: { n: number }[] = await stack.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'story.unredacted.read' AND subject_id = $1 AND actor_user_id = $2`,
      [typedId, stack.org.users.admin.id],
    );
    expect(reads[0].n).toBe(1);
    await expectAccessible(admin, 'laptop, admin, unredacted');

    const audits: { n: number }[] = await stack.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'story.audio.listen' AND subject_id = $1 AND actor_user_id = $2`,
      [spokenId, stack.org.users.admin.id],
    );
    expect(audits[0].n).toBeGreaterThan(0);
  });

  it('shows a facilitator the anonymised transcript without a player, and says why', async () => {
    const facilitator = await pageAs(stack.org.users.facilitator);
    await facilitator.goto(`${stack.webUrl}/verhalen/${spokenId}`);
    await expect(facilitator.locator('audio').count()).resolves.toBe(0);
    await expect(facilitator.locator('[data-testid="geen-speler"]').innerText()).resolves.toContain(
      'alleen wie het verhaal vertelde en beheerders mogen de opname horen',
    );
    const segments: { text: string }[] = (
      await stack.ds.query('SELECT redacted_segments FROM story WHERE id = $1', [spokenId])
    )[0].redacted_segments;
    await expect(facilitator.locator('.vp-transcript li').count()).resolves.toBe(segments.length);
    expect(await facilitator.content()).not.toContain('Yilmaz');
    // Asking for the unredacted story in the address does not help a facilitator.
    await expect(
      facilitator.getByRole('link', { name: 'Toon het verhaal zonder anonimisering' }).count(),
    ).resolves.toBe(0);
    await facilitator.goto(`${stack.webUrl}/verhalen/${typedId}?onbewerkt`);
    await expect(facilitator.locator('[data-testid="onbewerkt"]').count()).resolves.toBe(0);
    expect(await facilitator.content()).not.toContain('Yilmaz');
    await facilitator.goto(`${stack.webUrl}/verhalen/${spokenId}`);
    // Asking the proxy directly does not help either.
    const direct = await facilitator.request.get(`${stack.webUrl}/verhalen/${spokenId}/opname`);
    expect(direct.status()).toBe(403);
    await expectAccessible(facilitator, 'laptop, facilitator, spoken story');
  });

  it('lets a facilitator confirm, reject and add tags and shows who decided what', async () => {
    const facilitator = await pageAs(stack.org.users.facilitator);
    await facilitator.goto(`${stack.webUrl}/verhalen/${typedId}`);
    await expect(facilitator.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Mevrouw [NAAM] en de post');
    await expect(facilitator.locator('.vp-story-text').innerText()).resolves.not.toContain('Yilmaz');
    const tags = facilitator.locator('li.vp-tag');
    expect(await tags.count()).toBeGreaterThanOrEqual(2);
    // Every suggestion carries its score and the words behind it.
    await expect(tags.first().innerText()).resolves.toMatch(/Score \d+ %/);
    expect(await tags.first().locator('.vp-word').count()).toBeGreaterThan(0);

    const labelOf = async (index: number) => (await tags.nth(index).locator('.vp-tag__label').innerText()).trim();
    const confirmed = await labelOf(0);
    await facilitator.getByRole('button', { name: `Label “${confirmed}” bevestigen` }).click();
    await facilitator.getByRole('status').filter({ hasText: 'Het label is bevestigd.' }).waitFor();
    await expect(facilitator.locator('li.vp-tag', { hasText: confirmed }).first().innerText()).resolves.toContain(
      'Bevestigd',
    );

    const rejected = await labelOf(1);
    await facilitator.getByRole('button', { name: `Label “${rejected}” afwijzen` }).click();
    await facilitator.getByRole('status').filter({ hasText: 'Het label is afgewezen.' }).waitFor();
    await expect(facilitator.locator('.vp-tag__label', { hasText: rejected }).count()).resolves.toBe(0);

    const select = facilitator.getByLabel('Label toevoegen');
    const added = (await select.locator('option').nth(1).innerText()).trim();
    await select.selectOption({ label: added });
    await facilitator.getByRole('button', { name: 'Toevoegen' }).click();
    await facilitator.getByRole('status').filter({ hasText: 'Het label is toegevoegd.' }).waitFor();

    const rows = facilitator.locator('.vp-history li');
    await expect(rows.count()).resolves.toBe(3);
    const trail = (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    const name = `facilitator ${stack.org.users.facilitator.email.split('-')[1].split('@')[0]}`;
    expect(trail[0]).toContain(`Toegevoegd: ${added}`);
    expect(trail[1]).toContain(`Afgewezen: ${rejected}`);
    expect(trail[2]).toContain(`Bevestigd: ${confirmed}`);
    for (const line of trail) expect(line).toContain(`door ${name},`);
    await expectAccessible(facilitator, 'laptop, facilitator, tags');

    // Verhalen zoals dit: the other story about debts, as a link with its score.
    const similar = facilitator.locator('.vp-similar li', { hasText: 'Een vader en zijn brieven' });
    await expect(similar.innerText()).resolves.toMatch(/\d+ % gelijk/);
    await similar.getByRole('link').click();
    await facilitator.waitForURL(`${stack.webUrl}/verhalen/${similarId}`);
  });

  it('lets a facilitator put the story in the basket of an upcoming ErvaringenTafel', async () => {
    const user = stack.org.users.facilitator;
    const token = await login(stack.apiUrl, user.email, user.password);
    const auth = { token, organisationId: stack.org.organisation.id };
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const created = await gql<{ createTafel: { id: string } }>(
      stack.apiUrl,
      'mutation($input: TafelInput!) { createTafel(input: $input) { id } }',
      { input: { title: 'Tafel over de post', date: nextWeek, question: 'Wat helpt bij schulden?', facilitatorUserId: user.id } },
      auth,
    );
    expect(created.errors).toBeUndefined();
    const tafelId = created.data!.createTafel.id;

    const facilitator = await pageAs(user);
    await facilitator.goto(`${stack.webUrl}/verhalen/${typedId}`);
    await facilitator.getByLabel('Kies een Tafel').selectOption(tafelId);
    await facilitator.getByRole('button', { name: 'Toevoegen aan Tafel' }).click();
    await facilitator.getByRole('status').filter({ hasText: 'zit nu in de mand' }).waitFor();
    const basket = await gql<{ tafel: { stories: { story: { id: string } }[] } }>(
      stack.apiUrl,
      'query($id: ID!) { tafel(id: $id) { stories { story { id } } } }',
      { id: tafelId },
      auth,
    );
    expect(basket.data?.tafel.stories.map((s) => s.story.id)).toEqual([typedId]);
    // A wijkcoach reads stories but prepares no Tafels: no basket form.
    const coach = await pageAs(stack.org.users.wijkcoach);
    await coach.goto(`${stack.webUrl}/verhalen/${similarId}`);
    await coach.getByRole('heading', { level: 1 }).waitFor();
    await expect(coach.getByRole('button', { name: 'Toevoegen aan Tafel' }).count()).resolves.toBe(0);
    // A manager sees aggregates only (issue 8): the story page is refused, with the reason in Dutch.
    const manager = await pageAs(stack.org.users.manager);
    const refused = await manager.goto(`${stack.webUrl}/verhalen/${typedId}`);
    expect(refused?.status()).toBe(403);
    await manager.getByText('Als manager zie je cijfers, geen afzonderlijke verhalen').waitFor();
    await expect(manager.getByText('Mevrouw').count()).resolves.toBe(0);
    await expectAccessible(manager, 'laptop, manager refused a story');
  });

  it('works without JavaScript: a tag decision is a plain form post', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'nl-NL',
      javaScriptEnabled: false,
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(stack.org.users.facilitator.email);
    await page.getByLabel('Wachtwoord').fill(stack.org.users.facilitator.password);
    await page.getByRole('button', { name: /inloggen/i }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
    await page.goto(`${stack.webUrl}/verhalen/${similarId}`);
    const label = (await page.locator('li.vp-tag .vp-tag__label').first().innerText()).trim();
    await page.getByRole('button', { name: `Label “${label}” afwijzen` }).click();
    await page.waitForURL(/melding=afgewezen/);
    await expect(page.locator('.vp-history').innerText()).resolves.toContain(label);
  });

  it('refuses tag decisions from roles that may not decide, even when posted directly', async () => {
    // A wijkcoach reads the story (their own, here) but does not decide on labels.
    const coach = await pageAs(stack.org.users.wijkcoach);
    await coach.goto(`${stack.webUrl}/verhalen/${typedId}`);
    await coach.getByRole('heading', { level: 1 }).waitFor();
    await expect(coach.locator('.vp-tag__actions').count()).resolves.toBe(0);
    const tagId: string = (
      await stack.ds.query('SELECT id FROM tag WHERE organisation_id = $1 LIMIT 1', [stack.org.organisation.id])
    )[0].id;
    const posted = await coach.request.post(`${stack.webUrl}/verhalen/${typedId}?/tag`, {
      form: { tagId, decision: 'ADD' },
      headers: { origin: stack.webUrl },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(403);
    // Refused by the role rule, not by SvelteKit's cross-site check.
    expect(await posted.text()).toContain('Alleen facilitators en beheerders beslissen over labels.');
    const decided: { n: number }[] = await stack.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'story.tag.%' AND actor_user_id = $1`,
      [stack.org.users.wijkcoach.id],
    );
    expect(decided[0].n).toBe(0);
  });

  it('answers an unknown story and another organisation’s alike, and works on a phone', async () => {
    const facilitator = await pageAs(stack.org.users.facilitator, true);
    for (const id of [foreignId, '00000000-0000-4000-8000-000000000000', 'geen-id']) {
      const response = await facilitator.goto(`${stack.webUrl}/verhalen/${id}`);
      expect(response?.status()).toBe(404);
      await expect(facilitator.locator('main').innerText()).resolves.toContain(
        'Dit verhaal bestaat niet of je mag het niet zien.',
      );
    }
    await expectAccessible(facilitator, 'phone, not found');
    await facilitator.goto(`${stack.webUrl}/verhalen/${typedId}`);
    await expectAccessible(facilitator, 'phone, facilitator, typed story');
    const coach = await pageAs(stack.org.users.wijkcoach, true);
    // Still being processed: the page says so and shows what is there already.
    await coach.goto(`${stack.webUrl}/verhalen/${waitingId}`);
    await expect(coach.locator('.vp-story-meta').innerText()).resolves.toContain('Wacht op opname');
    await expect(coach.getByRole('status').first().innerText()).resolves.toContain('Dit verhaal wordt nog verwerkt');
    await expect(coach.locator('main').innerText()).resolves.toContain('De opname is (nog) niet binnen.');
    expect(await coach.locator('.vp-answer').count()).toBeGreaterThan(3);
    await expectAccessible(coach, 'phone, teller, story still waiting for its recording');

    await coach.goto(`${stack.webUrl}/verhalen/${spokenId}`);
    // The teller hears their own recording; a wijkcoach cannot decide on tags.
    await expect(coach.locator('audio').count()).resolves.toBe(1);
    await expect(coach.locator('select#label-toevoegen').count()).resolves.toBe(0);
    await expectAccessible(coach, 'phone, teller, spoken story');
  });
});

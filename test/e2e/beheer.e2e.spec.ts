import type { Browser, Page } from 'playwright-core';
import { buildStoryInput, CREATE_STORY } from '../support/builders';
import { gql, login } from '../support/harness';
import {
  a11yOnBothViewports,
  loggedInOnBothViewports,
  loginExplained,
  noticeIdFrom,
  STORY_STATUS,
  VERTEL_LINK,
} from './support/beheer-helpers';
import {
  launchBrowser,
  laptopContext,
  phoneContext,
  seriousA11yViolations,
  startStack,
  type Stack,
} from './support/stack';

// The e2e project's testTimeout does not reach hooks (starting the stack takes longer than 5 s).
jest.setTimeout(120_000);

const OLD_PROMPT = 'Hoe voelde je je in deze situatie? Kies 1 of 2 archetypen.';
const NEW_PROMPT = 'Hoe voelde jij je toen? Kies 1 of 2 archetypen.';

describe('Beheer and Mijn verhalen (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let admin: Page;
  let storyId: string;
  let vertelpuntId: string;
  let wijkcoachAuth: { token: string; organisationId: string };

  beforeAll(async () => {
    stack = await startStack('e2e-beheer', { workers: false });
    browser = await launchBrowser();
    admin = await (await laptopContext(browser)).newPage();
    await loginExplained(admin, stack.webUrl, stack.org.users.admin);
    const wijkcoach = stack.org.users.wijkcoach;
    wijkcoachAuth = {
      token: await login(stack.apiUrl, wijkcoach.email, wijkcoach.password),
      organisationId: stack.org.organisation.id,
    };
    // A story told with the questionnaire as it is now, before the admin changes it.
    const created = await gql<{ createStory: { __typename: string; story?: { id: string } } }>(
      stack.apiUrl,
      CREATE_STORY,
      { input: buildStoryInput(stack.org, { title: 'Mevrouw kwam er weer bovenop' }) },
      wijkcoachAuth,
    );
    if (created.data?.createStory.__typename !== 'StoryCreated') throw new Error(JSON.stringify(created));
    storyId = created.data.createStory.story!.id;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lets an admin create an inwoner vertelpunt, print its QR code and revoke its link', async () => {
    await admin.goto(`${stack.webUrl}/beheer`);
    await admin.getByRole('link', { name: /Vertelpunten/ }).click();
    await admin.waitForURL(/\/beheer\/vertelpunten$/);

    await admin.locator('#nieuw-naam').fill('Buurthuis De Schakel');
    await admin.locator('#nieuw-publiek-inwoner').check();
    await admin.locator('#nieuw-vragenlijst').selectOption(stack.org.versions.inwoner.questionnaireId);
    await admin.locator('#nieuw-wijk').selectOption(stack.org.wijken[0].id);
    await admin.getByRole('button', { name: 'Vertelpunt maken' }).click();
    await admin.waitForURL(/melding=gemaakt/);
    vertelpuntId = noticeIdFrom(admin.url());

    const card = admin.locator(`#vp-${vertelpuntId}`);
    await expect(card.getByRole('status').innerText()).resolves.toContain('is gemaakt');
    const cardText = await card.innerText();
    expect(cardText).toContain('Inwoners');
    expect(cardText).toContain('Werkt');
    expect(cardText).toContain(stack.org.wijken[0].name);
    const link = (await card.locator('.vp-punt__url').innerText()).trim();
    const token = link.split('/vertel/')[1];
    expect(token).toMatch(/^[\w-]{16,}$/);
    expect(await seriousA11yViolations(admin)).toEqual([]);

    await card.getByRole('link', { name: /QR-code afdrukken/ }).click();
    await admin.waitForURL(/\/qr$/);
    await expect(admin.locator('.vp-poster__code svg').count()).resolves.toBe(1);
    await expect(admin.locator('.vp-poster__url').innerText()).resolves.toContain(token);
    await expect(admin.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Buurthuis De Schakel');
    expect(await seriousA11yViolations(admin)).toEqual([]);

    // The public link works until it is revoked.
    expect((await gql<{ vertelLink: { id: string } }>(stack.apiUrl, VERTEL_LINK, { token })).data?.vertelLink.id).toBe(
      vertelpuntId,
    );
    await admin.getByRole('link', { name: 'Terug naar vertelpunten' }).click();
    await admin.waitForURL(/\/beheer\/vertelpunten/);
    await admin
      .locator(`#vp-${vertelpuntId}`)
      .getByRole('link', { name: /Link intrekken/ })
      .click();
    await admin.waitForURL(/bevestig=intrekken/);
    const confirm = admin.locator(`#vp-${vertelpuntId}-bevestig`);
    await expect(confirm.innerText()).resolves.toContain('Inwoners kunnen dan niet meer vertellen');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await confirm.getByRole('button', { name: 'Ja, trek de link in' }).click();
    await admin.waitForURL(/melding=ingetrokken/);
    await expect(admin.locator(`#vp-${vertelpuntId}`).innerText()).resolves.toContain('Ingetrokken');

    const revoked = await gql(stack.apiUrl, VERTEL_LINK, { token });
    expect(revoked.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('lets an admin close a vertelpunt and change its recording length', async () => {
    await admin.goto(`${stack.webUrl}/beheer/vertelpunten`);
    const card = admin.locator(`#vp-${vertelpuntId}`);
    await card.getByRole('button', { name: /^Sluiten/ }).click();
    await admin.waitForURL(/melding=gesloten/);
    await expect(admin.locator(`#vp-${vertelpuntId}`).innerText()).resolves.toContain('Gesloten');

    await admin.locator(`#vp-${vertelpuntId} summary`).click();
    await admin.locator(`#vp-${vertelpuntId}-duur`).fill('200');
    await admin.locator(`#vp-${vertelpuntId}`).getByRole('button', { name: 'Opslaan' }).click();
    await expect(admin.locator(`#vp-${vertelpuntId}-duur-fout`).innerText()).resolves.toContain('tussen 0,5 en 120');
    await admin.locator(`#vp-${vertelpuntId}-duur`).fill('5');
    await admin.locator(`#vp-${vertelpuntId}`).getByRole('button', { name: 'Opslaan' }).click();
    await admin.waitForURL(/melding=opgeslagen/);
    await expect(admin.locator(`#vp-${vertelpuntId}`).innerText()).resolves.toContain('5 minuten');
  });

  it('publishes an edited questionnaire as a new version, while an earlier story keeps its old prompt', async () => {
    const questionnaireId = stack.org.versions.wijkcoach.questionnaireId;
    await admin.goto(`${stack.webUrl}/beheer/vragenlijsten`);
    await admin.getByRole('link', { name: /Vragen aanpassen\s*:\s*Verhaal van de wijkcoach/ }).click();
    await admin.waitForURL(new RegExp(`/beheer/vragenlijsten/${questionnaireId}$`));
    expect(await admin.locator('#vraag-0-prompt').inputValue()).toBe(OLD_PROMPT);

    // The editor's steps work through the server: add an answer to the werkzame-elementen question, then remove it.
    const answers = admin.locator('#vraag-1-antwoorden li');
    const before = await answers.count();
    await admin.getByRole('button', { name: 'Antwoord toevoegen van vraag 2' }).click();
    await admin.locator(`#vraag-1-antwoord-${before}`).waitFor();
    expect(await answers.count()).toBe(before + 1);
    await admin.getByRole('button', { name: `Weghalen Antwoord ${before + 1} van vraag 2` }).click();
    await admin.locator(`#vraag-1-antwoord-${before}`).waitFor({ state: 'detached' });
    expect(await answers.count()).toBe(before);

    // An empty prompt is refused, with the API's message next to the field.
    await admin.locator('#vraag-0-prompt').fill('');
    await admin.getByRole('button', { name: 'Nieuwe versie publiceren' }).click();
    await admin.getByRole('alert').waitFor();
    await expect(admin.locator('#vraag-0-prompt-fout').innerText()).resolves.toContain('Schrijf de vraag uit');
    expect(await seriousA11yViolations(admin)).toEqual([]);

    await admin.locator('#vraag-0-prompt').fill(NEW_PROMPT);
    await admin.getByRole('button', { name: 'Nieuwe versie publiceren' }).click();
    await admin.waitForURL(/gepubliceerd=2/);
    await expect(admin.getByRole('status').innerText()).resolves.toContain('Versie 2 is gepubliceerd');
    expect(await admin.locator('#vraag-0-prompt').inputValue()).toBe(NEW_PROMPT);

    await admin.goto(`${stack.webUrl}/beheer/vragenlijsten`);
    const section = admin.locator('section', { has: admin.getByRole('heading', { name: 'Verhaal van de wijkcoach' }) });
    const rows = await section.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/^2\s*\(in gebruik\)/);
    expect(rows[1]).toMatch(/^1\s.*\s1$/);

    // The wijkcoach's story still shows the question as it was asked.
    const coach = await (await phoneContext(browser)).newPage();
    await loginExplained(coach, stack.webUrl, stack.org.users.wijkcoach);
    await coach.goto(`${stack.webUrl}/mijn-verhalen`);
    await coach.getByRole('link', { name: 'Mevrouw kwam er weer bovenop' }).click();
    await coach.waitForURL(new RegExp(`/mijn-verhalen/${storyId}$`));
    const page = await coach.content();
    expect(page).toContain(OLD_PROMPT);
    expect(page).not.toContain(NEW_PROMPT);
    await coach.context().close();
  });

  it('shows a wijkcoach a Dutch error for too many archetypes, and lets them withdraw the story', async () => {
    const coach = await (await phoneContext(browser)).newPage();
    await loginExplained(coach, stack.webUrl, stack.org.users.wijkcoach);
    await coach.goto(`${stack.webUrl}/mijn-verhalen/${storyId}`);

    const archetypes = coach.locator('input[name="a.gevoel"]');
    for (let i = 0; i < 3; i++) await archetypes.nth(i).check();
    await coach.getByRole('button', { name: 'Antwoorden opslaan' }).click();
    await coach.getByRole('alert').waitFor();
    await expect(coach.getByRole('alert').innerText()).resolves.toContain('niet opgeslagen');
    await expect(coach.locator('#vraag-gevoel-fout').innerText()).resolves.toMatch(/Kies 1 tot 2/);
    // What was entered stays, so it can be corrected.
    await expect(coach.locator('input[name="a.gevoel"]:checked').count()).resolves.toBe(3);
    expect(await seriousA11yViolations(coach)).toEqual([]);

    await archetypes.nth(2).uncheck();
    await coach.getByRole('button', { name: 'Antwoorden opslaan' }).click();
    await coach.waitForURL(/opgeslagen/);
    await expect(coach.getByRole('status').first().innerText()).resolves.toContain('opgeslagen');

    await coach.getByRole('link', { name: 'Verhaal intrekken' }).click();
    await coach.waitForURL(/intrekken/);
    expect(await seriousA11yViolations(coach)).toEqual([]);
    await coach.getByRole('button', { name: 'Ja, trek mijn verhaal in' }).click();
    await coach.waitForURL(/\/mijn-verhalen\?ingetrokken/);
    await expect(coach.getByRole('status').innerText()).resolves.toContain('ingetrokken');
    await expect(coach.locator('.vp-mijn__item').first().innerText()).resolves.toContain('Ingetrokken');

    const story = await gql<{ story: { status: string } }>(stack.apiUrl, STORY_STATUS, { id: storyId }, wijkcoachAuth);
    expect(story.data?.story.status).toBe('WITHDRAWN');
    await coach.context().close();
  });

  it('passes axe on every Beheer and Mijn verhalen page, on a laptop and on a phone', async () => {
    const questionnaireId = stack.org.versions.wijkcoach.questionnaireId;
    const adminPages = await loggedInOnBothViewports(browser, stack.webUrl, stack.org.users.admin);
    const coachPages = await loggedInOnBothViewports(browser, stack.webUrl, stack.org.users.wijkcoach);
    // A fresh story, so Mijn verhalen also shows one that can still be changed.
    const fresh = await gql<{ createStory: { story?: { id: string } } }>(
      stack.apiUrl,
      CREATE_STORY,
      { input: buildStoryInput(stack.org, { title: 'Een tweede verhaal' }) },
      wijkcoachAuth,
    );
    const freshId = fresh.data?.createStory.story?.id;
    expect(freshId).toBeDefined();
    try {
      const results = {
        ...(await a11yOnBothViewports(adminPages, stack.webUrl, '/beheer')),
        ...(await a11yOnBothViewports(adminPages, stack.webUrl, '/beheer/vertelpunten')),
        ...(await a11yOnBothViewports(
          adminPages,
          stack.webUrl,
          `/beheer/vertelpunten/${stack.org.vertelpunten.inwoner.id}/qr`,
        )),
        ...(await a11yOnBothViewports(adminPages, stack.webUrl, '/beheer/vragenlijsten')),
        ...(await a11yOnBothViewports(adminPages, stack.webUrl, `/beheer/vragenlijsten/${questionnaireId}`)),
        ...(await a11yOnBothViewports(coachPages, stack.webUrl, '/mijn-verhalen')),
        ...(await a11yOnBothViewports(coachPages, stack.webUrl, `/mijn-verhalen/${freshId}`)),
        ...(await a11yOnBothViewports(coachPages, stack.webUrl, `/mijn-verhalen/${storyId}`)),
      };
      for (const [where, violations] of Object.entries(results))
        expect({ where, violations }).toEqual({ where, violations: [] });
    } finally {
      await adminPages.close();
      await coachPages.close();
    }
  });
});

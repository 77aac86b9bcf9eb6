import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { buildStoryInput, CREATE_STORY, validAnswersFor } from '../support/builders';
import { gql, login, waitFor } from '../support/harness';
import { loginExplained } from './support/beheer-helpers';
import { launchBrowser, laptopContext, phoneContext, seriousA11yViolations, startStack, type Stack } from './support/stack';

// The e2e project's testTimeout does not reach hooks (starting the stack and processing take longer than 5 s).
jest.setTimeout(180_000);

type Told = { id: string; rawTitle: string; archetype: number };
type Processed = { id: string; status: string; redactedTitle: string | null; tags: { tag: { id: string; label: string; taxonomyKey: string } }[] };
const READ = `query($id: ID!) { story(id: $id) { id status redactedTitle tags { tag { id label taxonomyKey } } } }`;

/** Typed stories told through the API by a wijkcoach and processed by the real workers (redact → analyse). */
const STORIES = [
  { title: 'Gesprek met mevrouw Yilmaz', text: 'Mevrouw Yilmaz belde me op 06-12345678. Ze had schulden en durfde de post niet meer open te maken. Samen met de schuldhulpverlening maakten we een plan.', archetype: 0 },
  { title: 'Schimmel in de kinderkamer', text: 'De woning was vochtig en de schimmel zat op de muren van de kinderkamer. We hebben de woningcorporatie gebeld en nu wordt het huis aangepakt.', archetype: 1 },
  { title: 'Koffie in het buurthuis', text: 'Meneer was erg eenzaam sinds zijn vrouw overleed. Nu drinkt hij elke week koffie in het buurthuis en kent hij zijn buren weer.', archetype: 0 },
  { title: 'Beslag op het loon', text: 'Door het beslag op zijn loon en de schulden bleef er bijna niets over voor boodschappen. Via de schuldhulp kwam er beschermingsbewind.', archetype: 1 },
];

describe('Verhalen explorer (browser, real processing)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let facilitatorAuth: { token: string; organisationId: string };
  const told: Told[] = [];
  const processed = new Map<string, Processed>();
  let archetypeIds: string[] = [];
  let archetypeLabels: string[] = [];

  const titlesShown = async () =>
    (await page.locator('.vp-explorer__list article h3').allInnerTexts()).map((t) => t.trim()).sort();
  const redactedTitlesOf = (ids: string[]) => ids.map((id) => processed.get(id)!.redactedTitle!).sort();
  /** Opens the collapsed group that holds the checkbox, then ticks it, as a person would. */
  const tick = async (name: string, value: string) => {
    const box = page.locator(`input[name="${name}"][value="${value}"]`);
    await page.locator('details', { has: box }).locator('summary').click();
    await box.check();
  };
  /** Submits the filter form and waits for the clean URL (the page drops the form's empty fields with a redirect). */
  const apply = async () => {
    const before = page.url();
    await page.getByRole('button', { name: 'Toon verhalen' }).click();
    await page.waitForURL((u) => u.href !== before && !/=(&|$)/.test(u.search));
    await page.waitForLoadState('networkidle');
  };

  beforeAll(async () => {
    stack = await startStack('e2e-verhalen');
    const coach = stack.org.users.wijkcoach;
    const coachAuth = { token: await login(stack.apiUrl, coach.email, coach.password), organisationId: stack.org.organisation.id };
    const facilitator = stack.org.users.facilitator;
    facilitatorAuth = { token: await login(stack.apiUrl, facilitator.email, facilitator.password), organisationId: stack.org.organisation.id };
    const archetypeQuestion = stack.org.versions.wijkcoach.questions.find((q) => q.type === 'archetype');
    if (archetypeQuestion?.type !== 'archetype') throw new Error('no archetype question');
    archetypeIds = stack.org.archetypeIdsInSet(archetypeQuestion.archetypeSetId);
    for (const s of STORIES) {
      const answers = validAnswersFor(stack.org, stack.org.versions.wijkcoach.questions).map((a) =>
        a.questionId === archetypeQuestion.id ? { questionId: a.questionId, archetypeIds: [archetypeIds[s.archetype]] } : a,
      );
      const input = buildStoryInput(stack.org, { title: s.title, text: s.text, answers });
      const res = await gql<{ createStory: { __typename: string } }>(stack.apiUrl, CREATE_STORY, { input }, coachAuth);
      if (res.data?.createStory.__typename !== 'StoryCreated') throw new Error(JSON.stringify(res));
      told.push({ id: input.id, rawTitle: s.title, archetype: s.archetype });
    }
    for (const { id } of told) {
      const story = await waitFor(async () => {
        const s = (await gql<{ story: Processed }>(stack.apiUrl, READ, { id }, facilitatorAuth)).data?.story;
        return s && (s.status === 'READY' || s.status === 'FAILED') ? s : null;
      }, 90_000, 300);
      if (story.status !== 'READY') throw new Error(`story ${id} ended ${story.status}`);
      processed.set(id, story);
    }
    const options = await gql<{ explorerOptions: { archetypeSets: { archetypes: { id: string; label: string }[] }[] } }>(
      stack.apiUrl,
      '{ explorerOptions { archetypeSets { archetypes { id label } } } }',
      {},
      facilitatorAuth,
    );
    const all = options.data!.explorerOptions.archetypeSets.flatMap((set) => set.archetypes);
    archetypeLabels = archetypeIds.map((id) => all.find((a) => a.id === id)!.label);

    browser = await launchBrowser();
    const context = await laptopContext(browser);
    page = await context.newPage();
    await loginExplained(page, stack.webUrl, stack.org.users.facilitator);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lets a facilitator filter by archetype, tag and search text, keeps it all in the URL, and the back button restores it', async () => {
    await page.goto(`${stack.webUrl}/verhalen`);
    await expect(page.getByRole('heading', { level: 2, name: /verhalen gevonden/ }).innerText()).resolves.toBe('4 verhalen gevonden');
    // Anonymised by the real pipeline: the raw name never reaches the explorer.
    expect(await page.locator('main').innerText()).not.toContain('Yilmaz');
    expect(await titlesShown()).toContain('Gesprek met mevrouw [NAAM]');

    // 1. Archetype.
    await tick('archetype', archetypeIds[0]);
    await expect(page.getByLabel(archetypeLabels[0], { exact: true }).isChecked()).resolves.toBe(true);
    await apply();
    expect(new URL(page.url()).searchParams.getAll('archetype')).toEqual([archetypeIds[0]]);
    const withArchetype = told.filter((s) => s.archetype === 0).map((s) => s.id);
    expect(await titlesShown()).toEqual(redactedTitlesOf(withArchetype));

    // 2. A tag the tagger gave to the first story (whatever it chose), within the archetype selection.
    const tag = processed.get(told[0].id)!.tags[0].tag;
    await tick('tag', tag.id);
    await apply();
    const url = new URL(page.url());
    expect(url.searchParams.getAll('tag')).toEqual([tag.id]);
    expect(url.searchParams.getAll('archetype')).toEqual([archetypeIds[0]]);
    const withTag = withArchetype.filter((id) => processed.get(id)!.tags.some((t) => t.tag.id === tag.id));
    expect(await titlesShown()).toEqual(redactedTitlesOf(withTag));
    const tagState = await titlesShown();

    // 3. Search text (Dutch stemming: "schuld" finds "schulden").
    await page.getByLabel('Zoek in de verhalen').fill('schuld');
    await apply();
    expect(new URL(page.url()).searchParams.get('zoek')).toBe('schuld');
    const searched = withTag.filter((id) => /schuld/i.test(STORIES[told.findIndex((s) => s.id === id)].text));
    expect(await titlesShown()).toEqual(redactedTitlesOf(searched));
    expect(searched.length).toBeGreaterThan(0);
    const searchUrl = page.url();

    // Back: the previous filter (archetype + tag, no search) with its results and form state.
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('zoek'));
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).searchParams.get('zoek')).toBeNull();
    // The URL changes before the page has loaded that state's data: wait (briefly) for the form to follow.
    await waitFor(async () => (await page.getByLabel('Zoek in de verhalen').inputValue()) === '', 10_000, 100).catch(() => undefined);
    await expect(page.getByLabel('Zoek in de verhalen').inputValue()).resolves.toBe('');
    expect(await titlesShown()).toEqual(tagState);
    await expect(page.locator(`input[name="tag"][value="${tag.id}"]`).isChecked()).resolves.toBe(true);

    // A shared link opens the same selection in a fresh page.
    const shared = await (await laptopContext(browser)).newPage();
    await loginExplained(shared, stack.webUrl, stack.org.users.facilitator);
    await shared.goto(searchUrl);
    expect((await shared.locator('.vp-explorer__list article h3').allInnerTexts()).map((t) => t.trim()).sort()).toEqual(redactedTitlesOf(searched));
    await shared.context().close();
  });

  it('downloads a CSV with only the matching stories and only their redacted text', async () => {
    await page.goto(`${stack.webUrl}/verhalen?zoek=schulden`);
    const matching = told.filter((s) => /schulden/i.test(STORIES[told.indexOf(s)].text)).map((s) => s.id);
    expect(await titlesShown()).toEqual(redactedTitlesOf(matching));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^verhalen-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r\n/);
    expect(lines).toHaveLength(1 + matching.length);
    for (const id of matching) expect(csv).toContain(id);
    for (const s of told.filter((x) => !matching.includes(x.id))) expect(csv).not.toContain(s.id);
    expect(csv).toContain('[NAAM]');
    expect(csv).not.toContain('Yilmaz');
    expect(csv).not.toContain('06-12345678');
  });

  it('explains a filter the API refuses', async () => {
    await page.goto(`${stack.webUrl}/verhalen?tag=niet-een-id`);
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Onbekende tags: niet-een-id.');
    await expect(page.getByLabel('Zoek in de verhalen').isVisible()).resolves.toBe(true);
  });

  it('lets a wijkcoach explore the anonymised stories of the organisation, without export (issue 8)', async () => {
    const coachPage = await (await laptopContext(browser)).newPage();
    await loginExplained(coachPage, stack.webUrl, stack.org.users.wijkcoach);
    await coachPage.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verhalen', exact: true }).click();
    await coachPage.waitForURL(/\/verhalen$/);
    await expect(coachPage.getByRole('heading', { level: 2, name: /verhalen gevonden/ }).innerText()).resolves.toBe('4 verhalen gevonden');
    const main = await coachPage.locator('main').innerText();
    expect(main).toContain('[NAAM]');
    expect(main).not.toContain('Yilmaz');
    // Filters work for them as for a facilitator.
    await coachPage.goto(`${stack.webUrl}/verhalen?zoek=schulden`);
    const matching = told.filter((s) => /schulden/i.test(STORIES[told.indexOf(s)].text)).map((s) => s.id);
    expect((await coachPage.locator('.vp-explorer__list article h3').allInnerTexts()).map((t) => t.trim()).sort()).toEqual(redactedTitlesOf(matching));
    // No export: no buttons, and the download itself is refused by the API.
    await expect(coachPage.getByRole('link', { name: 'Download als CSV' }).count()).resolves.toBe(0);
    expect((await coachPage.request.get(`${stack.webUrl}/verhalen/export?formaat=csv`)).status()).toBe(403);
    expect(await seriousA11yViolations(coachPage)).toEqual([]);
    await coachPage.context().close();
  });

  it('tells a manager that they see figures, not stories, and shows no Verhalen in the menu', async () => {
    const managerPage = await (await laptopContext(browser)).newPage();
    await loginExplained(managerPage, stack.webUrl, stack.org.users.manager);
    await expect(managerPage.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verhalen', exact: true }).count()).resolves.toBe(0);
    await expect(managerPage.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Patronen', exact: true }).count()).resolves.toBe(1);
    const refused = await managerPage.goto(`${stack.webUrl}/verhalen`);
    expect(refused?.status()).toBe(403);
    const main = await managerPage.locator('main').innerText();
    expect(main).toContain('Als manager zie je cijfers, geen afzonderlijke verhalen');
    expect(main).not.toContain('[NAAM]');
    expect((await managerPage.request.get(`${stack.webUrl}/verhalen/export?formaat=csv`)).status()).toBe(403);
    expect(await seriousA11yViolations(managerPage)).toEqual([]);
    await managerPage.context().close();
  });

  it('has no serious or critical accessibility problems, on a laptop and on a phone', async () => {
    await page.goto(`${stack.webUrl}/verhalen?zoek=schulden&archetype=${archetypeIds[0]}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    const phone = await (await phoneContext(browser)).newPage();
    await loginExplained(phone, stack.webUrl, stack.org.users.facilitator);
    await phone.goto(`${stack.webUrl}/verhalen`);
    await phone.locator('summary').first().click();
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.context().close();
  });
});

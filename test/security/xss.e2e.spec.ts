import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildStoryInput, CREATE_STORY, validAnswersFor } from '../support/builders';
import { gql, login, waitFor } from '../support/harness';
import { loginExplained } from '../e2e/support/beheer-helpers';
import { pdfText, savedDownload } from '../e2e/support/pdf';
import { launchBrowser, laptopContext, startStack, type Stack } from '../e2e/support/stack';

jest.setTimeout(300_000);

/** Every payload sets this flag (and opens a dialog) if it ever runs. */
const FLAG = '__vpXss';
const RTL = `\u202Etxt.exe\u202C \u2066\u2067\u200B\u200C\u200D\uFEFF`;
/** Script-shaped strings; each carries a distinctive piece of literal text that must be shown as text. */
const PAYLOADS = {
  script: `<script>window.${FLAG}=1;alert(1)</script>`,
  img: `<img src=x onerror="window.${FLAG}=2;alert(2)">`,
  jsUrl: `javascript:window.${FLAG}=3;alert(3)`,
  svg: `"><svg onload="window.${FLAG}=4;alert(4)">`,
  template: `{@html '<img src=x onerror=alert(5)>'} {{constructor.constructor('alert(6)')()}} \${alert(7)}`,
  closeScript: `</script><script>window.${FLAG}=8</script>`,
  rtl: `${RTL.repeat(40)} einde`,
} as const;
/** Literal text that must appear on the page where a payload is shown (what survives anonymising). */
const VISIBLE = ['<script>', '<img src=x onerror=', '"><svg onload=', '{@html'];
const ALL = Object.values(PAYLOADS).join(' ');

type Trap = { dialogs: string[]; cspViolations: string[]; strayRequests: string[] };

/**
 * A page with three traps: any dialog, any CSP violation (a payload that got into the DOM as markup and was only
 * stopped by the policy), and any request for the payloads' `src=x`. Plus the flag the payloads set.
 */
const trappedPage = async (context: BrowserContext): Promise<{ page: Page; trap: Trap }> => {
  const page = await context.newPage();
  const trap: Trap = { dialogs: [], cspViolations: [], strayRequests: [] };
  page.on('dialog', (dialog) => {
    trap.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) trap.cspViolations.push(message.text());
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('/x') || url.protocol === 'javascript:') trap.strayRequests.push(request.url());
  });
  await context.addInitScript(`
    window.__vpCsp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__vpCsp.push(e.violatedDirective + ' ' + e.blockedURI));
  `);
  return { page, trap };
};

type Injected = { flag: unknown; csp: string[]; handlers: number; jsLinks: number; injectedScripts: number };

/** What a payload would leave behind in the DOM had it been parsed as markup. */
const injectedInPage = (page: Page): Promise<Injected> =>
  page.evaluate(`({
    flag: window.${FLAG},
    csp: window.__vpCsp,
    handlers: document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover]').length,
    jsLinks: [...document.querySelectorAll('a[href],form[action],iframe[src]')].filter((e) => /^\\s*javascript:/i.test(e.getAttribute('href') ?? e.getAttribute('action') ?? e.getAttribute('src') ?? '')).length,
    // SvelteKit's own inline script carries the page data (payloads included, escaped) and has the CSP nonce.
    injectedScripts: [...document.scripts].filter((s) => !s.nonce && !s.src && ['', 'module', 'text/javascript'].includes(s.type)).length,
  })`);

const expectNothingRan = async (page: Page, trap: Trap, where: string) => {
  // Give onerror/onload handlers time to fire, had they been parsed.
  await page.waitForTimeout(300);
  expect({ where, ...(await injectedInPage(page)), ...trap }).toEqual({
    where,
    flag: undefined,
    csp: [],
    handlers: 0,
    jsLinks: 0,
    injectedScripts: 0,
    dialogs: [],
    cspViolations: [],
    strayRequests: [],
  });
};

const mainText = async (page: Page) => page.locator('main').innerText();

/**
 * Issue 8: XSS payloads in everything people type (titles, story text, free-text answers, tag "why" words, Tafel
 * notes and insights, Wat telt notes and goals, wijk and tag labels), through the real pipeline, opened on every
 * page that renders them in Chromium: nothing executes, the text is shown as text.
 */
describe('XSS payloads in story text, checked in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  let storyIds: string[];
  let tafelId: string;
  let clientId: string;
  const auth = (token: string) => ({ token, organisationId: stack.org.organisation.id });

  beforeAll(async () => {
    stack = await startStack('e2e-xss');
    browser = await launchBrowser();
    const org = stack.org;
    const coach = auth(await login(stack.apiUrl, org.users.wijkcoach.email, org.users.wijkcoach.password));
    const facilitator = auth(await login(stack.apiUrl, org.users.facilitator.email, org.users.facilitator.password));

    // Labels an admin configures, shown by the explorer filters and the Patronen charts.
    await stack.ds.query(`UPDATE wijk SET name = $2 WHERE id = $1`, [org.wijken[0].id, `Noord ${PAYLOADS.svg}`]);

    storyIds = [];
    const entries = Object.entries(PAYLOADS);
    for (const [i, [name, payload]] of entries.entries()) {
      const questions = org.versions.wijkcoach.questions;
      const answers = validAnswersFor(org, questions).map((a) => {
        const q = questions.find((x) => x.id === a.questionId);
        return q?.type === 'text' ? { ...a, text: `${PAYLOADS.img} ${PAYLOADS.script}`.slice(0, q.maxLength) } : a;
      });
      const input = buildStoryInput(org, {
        title: `Verhaal ${name} ${payload}`.slice(0, 200),
        text: `De buurt hielp mevrouw met haar schulden (${i}). ${ALL} Samen met de schuldhulp kwam er rust.`,
        answers,
      });
      const res = await gql<{ createStory: { __typename: string } }>(stack.apiUrl, CREATE_STORY, { input }, coach);
      if (res.data?.createStory.__typename !== 'StoryCreated') throw new Error(JSON.stringify(res));
      storyIds.push(input.id);
    }
    await waitFor(async () => {
      const rows: { status: string }[] = await stack.ds.query('SELECT status FROM story WHERE id = ANY($1)', [storyIds]);
      const failed = rows.find((r) => r.status === 'FAILED');
      if (failed) throw new Error('a story with a payload failed in the pipeline');
      return rows.every((r) => r.status === 'READY');
    }, 120_000, 500);
    // The tagger only keeps word tokens as "why"; these are what a future tagger might keep.
    await stack.ds.query(`UPDATE story_tag SET why = $2::jsonb WHERE story_id = ANY($1)`, [storyIds, JSON.stringify([PAYLOADS.img, PAYLOADS.script, PAYLOADS.jsUrl])]);
    await stack.ds.query(`UPDATE tag SET label = label || $2 WHERE id IN (SELECT tag_id FROM story_tag WHERE story_id = ANY($1))`, [storyIds, ` ${PAYLOADS.img}`]);

    const tafel = await gql<{ createTafel: { id: string } }>(
      stack.apiUrl,
      `mutation($input: TafelInput!) { createTafel(input: $input) { id } }`,
      { input: { title: `Tafel ${PAYLOADS.svg}`, date: '2026-11-01', question: `Vraag ${PAYLOADS.script}`, wijkId: null, facilitatorUserId: org.users.facilitator.id } },
      facilitator,
    );
    tafelId = tafel.data!.createTafel.id;
    const tafelCall = async (document: string, variables: Record<string, unknown>) => {
      const res = await gql(stack.apiUrl, document, { t: tafelId, ...variables }, facilitator);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    };
    for (const id of storyIds.slice(0, 3)) await tafelCall(`mutation($t: ID!, $s: ID!) { addStoryToTafel(tafelId: $t, storyId: $s) { id } }`, { s: id });
    await tafelCall(`mutation($t: ID!, $s: ID!, $n: String!) { setTafelStoryNote(tafelId: $t, storyId: $s, note: $n) { id } }`, { s: storyIds[0], n: `Notitie ${PAYLOADS.img}` });
    await tafelCall(`mutation($t: ID!, $input: TafelInsightInput!) { addTafelInsight(tafelId: $t, input: $input) { id } }`, {
      input: { text: `Inzicht ${PAYLOADS.script} ${PAYLOADS.template}`, storyIds: [storyIds[0]] },
    });
    await tafelCall(`mutation($t: ID!, $input: TafelInterventionInput!) { addTafelIntervention(tafelId: $t, input: $input) { id } }`, {
      input: { action: `Actie ${PAYLOADS.svg} ${PAYLOADS.closeScript}`, owner: `Team ${PAYLOADS.img}`.slice(0, 120), status: 'open', dueDate: '2026-12-01' },
    });

    const client = await gql<{ createWatTeltClient: { id: string } }>(
      stack.apiUrl,
      `mutation($input: CreateWatTeltClientInput!) { createWatTeltClient(input: $input) { id } }`,
      { input: { code: 'XSS-0001', wijkId: org.wijken[0].id, team: `Team <img src=x onerror=alert(9)>` } },
      coach,
    );
    if (!client.data) throw new Error(JSON.stringify(client.errors));
    clientId = client.data.createWatTeltClient.id;
    const measured = await gql<{ recordWatTeltMeasurement: { __typename: string; problems?: unknown } }>(
      stack.apiUrl,
      `mutation($input: RecordWatTeltMeasurementInput!) { recordWatTeltMeasurement(input: $input) { __typename ... on WatTeltMeasurementRejected { problems { field message } } } }`,
      {
        input: {
          clientId,
          measuredOn: '2026-10-01',
          rapportcijfer: 6,
          note: `Notitie ${PAYLOADS.script} ${PAYLOADS.closeScript} ${RTL.repeat(5)}`,
          leefgebieden: [{ leefgebied: 'financien', inwoner: 4, professional: 3 }],
          goals: [{ leefgebied: 'financien', text: `Doel ${PAYLOADS.img} ${PAYLOADS.svg}`, status: 'open' }],
        },
      },
      coach,
    );
    expect(measured.data?.recordWatTeltMeasurement).toEqual({ __typename: 'WatTeltMeasurementRecorded' });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** Opens each path as the user; `pieces` is the literal payload text each page must show. */
  const visit = async (user: keyof Stack['org']['users'], pages: Record<string, readonly string[]>) => {
    const context = await laptopContext(browser);
    try {
      const { page, trap } = await trappedPage(context);
      await loginExplained(page, stack.webUrl, stack.org.users[user]);
      for (const [path, pieces] of Object.entries(pages)) {
        const response = await page.goto(`${stack.webUrl}${path}`, { waitUntil: 'networkidle' });
        const text = await mainText(page).catch(() => '');
        const status = response?.status();
        expect({ path, status, text: status === 200 ? '' : text.slice(0, 300) }).toEqual({ path, status: 200, text: '' });
        for (const piece of pieces) expect({ path, shown: text.includes(piece), piece }).toEqual({ path, shown: true, piece });
        await expectNothingRan(page, trap, path);
      }
    } finally {
      await context.close();
    }
  };
  const each = (paths: string[], pieces: readonly string[]) => Object.fromEntries(paths.map((p) => [p, pieces]));
  const SCRIPT_AND_IMG = ['<script>', '<img src=x onerror='];

  it('shows the payloads as text in the explorer and on the story page (facilitator: anonymised text, tags, why)', async () => {
    await visit('facilitator', {
      '/verhalen': SCRIPT_AND_IMG,
      [`/verhalen?q=${encodeURIComponent('script')}`]: SCRIPT_AND_IMG,
      ...each(storyIds.slice(0, 4).map((id) => `/verhalen/${id}`), [...SCRIPT_AND_IMG, '"><svg onload=', '{@html']),
    });
  });

  it('shows them as text to the teller: mijn verhalen and the raw story with free-text answers', async () => {
    await visit('wijkcoach', {
      '/mijn-verhalen': SCRIPT_AND_IMG,
      ...each(storyIds.slice(0, 3).map((id) => `/mijn-verhalen/${id}`), [...VISIBLE, 'javascript:window.']),
    });
    await visit('admin', each(storyIds.slice(0, 2).map((id) => `/verhalen/${id}?onbewerkt`), VISIBLE));
  });

  it('shows them as text on the Tafel page, and the print pack carries them as plain text', async () => {
    await visit('facilitator', { '/tafels': ['"><svg onload='], [`/tafels/${tafelId}`]: VISIBLE });
    const context = await laptopContext(browser);
    const { page, trap } = await trappedPage(context);
    await loginExplained(page, stack.webUrl, stack.org.users.facilitator);
    await page.goto(`${stack.webUrl}/tafels/${tafelId}`);
    await page.getByRole('button', { name: 'Printpakket maken' }).click();
    const link = page.getByRole('link', { name: 'Printpakket downloaden (PDF)' });
    await link.waitFor({ timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = pdfText(await savedDownload(download, 'printpakket-xss.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('<script>');
    expect(text).toContain('onerror=');
    await expectNothingRan(page, trap, 'printpakket');
    await context.close();
  });

  it('shows wijk and tag labels with payloads as text on Patronen and in the explorer filters', async () => {
    await visit('facilitator', { '/patronen': ['"><svg onload=', '<img src=x onerror='], '/verhalen': ['"><svg onload='] });
  });

  it('shows Wat telt notes, goals and team as text, and Tafel actions on the impact page', async () => {
    await visit('wijkcoach', { '/wat-telt': ['<img src=x onerror='], [`/wat-telt/${clientId}`]: [...SCRIPT_AND_IMG, '"><svg onload='] });
    await visit('manager', { '/impact': [], '/impact?van=2026-01-01&tot=2026-12-31': ['"><svg onload='], [`/tafels/${tafelId}`]: VISIBLE });
  });
});

import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { login } from '../support/harness';
import { tellTyped } from '../e2e/support/verhaal-helpers';
import { loginExplained } from '../e2e/support/beheer-helpers';
import { launchBrowser, laptopContext, startStack, type Stack } from '../e2e/support/stack';

jest.setTimeout(180_000);

const EVIL = 'https://evil.example';
/** What Chromium sends with a form post or fetch() from a page of another site. */
const CROSS_SITE = { origin: EVIL, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' };
const REFUSED_API = 'Verzoeken vanaf een andere website worden geweigerd.';
const REFUSED_WEB = 'Dit verzoek kwam van een andere website en is geweigerd.';

/**
 * A GET with exactly these headers. Node's fetch overwrites `Sec-Fetch-Mode` with `cors`, so a browser's navigation or
 * `<img>` load cannot be imitated with it.
 */
const rawGet = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });

/**
 * Issue 8, CSRF: forged cross-site requests against the API (GraphQL, tus uploads, audio, print pack) and against the
 * web app that holds the session cookie (form actions, the recorder's GraphQL and upload proxies, downloads) get a
 * clear refusal and change nothing; the same requests from our own pages still pass.
 */
describe('CSRF: cross-site requests are refused, our own pass', () => {
  let stack: Stack;
  let token: string;
  let facilitatorToken: string;
  let storyId: string;
  const org = () => stack.org.organisation.id;
  const tafelCount = async (title: string) =>
    Number((await stack.ds.query('SELECT count(*) FROM ervaringen_tafel WHERE organisation_id = $1 AND title = $2', [org(), title]))[0].count);
  const CREATE_TAFEL = (title: string) =>
    `mutation { createTafel(input: { title: "${title}", date: "2099-01-01", question: "Vraag", facilitatorUserId: "${stack.org.users.facilitator.id}" }) { id } }`;

  beforeAll(async () => {
    stack = await startStack('e2e-csrf', { workers: false });
    token = await login(stack.apiUrl, stack.org.users.wijkcoach.email, stack.org.users.wijkcoach.password);
    facilitatorToken = await login(stack.apiUrl, stack.org.users.facilitator.email, stack.org.users.facilitator.password);
    storyId = await tellTyped(stack.apiUrl, stack.org, { token, organisationId: org() }, 'Een verhaal', 'Een verhaal uit de buurt.');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('the API', () => {
    const bearer = () => ({ authorization: `Bearer ${facilitatorToken}`, 'x-organisation-id': org() });
    const post = (body: string, headers: Record<string, string>) =>
      fetch(`${stack.apiUrl}/graphql`, { method: 'POST', headers: { ...bearer(), ...headers }, body });

    it('refuses GraphQL from a page of another site, even with a valid token', async () => {
      const res = await post(JSON.stringify({ query: CREATE_TAFEL('Vals 1') }), { 'content-type': 'application/json', ...CROSS_SITE });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ errors: [{ message: REFUSED_API, extensions: { code: 'FORBIDDEN' } }] });
      const sameSite = await post(JSON.stringify({ query: '{ me { id } }' }), { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' });
      expect(sameSite.status).toBe(403);
      // Without Fetch Metadata (an old browser) a JSON post needs a CORS preflight the API never grants, and a
      // form-shaped one is refused below; Origin alone is what our own web server sends too.
      expect(await tafelCount('Vals 1')).toBe(0);
    });

    it('refuses form-shaped bodies (text/plain, urlencoded, multipart) and runs nothing', async () => {
      const query = CREATE_TAFEL('Vals 2');
      for (const [type, body] of [
        ['text/plain', JSON.stringify({ query })],
        ['application/x-www-form-urlencoded', `query=${encodeURIComponent(query)}`],
        ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${query}\r\n--x--\r\n`],
      ]) {
        const res = await post(body, { 'content-type': type });
        expect({ type, status: res.status }).toEqual({ type, status: 400 });
        expect(JSON.stringify(await res.json())).toMatch(/CSRF|preflight/i);
      }
      expect(await tafelCount('Vals 2')).toBe(0);
    });

    it('refuses mutations over GET, and GET queries without a preflight-forcing header', async () => {
      const url = (q: string) => `${stack.apiUrl}/graphql?query=${encodeURIComponent(q)}`;
      const mutation = await fetch(url(CREATE_TAFEL('Vals 3')), { headers: bearer() });
      expect(mutation.status).toBeGreaterThanOrEqual(400);
      const forcedMutation = await fetch(url(CREATE_TAFEL('Vals 3')), { headers: { ...bearer(), 'apollo-require-preflight': 'true' } });
      expect(forcedMutation.status).toBeGreaterThanOrEqual(400);
      expect(await forcedMutation.text()).toMatch(/only support query operations/);
      expect(await tafelCount('Vals 3')).toBe(0);
      const query = await fetch(url('{ me { id } }'), { headers: bearer() });
      expect(query.status).toBe(400);
    });

    it('never reads a session from a cookie: ambient credentials authenticate nothing', async () => {
      const res = await fetch(`${stack.apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `vp_session=${facilitatorToken}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses uploads, audio and print packs from a page of another site', async () => {
      const upload = await fetch(`${stack.apiUrl}/uploads`, {
        method: 'POST',
        headers: { ...bearer(), ...CROSS_SITE, 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-metadata': `storyId ${Buffer.from(storyId).toString('base64')}` },
      });
      expect(upload.status).toBe(403);
      const audio = await fetch(`${stack.apiUrl}/stories/${storyId}/audio`, { headers: { ...bearer(), ...CROSS_SITE, 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'audio' } });
      expect(audio.status).toBe(403);
      const pack = await fetch(`${stack.apiUrl}/tafels/00000000-0000-4000-8000-000000000000/printpakket.pdf`, { headers: { ...bearer(), ...CROSS_SITE } });
      expect(pack.status).toBe(403);
      expect(await pack.text()).toContain(REFUSED_API);
    });

    it('still answers our own callers: the web server (no browser headers) and GraphiQL on its own origin', async () => {
      const server = await post(JSON.stringify({ query: CREATE_TAFEL('Echt 1') }), { 'content-type': 'application/json' });
      expect(((await server.json()) as { errors?: unknown }).errors).toBeUndefined();
      const graphiql = await post(JSON.stringify({ query: '{ me { id } }' }), {
        'content-type': 'application/json',
        origin: stack.apiUrl,
        'sec-fetch-site': 'same-origin',
      });
      expect(graphiql.status).toBe(200);
      expect(await tafelCount('Echt 1')).toBe(1);
    });
  });

  describe('the web app (session cookie)', () => {
    const cookie = () => ({ cookie: `vp_session=${facilitatorToken}` });
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const tafelForm = (title: string) =>
      form({ title, date: '2099-02-01', question: 'Vraag', wijkId: '', facilitatorUserId: stack.org.users.facilitator.id });

    it('refuses a cross-site form post to a form action (urlencoded and text/plain) and creates nothing', async () => {
      for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
        const res = await fetch(`${stack.webUrl}/tafels?/create`, {
          method: 'POST',
          redirect: 'manual',
          headers: { ...cookie(), ...CROSS_SITE, 'content-type': type },
          body: tafelForm('Vals web'),
        });
        expect({ type, status: res.status }).toEqual({ type, status: 403 });
        expect(await res.text()).toContain(REFUSED_WEB);
        // A form post that says nowhere where it comes from.
        const unknown = await fetch(`${stack.webUrl}/tafels?/create`, {
          method: 'POST',
          redirect: 'manual',
          headers: { ...cookie(), 'content-type': type },
          body: tafelForm('Vals web'),
        });
        expect({ type, status: unknown.status }).toEqual({ type, status: 403 });
        // Also without Fetch Metadata (an older browser): held to its Origin.
        const old = await fetch(`${stack.webUrl}/tafels?/create`, {
          method: 'POST',
          redirect: 'manual',
          headers: { ...cookie(), origin: EVIL, 'content-type': type },
          body: tafelForm('Vals web'),
        });
        expect({ type, status: old.status }).toEqual({ type, status: 403 });
      }
      expect(await tafelCount('Vals web')).toBe(0);
    });

    it('runs no action on GET', async () => {
      const res = await fetch(`${stack.webUrl}/tafels?/create&${tafelForm('Vals GET')}`, { headers: cookie(), redirect: 'manual' });
      expect(res.status).toBe(200);
      expect(await tafelCount('Vals GET')).toBe(0);
    });

    it("refuses the recorder's GraphQL and upload proxies from another site", async () => {
      // text/plain is what a page may send without asking.
      for (const type of ['text/plain', 'application/json']) {
        const graphql = await fetch(`${stack.webUrl}/vertel/api/graphql`, {
          method: 'POST',
          headers: { ...cookie(), ...CROSS_SITE, 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'empty', 'content-type': type },
          body: JSON.stringify({ operationName: 'CreateStory', variables: {} }),
        });
        expect({ type, status: graphql.status }).toEqual({ type, status: 403 });
        expect(await graphql.text()).toContain(REFUSED_WEB);
      }
      const upload = await fetch(`${stack.webUrl}/vertel/api/uploads`, {
        method: 'POST',
        headers: { ...cookie(), origin: EVIL, 'tus-resumable': '1.0.0', 'upload-length': '10' },
      });
      expect(upload.status).toBe(403);
    });

    it('refuses downloads and audio loaded as a subresource by another site, but follows a link from elsewhere', async () => {
      const subresource = { ...CROSS_SITE, 'sec-fetch-mode': 'no-cors' };
      const audio = await rawGet(`${stack.webUrl}/verhalen/${storyId}/opname`, { ...cookie(), ...subresource, 'sec-fetch-dest': 'audio' });
      expect(audio.status).toBe(403);
      expect(audio.body).toContain(REFUSED_WEB);
      const exported = await rawGet(`${stack.webUrl}/verhalen/export?formaat=csv`, { ...cookie(), ...subresource, 'sec-fetch-dest': 'image' });
      expect(exported.status).toBe(403);
      const framed = await rawGet(`${stack.webUrl}/verhalen`, { ...cookie(), ...CROSS_SITE, 'sec-fetch-dest': 'iframe' });
      expect(framed.status).toBe(403);
      // A person following a link from an e-mail to a download or page still gets it.
      const link = await rawGet(`${stack.webUrl}/verhalen/export?formaat=csv`, { ...cookie(), ...CROSS_SITE });
      expect({ status: link.status, type: link.type }).toEqual({ status: 200, type: expect.stringContaining('text/csv') });
    });

    it('still lets our own form post through', async () => {
      const res = await fetch(`${stack.webUrl}/tafels?/create`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...cookie(), accept: 'text/html', origin: stack.webUrl, 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' },
        body: tafelForm('Echt web'),
      });
      expect({ status: res.status, body: res.status === 303 ? '' : (await res.text()).slice(0, 300) }).toEqual({ status: 303, body: '' });
      expect(await tafelCount('Echt web')).toBe(1);
    });
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let evil: Server;

    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => evil?.close(resolve));
    });

    it('a page on another site that posts a form and frames a download of a logged-in facilitator gets refused', async () => {
      const target = `${stack.webUrl}/tafels?/create`;
      const html = `<!doctype html><html><body>
        <form id="f" method="post" action="${target}">
          <input name="title" value="Vals browser"><input name="date" value="2099-03-01"><input name="question" value="Vraag">
          <input name="facilitatorUserId" value="${stack.org.users.facilitator.id}">
        </form>
        <iframe src="${stack.webUrl}/verhalen/export?formaat=csv" title="x"></iframe>
        <script>setTimeout(() => document.getElementById('f').submit(), 1000)</script>
      </body></html>`;
      evil = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
      await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
      // localhost and 127.0.0.1 are different sites to the browser.
      const evilUrl = `http://localhost:${(evil.address() as AddressInfo).port}/`;

      const context = await laptopContext(browser);
      const page = await context.newPage();
      await loginExplained(page, stack.webUrl, stack.org.users.facilitator);
      const posted = page.waitForResponse((r) => r.url().startsWith(target) && r.request().method() === 'POST');
      const framed = page.waitForResponse((r) => r.url().startsWith(`${stack.webUrl}/verhalen/export`));
      await page.goto(evilUrl);
      // The download in a frame of the other site: refused (an <img>/<audio> answer Chromium hides from view).
      expect((await framed).status()).toBe(403);
      expect((await posted).status()).toBe(403);
      // The person sees why, in Dutch.
      expect(await page.locator('body').innerText()).toContain(REFUSED_WEB);
      expect(await tafelCount('Vals browser')).toBe(0);

      // The same facilitator on our own page still creates a Tafel.
      await page.goto(`${stack.webUrl}/tafels`);
      await page.locator('#nieuw-titel').fill('Echt browser');
      await page.locator('#nieuw-datum').fill('2099-05-01');
      await page.locator('#nieuw-vraag').fill('Wat leren we?');
      await page.locator('#nieuw-facilitator').selectOption(stack.org.users.facilitator.id);
      await page.getByRole('button', { name: 'Tafel maken' }).click();
      await page.waitForURL(/\/tafels\/[0-9a-f-]+\?melding=gemaakt/);
      expect(await tafelCount('Echt browser')).toBe(1);
      await context.close();
    });
  });
});

// Hostile data and bad input: API text full of markup and script payloads is only ever text, copied
// evidence cannot become a spreadsheet formula, malformed deep links give a notice and a valid view,
// tokens are readable nowhere (MSAL's cache is encrypted; never a URL or the console), the
// API only ever gets the user's access token, and the widget keeps its host's token in memory.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  generate,
  HOSTILE_STRINGS,
  parseContract,
  seededRng,
  syncRunsResponseSchema,
} from '../src/test/contract/schema-instances.ts';
import { DEMO_USER, idpAuthority } from '../local-idp/settings.ts';
import { DEV_API_KEY } from '../neo-standin/config.ts';
import { E2E_APP_ORIGIN, E2E_DEMO_ORIGIN, E2E_IDP_PORT } from '../scripts/e2e-ports.ts';
import { openSignedIn, signIn, submitLogin } from './support/sign-in.ts';
import { expect, SIGNED_OUT, test } from './support/test.ts';

const contract = parseContract(
  readFileSync('contract/neo-public-api.sync-runs.openapi.yaml', 'utf8'),
);
const PAYLOAD = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const LINK = 'javascript:window.__pwned=1';

/** Runs whose every text field is a payload: one written by hand, the rest generated. */
function hostileBody() {
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const handMade = {
    run_id: 'hostile-run',
    temporal_run_id: LINK,
    temporal_workflow_id: '"><svg onload="window.__pwned=1">',
    status: 'FAILURE',
    started_at: minutesAgo(30),
    finished_at: minutesAgo(29),
    error: PAYLOAD,
    dashboard_message: SCRIPT,
    activities: [
      {
        activity_label: '=HYPERLINK("http://evil.example","x")',
        synced_count: 0,
        total_count: 3,
        failures: [
          {
            resource_label: PAYLOAD,
            parent_label: LINK,
            reason: SCRIPT,
            error_message: '@SUM(1+1) <b>bold?</b>',
          },
        ],
      },
    ],
  };
  const rng = seededRng(7);
  const generated = generate(syncRunsResponseSchema(contract), contract, {
    rng,
    strings: HOSTILE_STRINGS,
  }) as { data: Record<string, unknown>[] };
  // Generated runs get recent times so they sit in the window next to the hand-made one.
  const data = [
    handMade,
    ...generated.data.map((run, i) => ({
      ...run,
      started_at: minutesAgo(60 + i * 10),
      finished_at: null,
    })),
  ];
  return {
    data,
    meta: {
      request_id: '2c1b0a9f-8e7d-4c6b-9a5f-4e3d2c1b0a9f',
      timings_ms: {},
      pagination: { has_more: false, next_cursor: null },
      warnings: [PAYLOAD],
    },
  };
}

function watchConsole(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${m.text()} ${m.location().url}`);
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

test('API text full of markup and script payloads shows as text and runs nothing', async ({
  page,
}) => {
  // Capture what the copy buttons put on the clipboard.
  await page.addInitScript(() => {
    const w = window as unknown as { __copied: string[] };
    w.__copied = [];
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (text: string) => void w.__copied.push(text) },
    });
  });
  // Signed in on a page that asks the API nothing, so every console line after is this page's.
  await openSignedIn(page, '/no-such-page');
  const problems = watchConsole(page);
  await page.route('**/public-api/integrations/halopsa/sync-runs?*', (route) =>
    route.fulfill({ json: hostileBody() }),
  );
  await page.goto('/integrations/halopsa?range=24h&run=hostile-run');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();

  // The payloads are on the page, as text.
  await expect(page.getByText(PAYLOAD).first()).toBeVisible();
  await expect(page.getByText(SCRIPT).first()).toBeAttached();
  // Nothing executed, nothing became markup, no link was made from API text.
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(
    page.locator('img[src="x"], svg[onload], script:not([src]):not([type])'),
  ).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  const links = await page
    .locator('a[href]')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  for (const href of links) expect(href).not.toMatch(/evil\.example|javascript:/i);

  // The copied support evidence cannot become a formula or extra cells in a spreadsheet.
  const answer = page.getByRole('region', { name: 'Where is my record?' });
  await answer.getByRole('button', { name: /Copy/ }).first().click();
  const copied = await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
  expect(copied.length).toBeGreaterThan(0);
  for (const text of copied) {
    expect(text).not.toContain('\t');
    for (const line of text.split('\n')) expect(line).not.toMatch(/^\s*[=+\-@]/);
  }
  expect(problems).toEqual([]);
});

test('malformed deep links give a notice and a valid view', async ({ page }) => {
  await openSignedIn(page, '/integrations/autotask');
  const huge = 'x'.repeat(6000);
  await page.goto(
    `/integrations/halopsa?since=yesterday&until=99999999999999999&status=EXPLODED,failure&q=${huge}&tz=mars&sig=%3Cimg%3E`,
  );
  const notices = page
    .getByRole('region', { name: /link/i })
    .or(page.getByText(/is not a/).first());
  await expect(notices.first()).toBeVisible();
  await expect(page.getByText(/"EXPLODED" is not a run status/)).toBeVisible();
  await expect(page.getByText(/The search text was cut to/)).toBeVisible();
  await expect(page.getByText(/runs loaded\./)).toBeVisible();

  // Encoded slashes and dots stay inside the integration name: the API is asked for that name.
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/public-api/')) asked.push(new URL(r.url()).pathname);
  });
  await page.goto('/integrations/..%2F..%2Fpublic-api');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Unknown integration name').first()).toBeVisible();
  expect(asked.length).toBeGreaterThan(0);
  for (const path of asked)
    expect(path).toBe('/public-api/integrations/..%2F..%2Fpublic-api/sync-runs');
});

/** The tokens the identity provider issued, read from its token endpoint's answers. */
type IssuedTokens = { access_token: string; refresh_token?: string; id_token?: string };

/**
 * Everything a token could leak into while the page runs: the identity provider's /token answers
 * (the raw tokens), every URL requested, every console line, every Authorization header sent.
 */
function watchTokens(page: Page) {
  const idpOrigin = new URL(idpAuthority(E2E_IDP_PORT)).origin;
  const answers: Promise<IssuedTokens>[] = [];
  const urls: string[] = [];
  const consoleText: string[] = [];
  const requestHeaders: Record<string, string>[] = [];
  page.on('console', (m) => consoleText.push(m.text()));
  page.on('pageerror', (e) => consoleText.push(e.message));
  page.on('request', (r) => {
    urls.push(r.url());
    requestHeaders.push(r.headers());
  });
  // Requests carry no fragment: where each page and frame went, fragment included.
  const visited: string[] = [];
  page.on('framenavigated', (frame) => visited.push(frame.url()));
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (
      url.origin === idpOrigin &&
      url.pathname.endsWith('/token') &&
      r.request().method() === 'POST' &&
      r.status() === 200
    )
      answers.push(r.json() as Promise<IssuedTokens>);
  });
  return { issued: () => Promise.all(answers), urls, visited, consoleText, requestHeaders };
}

/** A token, its first 40 and its last 40 characters (a JWT's signature: unique to the token). */
const tokenParts = (token: string) => [token, token.slice(0, 40), token.slice(-40)];

/** MSAL's credential entries: msal.<schema>|<account>|<environment>|<type>|<client>|… */
const MSAL_CREDENTIAL = /^msal\.\d+\|[^|]*\|[^|]*\|(accesstoken|refreshtoken|idtoken)\|/i;

test.describe('each signs in itself', () => {
  // What the identity provider issued at this test's own sign-in, the portal's own sign-in, and a
  // sign-out (which ends the identity provider's session): in a browser that has not signed in.
  test.use(SIGNED_OUT);

  test('tokens live only in MSAL’s encrypted cache: nothing readable in storage, a URL or the console', async ({
    page,
    context,
  }) => {
    const watch = watchTokens(page);
    await signIn(page, '/integrations/halopsa?range=24h');
    await expect(page.getByText(/runs loaded\./)).toBeVisible();
    const issued = await watch.issued();
    expect(issued.length).toBeGreaterThan(0);
    const raw = issued.flatMap((answer) =>
      [
        ['accesstoken', answer.access_token],
        ['refreshtoken', answer.refresh_token],
        ['idtoken', answer.id_token],
      ].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    // The local identity provider issues all three, as Entra does for a single-page app.
    expect(new Set(raw.map(([type]) => type))).toEqual(
      new Set(['accesstoken', 'refreshtoken', 'idtoken']),
    );
    const parts = raw.flatMap(([, token]) => tokenParts(token));

    // Neither storage holds a token, a part of one, or anything JWT-shaped, in any key or value.
    const stored = await page.evaluate(() => ({
      local: Object.entries(localStorage),
      session: Object.entries(sessionStorage),
    }));
    const storedText = JSON.stringify(stored);
    for (const part of parts) expect(storedText).not.toContain(part);
    expect(storedText).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./);

    // The tokens are in MSAL's shared cache in local storage, each entry encrypted (an id, a nonce
    // and ciphertext; no `secret`), one entry per kind of token.
    const credentials = stored.local.filter(([key]) => MSAL_CREDENTIAL.test(key));
    expect(
      new Set(credentials.map(([key]) => MSAL_CREDENTIAL.exec(key)![1]!.toLowerCase())),
    ).toEqual(new Set(['accesstoken', 'refreshtoken', 'idtoken']));
    for (const [, value] of credentials) {
      const entry = JSON.parse(value) as Record<string, unknown>;
      expect(Object.keys(entry)).not.toContain('secret');
      expect(typeof entry.data).toBe('string');
      expect(typeof entry.nonce).toBe('string');
    }
    // Its key is a session cookie: gone when the browser closes, and the entries unreadable with it.
    const keyCookie = (await context.cookies()).find((c) => c.name === 'msal.cache.encryption');
    expect(keyCookie, 'MSAL’s encryption-key cookie').toBeDefined();
    expect(keyCookie!.expires).toBe(-1);

    // No URL requested or visited (pages, frames, API, identity provider; fragments included) and no
    // console line holds a token.
    expect(watch.urls.length).toBeGreaterThan(0);
    expect(watch.visited.some((url) => url.includes('/redirect.html#'))).toBe(true);
    for (const part of parts) {
      for (const url of [...watch.urls, ...watch.visited]) expect(url).not.toContain(part);
      for (const line of watch.consoleText) expect(line).not.toContain(part);
    }
    for (const url of watch.visited)
      expect(url).not.toMatch(/[#?&](access_token|id_token|refresh_token)=/);
  });

  test('the app sends the user’s access token to the API and never an API key', async ({
    page,
  }) => {
    const watch = watchTokens(page);
    await signIn(page, '/integrations/halopsa?range=24h');
    await expect(page.getByText(/runs loaded\./)).toBeVisible();
    const accessTokens = new Set(
      (await watch.issued()).map((answer) => `Bearer ${answer.access_token}`),
    );
    const apiAuthorization = watch.requestHeaders
      .filter((_, i) => new URL(watch.urls[i]!).pathname.includes('/public-api/'))
      .map((headers) => headers.authorization);
    expect(apiAuthorization.length).toBeGreaterThan(0);
    // Every API request carries one of the access tokens the identity provider issued to this user.
    for (const authorization of apiAuthorization) expect(accessTokens).toContain(authorization);
    // No request anywhere carries a Neo API key, and the app's code and config do not hold the
    // stand-in's development key.
    for (const [i, headers] of watch.requestHeaders.entries()) {
      expect(watch.urls[i]).not.toMatch(/neo_sk_/);
      expect(JSON.stringify(headers)).not.toMatch(/neo_sk_/);
    }
    const served = watch.urls.filter(
      (url) =>
        new URL(url).origin === new URL(page.url()).origin &&
        /\.(js|json)$/.test(new URL(url).pathname),
    );
    expect(served.some((url) => url.endsWith('/config.json'))).toBe(true);
    for (const url of new Set(served))
      expect(await (await page.request.get(url)).text()).not.toContain(DEV_API_KEY);
  });

  test('the embedded widget keeps the host’s token in memory: not in its storage or a URL', async ({
    page,
  }) => {
    const widgetAuthorization = new Set<string>();
    const urls: string[] = [];
    page.on('request', (r) => {
      urls.push(r.url());
      const authorization = r.headers().authorization;
      if (r.url().includes('/public-api/') && r.frame().url().startsWith(E2E_APP_ORIGIN))
        if (authorization?.startsWith('Bearer ')) widgetAuthorization.add(authorization.slice(7));
    });
    await page.goto(`${E2E_DEMO_ORIGIN}/embed-demo.html`);
    await page.getByRole('button', { name: 'Sign in to the portal' }).click();
    await submitLogin(page, DEMO_USER.username, DEMO_USER.password);
    const widget = page.frameLocator('iframe[title="Sync Runs widget"]');
    await expect(widget.getByText(/runs loaded\./)).toBeVisible();
    // The widget's requests carried the host's token: the widget had it.
    expect(widgetAuthorization.size).toBeGreaterThan(0);
    const frame = page.frames().find((f) => f.url().startsWith(E2E_APP_ORIGIN));
    expect(frame).toBeDefined();
    const stored = await frame!.evaluate(() =>
      JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }),
    );
    for (const token of widgetAuthorization)
      for (const part of tokenParts(token)) {
        expect(stored).not.toContain(part);
        for (const url of urls) expect(url).not.toContain(part);
      }
  });

  test('the browser keeps only the documented keys, and no sign-in after sign-out', async ({
    page,
    context,
  }) => {
    await signIn(page, '/integrations/halopsa?range=24h');
    await expect(page.getByText(/runs loaded\./)).toBeVisible();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText(/^Saved “/)).toBeVisible();

    const stored = () =>
      page.evaluate(() => ({
        local: Object.keys(localStorage),
        session: Object.keys(sessionStorage),
      }));
    const documented = ['sync-runs.theme', 'sync-runs.view-defaults', 'sync-runs.saved-views'];
    const { local, session } = await stored();
    expect(local.filter((key) => !key.startsWith('msal.')).sort()).toEqual([...documented].sort());
    for (const key of session) expect(key).toMatch(/^(msal\.|sync-runs\.sent-times:)/);
    // Cookies ignore ports: the local identity provider's own (`_session`, `_interaction…`) share
    // the host name here, and are not the app's.
    const appCookies = (await context.cookies(page.url()))
      .map((cookie) => cookie.name)
      .filter((name) => !name.startsWith('_'));
    expect(appCookies).toContain('msal.cache.encryption');
    for (const name of appCookies)
      expect(['msal.cache.encryption', 'sync-runs.cache-key']).toContain(name);

    // Signing out removes the account and every token entry; the preferences stay.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    // The app shows "Sign in" before MSAL's logout redirect leaves for the identity provider and comes
    // back: read the storage once the page that came back has loaded.
    let after: Awaited<ReturnType<typeof stored>> | undefined;
    for (let attempt = 0; after === undefined; attempt += 1) {
      try {
        after = await stored();
      } catch (error) {
        if (attempt >= 3 || !/context was destroyed/.test(String(error))) throw error;
        await page.waitForLoadState();
        await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      }
    }
    expect(after.local.filter((key) => MSAL_CREDENTIAL.test(key))).toEqual([]);
    expect(after.local.filter((key) => /\|account\||\.account\.keys/.test(key))).toEqual([]);
    for (const key of documented) expect(after.local).toContain(key);
    const cookiesAfter = (await context.cookies(page.url())).map((cookie) => cookie.name);
    expect(cookiesAfter).not.toContain('sync-runs.cache-key');
  });
});

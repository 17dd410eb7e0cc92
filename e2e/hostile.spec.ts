// Hostile data and bad input: API text full of markup and script payloads is only ever text, copied
// evidence cannot become a spreadsheet formula, malformed deep links give a notice and a valid view,
// and tokens never reach local storage, the URL or the console.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  generate,
  HOSTILE_STRINGS,
  parseContract,
  seededRng,
  syncRunsResponseSchema,
} from '../src/test/contract/schema-instances.ts';
import { signIn } from './support/sign-in.ts';

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
  await signIn(page, '/no-such-page');
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
  await signIn(page, '/integrations/autotask');
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

test('tokens never reach local storage, the URL or the console', async ({ page }) => {
  const consoleText: string[] = [];
  page.on('console', (m) => consoleText.push(m.text()));
  const tokens = new Set<string>();
  page.on('request', (r) => {
    const authorization = r.headers().authorization;
    if (authorization?.startsWith('Bearer ')) tokens.add(authorization.slice(7));
  });
  await signIn(page, '/integrations/halopsa?range=24h');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  expect(tokens.size).toBeGreaterThan(0);
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  const url = page.url();
  for (const token of tokens) {
    expect(local).not.toContain(token);
    expect(url).not.toContain(token);
    for (const line of consoleText) expect(line).not.toContain(token);
  }
  // Nothing token-shaped (a JWT) is in local storage at all.
  expect(local).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./);
});

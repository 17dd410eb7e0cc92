// Faults injected by the stand-in's knobs: the page ends with every run of the window exactly once,
// says what it is doing, and never loops, floods or loses what it already loaded.
import type { Page } from '@playwright/test';
import { openSignedIn } from './support/sign-in.ts';
import { expect, test } from './support/test.ts';
import {
  pastWindow,
  standinCount,
  standinStats,
  useFaultyStandin,
  type FaultyStandin,
} from './support/faulty-standin.ts';

const loadedStatus = (page: Page) => page.getByRole('status').filter({ hasText: /runs loaded\./ });

async function loadedCount(page: Page): Promise<number> {
  const text = await loadedStatus(page).innerText();
  return Number(/([\d,]+) runs loaded/.exec(text)?.[1]?.replace(/,/g, ''));
}

/** Opens, signed in, an integration page with an absolute window, through a faulty stand-in. */
async function openThrough(page: Page, standin: FaultyStandin, days: number) {
  const window = pastWindow(days);
  await useFaultyStandin(page, standin);
  await openSignedIn(page, `/integrations/connectwise?${new URLSearchParams(window)}`);
  return window;
}

test('with 20% 500s and 10% 429s, every run arrives exactly once, within the rate limit', async ({
  page,
}) => {
  const window = await openThrough(page, 'errors', 14);
  await expect(loadedStatus(page)).toBeVisible({ timeout: 90_000 });
  expect(await loadedCount(page)).toBe(await standinCount('errors', 'connectwise', window));
  await expect(loadedStatus(page)).toContainText(/\d+ requests? (was|were) retried/);
  const stats = await standinStats('errors');
  expect(stats.injected.internalError).toBeGreaterThan(0);
  expect(stats.injected.rateLimited).toBeGreaterThan(0);
  // The client never ran the tenant out of its limit: every 429 it saw was injected.
  expect(stats.overLimit).toBe(0);
  await expect(page.getByText(/could not be read|Loading stopped/)).toHaveCount(0);
});

test('dropped connections and bodies cut off half-way are retried without losing a run', async ({
  page,
}) => {
  const window = await openThrough(page, 'connections', 30);
  await expect(loadedStatus(page)).toBeVisible({ timeout: 90_000 });
  expect(await loadedCount(page)).toBe(await standinCount('connections', 'connectwise', window));
  const stats = await standinStats('connections');
  expect(stats.dropped + stats.truncated).toBeGreaterThan(0);
  await expect(loadedStatus(page)).toContainText(/retried/);
});

test('a token that expires mid-walk is renewed silently and the walk goes on', async ({ page }) => {
  const window = await openThrough(page, 'expiringTokens', 30);
  await expect(loadedStatus(page)).toBeVisible({ timeout: 90_000 });
  expect(await loadedCount(page)).toBe(await standinCount('expiringTokens', 'connectwise', window));
  const stats = await standinStats('expiringTokens');
  expect(stats.injected.expiredToken).toBeGreaterThan(0);
  // No sign-in prompt: the renewal was silent.
  await expect(page.getByText(/session (has )?expired|sign in again/i)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('slow answers show the shell and progress, then the runs', async ({ page }) => {
  await openThrough(page, 'slow', 2);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/Loading|Loaded [\d,]+ runs…/).first()).toBeVisible();
  await expect(loadedStatus(page)).toBeVisible({ timeout: 45_000 });
});

for (const [standin, warning] of [
  ['repeat-cursor', /cursor it had already given/],
  ['missing-cursor', /sent no cursor/],
  ['empty-pages', /empty pages in a row/],
  ['stale-pages', /runs already received/],
] as const) {
  test(`paging that breaks (${standin}) stops with a warning, no loop and no duplicates`, async ({
    page,
  }) => {
    await openThrough(page, standin, 14);
    await expect(page.getByRole('alert').filter({ hasText: warning }).first()).toBeVisible({
      timeout: 30_000,
    });
    await page.waitForTimeout(1500);
    const before = (await standinStats(standin)).requests;
    await page.waitForTimeout(1500);
    // Nothing keeps asking (live refresh aside, which waits at least 15 s).
    expect((await standinStats(standin)).requests).toBe(before);
    const ids = await page
      .locator('tr[data-run-id]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-id')));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });
}

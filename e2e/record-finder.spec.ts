import type { Page } from '@playwright/test';
import { openSignedIn } from './support/sign-in.ts';
import { expect, test } from './support/test.ts';

async function ask(page: Page, activity: string, resource = '', created = '') {
  const panel = page.getByRole('region', { name: 'Where is my record?' });
  await panel.getByLabel('What did you create?').selectOption(activity);
  await panel.getByLabel(/In which resource or parent/).fill(resource);
  await panel.getByLabel(/^When/).fill(created);
  return panel.getByRole('status');
}

function localInput(msAgo: number) {
  const d = new Date(Date.now() - msAgo);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

test('answers "where is my record?" in plain words for each situation', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSignedIn(page, '/integrations/halopsa?range=7d');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();

  // A per-resource failure blocks records on that board.
  const blocked = await ask(page, 'PSA Metadata', 'Service Desk');
  await expect(blocked).toContainText('Blocked by a failure');
  await expect(blocked).toContainText('permission_denied');
  await expect(blocked).toContainText('What usually fixes it');

  // Failures are visible across runs without opening one, and filter the table.
  const signatures = page.getByRole('region', { name: /Failures across runs/ });
  // An absolute time with its zone, how long ago, and for how many runs.
  await expect(signatures).toContainText(
    /Still failing since \w{3} \d+, \d{4}, \d+:\d\d [AP]M [A-Z]\S* \(\d+ \w+ ago\), in \d+ runs/,
  );
  await signatures.getByRole('button', { name: 'Show these runs' }).first().click();
  await expect(page).toHaveURL(/sig=/);
  await expect(page.getByText(/Showing the \d+ runs where Ticket Types failed/)).toBeVisible();

  await page.goto('/integrations/connectwise?range=7d');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  await expect(await ask(page, 'PSA Contacts')).toContainText('Not synced yet');
  const covered = await ask(page, 'PSA Contacts', '', localInput(3 * 60 * 60_000));
  await expect(covered).toContainText('Should already be there');
  await page.getByRole('button', { name: 'Copy details for Neo support' }).click();
  const evidence = await page.evaluate(() => navigator.clipboard.readText());
  expect(evidence).toContain('Integration: connectwise');
  expect(evidence).toContain('Verdict: Should already be there');
  expect(evidence).toMatch(/temporal_workflow_id \S+/);
  expect(evidence).toMatch(/API request ids: [0-9a-f-]{36}/);

  await page.goto('/integrations/datto_rmm?range=7d');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  const stuck = await ask(page, 'RMM Devices');
  await expect(stuck).toContainText('Sync not running');
  await expect(stuck).toContainText('a previous sync is still running');

  await page.goto('/integrations/autotask');
  await expect(page.getByRole('region', { name: 'Where is my record?' })).toContainText(
    'Not connected for this tenant',
  );
});

test('freshness per activity and the learned cadence are on the page', async ({ page }) => {
  await openSignedIn(page, '/integrations/halopsa?range=7d');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  const freshness = page.getByRole('region', { name: 'Freshness by activity' });
  await expect(freshness.getByRole('row', { name: /PSA Metadata/ })).toContainText('days ago');
  await expect(page.getByText(/Runs about every/)).toContainText('30m');

  // The overview puts the worst first and shows each integration's stalest activity.
  await page.getByRole('link', { name: 'Integrations' }).click();
  const first = page.getByRole('article').first();
  await expect(first).toContainText(/Not running|Failing/);
  await expect(page.getByRole('article', { name: 'Hudu' })).toContainText('Healthy');
  await expect(page.getByRole('article', { name: 'HaloPSA' })).toContainText(
    /Fresh as of.*days ago \(stalest: PSA Metadata\)/,
  );
});

import { seriousViolations } from './support/axe.ts';
import { openSignedIn } from './support/sign-in.ts';
import { expect, test } from './support/test.ts';

function localInput(msAgo: number) {
  const d = new Date(Date.now() - msAgo);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

test('the overview calls silent and slow syncs Suspicious and draws every integration on one timeline', async ({
  page,
}) => {
  await openSignedIn(page);
  const servicenow = page.getByRole('article', { name: 'ServiceNow' });
  await expect(servicenow).toContainText('Suspicious');
  await expect(servicenow).toContainText(/PSA Contacts has found 0 records in each of the last/);
  const ncentral = page.getByRole('article', { name: 'N-able N-central' });
  await expect(ncentral).toContainText('Suspicious');
  await expect(ncentral).toContainText(/slower than usual/);
  await expect(page.getByRole('article', { name: 'ConnectWise PSA' })).toContainText('Healthy');

  const timeline = page.getByRole('region', { name: 'Sync timeline, last 7 days' });
  const lane = timeline.getByRole('application', { name: /^HaloPSA\./ });
  await expect(lane).toHaveAccessibleDescription(/^HaloPSA: \d+ runs, \d+ failed/);
  await expect(page.getByText(/Live · Updated/)).toBeVisible();

  // A failing period opens HaloPSA at that time, with its runs.
  await lane.locator('[data-status="FAILURE"]').last().click();
  await expect(page).toHaveURL(/\/integrations\/halopsa\?since=[^&]+&until=/);
  await expect(page.getByRole('heading', { level: 1, name: 'HaloPSA' })).toBeVisible();
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  await expect(page.getByText(/\d+ runs: .*\d+ failure/).first()).toBeVisible();
});

test('a sync that succeeds yet finds nothing: the finding, its runs, its trend and the record answer', async ({
  page,
}) => {
  await openSignedIn(page, '/integrations/servicenow?range=7d');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  const unusual = page.getByRole('region', { name: 'Unusual activity' });
  await expect(unusual).toContainText(
    /PSA Contacts has found 0 records in each of the last (\d+) runs since .+; it usually finds about 4,\d00\./,
  );
  const text = (await unusual.textContent()) ?? '';
  const streak = Number(/the last (\d+) runs/.exec(text)?.[1]);
  expect(streak).toBeGreaterThan(100);

  await unusual.getByRole('button', { name: 'Show these runs' }).click();
  await expect(page).toHaveURL(/anomaly=/);
  await expect(page.getByText(new RegExp(`Showing ${streak} of [\\d,]+ runs\\.`))).toBeVisible();

  const trends = page.getByRole('region', { name: 'Trends' });
  await expect(trends.getByRole('figure', { name: 'PSA Contacts' })).toHaveAccessibleDescription(
    /items seen usually .+ latest 0; .* Marked as unusual: PSA Contacts has found 0 records/,
  );
  await expect(trends.getByRole('figure', { name: 'PSA Companies' })).toHaveAccessibleDescription(
    /Nothing unusual marked\.$/,
  );
  await expect(trends.getByRole('figure', { name: 'Run duration' })).toBeVisible();

  const finder = page.getByRole('region', { name: 'Where is my record?' });
  await finder.getByLabel('What did you create?').selectOption('PSA Contacts');
  await finder.getByLabel(/^When/).fill(localInput(60 * 60_000));
  const answer = finder.getByRole('status');
  await expect(answer).toContainText('Sync runs but finds nothing');
  await expect(answer).not.toContainText('Should already be there');

  expect(await seriousViolations(page, 'main')).toEqual([]);
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveClass(/dark/);
  expect(await seriousViolations(page, 'main')).toEqual([]);
});

test('slower runs are said with their factor and shaded on the duration trend', async ({
  page,
}) => {
  await openSignedIn(page, '/integrations/n_central?range=7d');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Unusual activity' })).toContainText(
    /Runs take about \d+ min, \d+(\.\d)?× slower than usual \(1 min\), since /,
  );
  await expect(
    page.getByRole('region', { name: 'Trends' }).getByRole('figure', { name: 'Run duration' }),
  ).toHaveAccessibleDescription(/Marked as unusual: Runs take about/);
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

test('sign-in, overview and an integration page have no serious axe violations', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await signIn(page);
  await expect(
    page.getByRole('article', { name: 'ConnectWise PSA' }).getByText('Latest run'),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/integrations/halopsa?range=24h&run=');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  await page
    .getByRole('button', { name: /Details of run/ })
    .first()
    .click();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the chart and table work from the keyboard', async ({ page }) => {
  await signIn(page, '/integrations/itglue?range=24h');
  await expect(page.getByText(/runs loaded\./)).toBeVisible();
  const chart = page.getByRole('application', { name: /Run timeline/ });
  await chart.focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('tooltip')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/run=/);
  const selected = page.locator('tr[aria-selected="true"]');
  await expect(selected).toBeVisible();

  // Sort by duration with the keyboard.
  await page.getByRole('button', { name: /Duration/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('columnheader', { name: /Duration/ })).toHaveAttribute(
    'aria-sort',
    /ascending|descending/,
  );
});

// Signs a bench page in as the demo user through the local identity provider, as a person would.
import type { Page } from 'playwright-core';
import { DEMO_USER } from '../local-idp/settings.ts';

/** `timeoutMs`: how long the signed-in app may take to show (Playwright's 30 s by default). */
export async function signIn(page: Page, app: string, timeoutMs?: number) {
  await page.goto(`${app}/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(DEMO_USER.username);
  await page.getByLabel('Password').fill(DEMO_USER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: timeoutMs });
}

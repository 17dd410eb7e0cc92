// Signs in the way a person does: the app's button, then the identity provider's real login page.
import { expect, type Page } from '@playwright/test';
import { DEMO_USER } from '../../local-idp/settings.ts';

export async function submitLogin(page: Page, username: string, password: string) {
  await page.getByLabel('Email').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signIn(page: Page, path = '/') {
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/login\//);
  await submitLogin(page, DEMO_USER.username, DEMO_USER.password);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Opens `path` in a browser that starts signed in (the run's one sign-in) and checks it is. */
export async function openSignedIn(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

// The widget's token from its host lives in memory only: after the widget has shown runs with it,
// it is in no storage of the widget's frame (local, session, cookies, any IndexedDB record) and in
// no console line.
import type { Frame } from '@playwright/test';
import { DEMO_USER } from '../local-idp/settings.ts';
import { E2E_APP_ORIGIN, E2E_DEMO_ORIGIN } from '../scripts/e2e-ports.ts';
import { submitLogin } from './support/sign-in.ts';
import { expect, SIGNED_OUT, test } from './support/test.ts';

// The portal signs in with its own app registration.
test.use(SIGNED_OUT);

/** The whole token, and its first and last 40 characters (a token cut in two is still a leak). */
const tokenParts = (token: string) => [token, token.slice(0, 40), token.slice(-40)];

/** Everything the frame's storage holds, as text: keys, values, and every IndexedDB record. */
function storedText(frame: Frame) {
  return frame.evaluate(async () => {
    const latin1 = new TextDecoder('latin1');
    const text = async (value: unknown): Promise<string> => {
      if (value instanceof ArrayBuffer) return latin1.decode(value);
      if (ArrayBuffer.isView(value)) return latin1.decode(value);
      if (value instanceof Blob) return value.text();
      if (Array.isArray(value)) return (await Promise.all(value.map(text))).join('\n');
      if (typeof value === 'object' && value !== null) {
        const parts = await Promise.all(
          Object.entries(value).map(async ([k, v]) => `${k}=${await text(v)}`),
        );
        return `${Object.prototype.toString.call(value)} ${parts.join('\n')}`;
      }
      return String(value);
    };
    const request = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const databases: { name: string; records: number; text: string }[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(indexedDB.open(name));
      let records = 0;
      let dump = '';
      for (const store of Array.from(db.objectStoreNames)) {
        const tx = db.transaction(store, 'readonly');
        const keys = await request(tx.objectStore(store).getAllKeys());
        const values = await request(tx.objectStore(store).getAll());
        records += values.length;
        dump += `${store}\n${await text(keys)}\n${await text(values)}\n`;
      }
      db.close();
      databases.push({ name, records, text: dump });
    }
    return {
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
      databases,
    };
  });
}

test('the widget’s token from its host is in no storage, cookie, IndexedDB record or console line', async ({
  page,
  context,
}) => {
  const hostTokens = new Set<string>();
  page.on('request', (r) => {
    const authorization = r.headers().authorization;
    if (r.url().includes('/public-api/') && r.frame().url().startsWith(E2E_APP_ORIGIN))
      if (authorization?.startsWith('Bearer ')) hostTokens.add(authorization.slice(7));
  });
  // Console lines of the portal and of the widget's frame, and uncaught errors.
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('pageerror', (error) => consoleLines.push(`${error.message}\n${error.stack ?? ''}`));

  await page.goto(`${E2E_DEMO_ORIGIN}/embed-demo.html`);
  await page.getByRole('button', { name: 'Sign in to the portal' }).click();
  await submitLogin(page, DEMO_USER.username, DEMO_USER.password);
  const widget = page.frameLocator('iframe[title="Sync Runs widget"]');
  await expect(widget.getByText(/runs loaded\./)).toBeVisible();
  // The widget's requests carried the host's token (an Entra-shaped JWT): the widget had it.
  expect(hostTokens.size).toBeGreaterThan(0);
  for (const token of hostTokens) expect(token.split('.')).toHaveLength(3);
  const frame = page.frames().find((f) => f.url().startsWith(E2E_APP_ORIGIN));
  expect(frame).toBeDefined();

  // Wait until the widget has written what it keeps (the window's runs, encrypted): the IndexedDB
  // records checked below then exist, so the check is not of an empty database.
  await expect
    .poll(async () => (await storedText(frame!)).databases.reduce((n, db) => n + db.records, 0), {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);

  const stored = await storedText(frame!);
  const cookies = (await context.cookies(E2E_APP_ORIGIN))
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join('\n');
  const places: [string, string][] = [
    ['localStorage', stored.local],
    ['sessionStorage', stored.session],
    ['document.cookie', stored.cookie],
    ['cookies of the widget’s origin', cookies],
    ...stored.databases.map((db): [string, string] => [`IndexedDB ${db.name}`, db.text]),
    ['console', consoleLines.join('\n')],
  ];
  for (const token of hostTokens)
    for (const part of tokenParts(token))
      for (const [where, text] of places) expect(text.includes(part), where).toBe(false);
});

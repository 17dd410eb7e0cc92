// The widget listens for token messages only while it waits for one: a token posted when nobody asked,
// or the answer to an earlier request played back, is never used.
import { describe, expect, it, vi } from 'vitest';
import { createHostTokenSource } from './host-token';

const PORTAL = 'https://portal.example.com';

/** A JWT-shaped token (unsigned: only its shape and claims are read) for the user `name`. */
const b64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (name: string, claims: Record<string, unknown> = { oid: name, tid: 'tenant' }) =>
  `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.${name}-signature`;

function framedWindow() {
  const listeners = new Set<(event: MessageEvent) => void>();
  const parent = { postMessage: vi.fn() };
  const win = {
    parent,
    location: { ancestorOrigins: [PORTAL] },
    document: { referrer: '' },
    addEventListener: (_: string, fn: (event: MessageEvent) => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: (event: MessageEvent) => void) => listeners.delete(fn),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
  };
  const deliver = (data: unknown) =>
    listeners.forEach((fn) =>
      fn({ data, origin: PORTAL, source: parent } as unknown as MessageEvent),
    );
  const lastNonce = () =>
    (parent.postMessage.mock.calls.at(-1) as [{ nonce: string }, string])[0].nonce;
  return { win: win as unknown as Window, parent, deliver, lastNonce, listeners };
}

const tokenMessage = (nonce: string, accessToken: string) => ({
  type: 'sync-runs:token',
  version: 1,
  nonce,
  accessToken,
  expiresOn: Date.now() + 3_600_000,
});

describe('token messages outside a request', () => {
  it('are not listened to, so an unsolicited or replayed token is never used', async () => {
    const f = framedWindow();
    const source = createHostTokenSource({ allowedOrigins: [PORTAL], win: f.win, timeoutMs: 200 });
    // Nobody asked yet: no listener, and the token posted anyway is not kept.
    expect(f.listeners.size).toBe(0);
    f.deliver(tokenMessage('any', jwt('unsolicited')));

    const first = source.getAccessToken();
    expect(f.listeners.size).toBe(1);
    const firstNonce = f.lastNonce();
    f.deliver(tokenMessage(firstNonce, jwt('good')));
    await expect(first).resolves.toBe(jwt('good'));
    expect(f.listeners.size).toBe(0);

    // The answer to the first request, played back while the widget asks again after a 401.
    const renewed = source.getAccessToken({ forceRefresh: true });
    expect(f.lastNonce()).not.toBe(firstNonce);
    f.deliver(tokenMessage(firstNonce, jwt('replayed')));
    f.deliver(tokenMessage(f.lastNonce(), jwt('renewed')));
    await expect(renewed).resolves.toBe(jwt('renewed'));
    expect(source.ignoredMessages()).toEqual({ origin: 0, source: 0, shape: 0, nonce: 1 });
    await expect(source.getAccessToken()).resolves.toBe(jwt('renewed'));
  });
});

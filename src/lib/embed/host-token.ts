// Gets access tokens from the embedding page with postMessage: only to and from allowed origins,
// only from window.parent, only with the matching nonce, only JWT-shaped (never a neo_sk_ key).
// Tokens stay in memory.
import type { TokenRequest } from '@/lib/api/http-client';
import { expiryMs, parseHostMessage, PROTOCOL_VERSION, type TokenRequestMessage } from './protocol';

export type HostTokenOptions = {
  allowedOrigins: readonly string[];
  /** How long to wait for the host to answer. */
  timeoutMs?: number;
  /** Ask again this long before the token expires. */
  renewBeforeMs?: number;
  win?: Window;
};

export class HostTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostTokenError';
  }
}

/** The parent's origin if the browser tells it and it is allowed; otherwise null. */
export function parentOrigin(win: Window, allowed: readonly string[]): string | null {
  const fromAncestors = win.location.ancestorOrigins?.[0];
  if (fromAncestors) return allowed.includes(fromAncestors) ? fromAncestors : null;
  try {
    const referrer = win.document.referrer ? new URL(win.document.referrer).origin : null;
    return referrer && allowed.includes(referrer) ? referrer : null;
  } catch {
    return null;
  }
}

function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export type IgnoredMessages = { origin: number; source: number; shape: number; nonce: number };

export function createHostTokenSource(options: HostTokenOptions) {
  const win = options.win ?? window;
  const timeoutMs = options.timeoutMs ?? 4000;
  const renewBeforeMs = options.renewBeforeMs ?? 120_000;
  let cached: { token: string; expiresAt: number } | null = null;
  let inflight: Promise<string> | null = null;
  // Messages that arrived while waiting for a token but were not the host's answer, by why.
  const ignored: IgnoredMessages = { origin: 0, source: 0, shape: 0, nonce: 0 };

  function request(reason: TokenRequestMessage['reason']): Promise<string> {
    if (win.parent === win)
      return Promise.reject(new HostTokenError('The dashboard is not embedded.'));
    if (options.allowedOrigins.length === 0)
      return Promise.reject(
        new HostTokenError('No embedding origins are allowed (embed.allowedParentOrigins).'),
      );
    const known = parentOrigin(win, options.allowedOrigins);
    const ancestors = win.location.ancestorOrigins;
    if (!known && ancestors && ancestors.length > 0)
      return Promise.reject(
        new HostTokenError(`The embedding page (${ancestors[0]}) is not an allowed origin.`),
      );
    // Without a known parent origin, post to each allowed origin: the browser delivers at most the right one.
    const targets = known ? [known] : [...options.allowedOrigins];
    const nonce = newNonce();
    return new Promise<string>((resolve, reject) => {
      const timer = win.setTimeout(() => {
        win.removeEventListener('message', onMessage);
        reject(new HostTokenError('The embedding page did not answer the token request.'));
      }, timeoutMs);
      function onMessage(event: MessageEvent) {
        const why =
          event.source !== win.parent
            ? 'source'
            : !targets.includes(event.origin)
              ? 'origin'
              : undefined;
        const message = why ? null : parseHostMessage(event.data);
        const reason = why ?? (!message ? 'shape' : message.nonce !== nonce ? 'nonce' : undefined);
        if (reason || !message) {
          ignored[reason ?? 'shape'] += 1;
          return;
        }
        win.clearTimeout(timer);
        win.removeEventListener('message', onMessage);
        if (message.type === 'sync-runs:token-error') {
          reject(new HostTokenError(message.message));
          return;
        }
        const problem = hostTokenProblem(message.accessToken);
        if (problem) {
          // Not kept, never sent: the portal's developer reads why in the widget.
          reject(new HostTokenError(problem));
          return;
        }
        const expiresAt = expiryMs(message.expiresOn) ?? Date.now() + 5 * 60_000;
        cached = { token: message.accessToken, expiresAt };
        resolve(message.accessToken);
      }
      win.addEventListener('message', onMessage);
      const outgoing: TokenRequestMessage = {
        type: 'sync-runs:token-request',
        version: PROTOCOL_VERSION,
        nonce,
        reason,
      };
      for (const origin of targets) win.parent.postMessage(outgoing, origin);
    });
  }

  return {
    getAccessToken({ forceRefresh = false }: TokenRequest = {}): Promise<string> {
      const now = Date.now();
      if (!forceRefresh && cached && cached.expiresAt - renewBeforeMs > now)
        return Promise.resolve(cached.token);
      if (inflight) return inflight;
      const reason = forceRefresh ? 'unauthorized' : cached ? 'expiring' : 'initial';
      inflight = request(reason).finally(() => {
        inflight = null;
      });
      return inflight;
    },
    clear() {
      cached = null;
    },
    /** Counts of messages ignored so far: from another origin or window, malformed, wrong nonce. */
    ignoredMessages(): IgnoredMessages {
      return { ...ignored };
    },
  };
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function jsonSegment(segment: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(atob(segment.replace(/-/g, '+').replace(/_/g, '/'))) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** A token's claims if it is JWT-shaped (base64url JSON header and payload, then a signature). */
function jwtClaims(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return null;
  return jsonSegment(parts[0]!) && jsonSegment(parts[1]!);
}

/**
 * Why the widget refuses what the host handed it, for the portal's developer; null when it is an
 * access token (JWT-shaped). A Neo API key is refused outright: it must never reach a browser.
 * The message never repeats the value.
 */
export function hostTokenProblem(token: string): string | null {
  if (/^\s*neo_sk_/i.test(token))
    return (
      'The portal handed the widget a Neo API key (neo_sk_…). API keys are for servers only and ' +
      'must never reach a browser: revoke this key, and hand the widget the signed-in user’s ' +
      'Microsoft Entra access token for the Neo API instead.'
    );
  if (!jwtClaims(token))
    return (
      'The portal handed the widget something that is not an access token (a JWT: ' +
      'header.payload.signature). Hand it the signed-in user’s Microsoft Entra access token for ' +
      'the Neo API.'
    );
  return null;
}

/**
 * The account a token is for (`<oid>.<tid>`, as MSAL's home account id), which owns the kept runs
 * and scopes the query cache; not for trusting anything. Null without both claims: such a token
 * keeps nothing.
 */
export function accountIdFromToken(token: string): string | null {
  const claims = jwtClaims(token);
  const oid = claims?.oid;
  const tid = claims?.tid;
  return typeof oid === 'string' && oid !== '' && typeof tid === 'string' && tid !== ''
    ? `${oid}.${tid}`
    : null;
}

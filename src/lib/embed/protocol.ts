// The postMessage protocol between the embedded widget and its host page (documented in the README).

export const PROTOCOL_VERSION = 1;

/** Widget → host: please send an access token for the Neo API. */
export type TokenRequestMessage = {
  type: 'sync-runs:token-request';
  version: typeof PROTOCOL_VERSION;
  nonce: string;
  reason: 'initial' | 'expiring' | 'unauthorized';
};

/** Host → widget: the token (for the Neo API audience only), echoing the request's nonce. */
export type TokenResponseMessage = {
  type: 'sync-runs:token';
  version: typeof PROTOCOL_VERSION;
  nonce: string;
  accessToken: string;
  /** Expiry as epoch milliseconds or an ISO-8601 string. */
  expiresOn: number | string;
};

/** Host → widget: the host cannot provide a token (the widget then offers its own sign-in). */
export type TokenErrorMessage = {
  type: 'sync-runs:token-error';
  version: typeof PROTOCOL_VERSION;
  nonce: string;
  message: string;
};

/** Widget → host: the widget's content height in CSS pixels, whenever it changes. */
export type ResizeMessage = {
  type: 'sync-runs:resize';
  version: typeof PROTOCOL_VERSION;
  height: number;
};

export type HostMessage = TokenResponseMessage | TokenErrorMessage;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Validates a message from the host; anything else is ignored. */
export function parseHostMessage(data: unknown): HostMessage | null {
  if (!isRecord(data) || typeof data.nonce !== 'string') return null;
  if (data.type === 'sync-runs:token') {
    const expires = data.expiresOn;
    if (typeof data.accessToken !== 'string' || data.accessToken.length === 0) return null;
    if (typeof expires !== 'number' && typeof expires !== 'string') return null;
    return {
      type: data.type,
      version: PROTOCOL_VERSION,
      nonce: data.nonce,
      accessToken: data.accessToken,
      expiresOn: expires,
    };
  }
  if (data.type === 'sync-runs:token-error') {
    return {
      type: data.type,
      version: PROTOCOL_VERSION,
      nonce: data.nonce,
      message:
        typeof data.message === 'string' ? data.message : 'The host could not provide a token.',
    };
  }
  return null;
}

export function expiryMs(expiresOn: number | string): number | null {
  const ms = typeof expiresOn === 'number' ? expiresOn : Date.parse(expiresOn);
  return Number.isFinite(ms) ? ms : null;
}

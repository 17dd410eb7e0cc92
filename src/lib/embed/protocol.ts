// The postMessage protocol between the embedded widget and its host page (documented in docs/embedding.md).
import { parsePreference, type ThemePreference } from '@/lib/theme/theme';

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

/** Host → widget, at any time: follow the portal's theme without reloading the frame. */
export type ThemeMessage = {
  type: 'sync-runs:theme';
  version: typeof PROTOCOL_VERSION;
  theme: ThemePreference;
};

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

/** Validates a theme message from the host; anything else is null. */
export function parseThemeMessage(data: unknown): ThemeMessage | null {
  if (!isRecord(data) || data.type !== 'sync-runs:theme') return null;
  const theme = parsePreference(data.theme);
  return theme ? { type: data.type, version: PROTOCOL_VERSION, theme } : null;
}

export function expiryMs(expiresOn: number | string): number | null {
  const ms = typeof expiresOn === 'number' ? expiresOn : Date.parse(expiresOn);
  return Number.isFinite(ms) ? ms : null;
}

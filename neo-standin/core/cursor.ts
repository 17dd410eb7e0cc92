// The opaque page cursor: base64url JSON of the pinned window, the keyset of the last run sent and
// the page size, with a keyed checksum so an edited or foreign cursor is refused (400 invalid_cursor).
import { hashString } from './random.ts';
import type { Keyset } from './run-feed.ts';

export type CursorState = {
  name: string;
  since: number;
  until: number;
  after: Keyset;
  pageSize: number;
};

export type CursorResult = { ok: true; state: CursorState } | { ok: false; reason: string };

const VERSION = 1;
const MAX_LENGTH = 1024;

function checksum(payload: string, secret: string): string {
  return hashString(`${secret}\u0000${payload}`).toString(36);
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function encodeCursor(state: CursorState, secret: string): string {
  const fields = [
    VERSION,
    state.name,
    state.since,
    state.until,
    state.after.t,
    state.after.id,
    state.pageSize,
  ];
  return toBase64Url(JSON.stringify([...fields, checksum(JSON.stringify(fields), secret)]));
}

const isInt = (v: unknown): v is number => Number.isSafeInteger(v);

export function decodeCursor(raw: string, secret: string): CursorResult {
  const bad = (reason: string): CursorResult => ({ ok: false, reason });
  if (raw.length > MAX_LENGTH) return bad('it is too long');
  const text = fromBase64Url(raw);
  if (text === null) return bad('it is not base64url');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return bad('it is malformed');
  }
  if (!Array.isArray(parsed) || parsed.length !== 8) return bad('it is malformed');
  const fields: unknown[] = parsed.slice(0, 7);
  if (parsed[7] !== checksum(JSON.stringify(fields), secret))
    return bad('its checksum does not match');
  if (fields[0] !== VERSION) return bad('it is from another version');
  const [, name, since, until, t, id, pageSize] = fields;
  if (typeof name !== 'string' || typeof id !== 'string') return bad('it is malformed');
  if (!isInt(since) || !isInt(until) || !isInt(t) || !isInt(pageSize))
    return bad('it is malformed');
  return { ok: true, state: { name, since, until, after: { t, id }, pageSize } };
}

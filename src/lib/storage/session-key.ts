// An AES-GCM key that lives only as long as the browser session: its bytes are in a session cookie
// (no expiry, so the browser drops it when it closes), as MSAL keeps the key of its token cache.
// Whatever was encrypted with it cannot be read once the browser has closed. The cookie's name and
// attributes (`__Host-` over https, SameSite=Strict at the top level, Partitioned in a portal's
// frame) are browser-storage.ts's: SECURITY.md, "Runs kept between visits".
import { browserStorage, type CookieJar } from './browser-storage';

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const raw = atob(decodeURIComponent(text));
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
    return bytes.length === 32 ? bytes : null;
  } catch {
    return null;
  }
}

/** The session's key, made on first use when `create`; null where cookies or crypto are refused. */
export async function sessionKey(
  name: string,
  create: boolean,
  cookies: CookieJar = browserStorage.cookies,
): Promise<CryptoKey | null> {
  if (!globalThis.crypto?.subtle) return null;
  let bytes = fromBase64(cookies.read(name) ?? '');
  if (!bytes) {
    if (!create) return null;
    bytes = crypto.getRandomValues(new Uint8Array(32));
    if (!cookies.write(name, encodeURIComponent(toBase64(bytes)))) return null;
  }
  return crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export function forgetSessionKey(name: string, cookies: CookieJar = browserStorage.cookies): void {
  cookies.remove(name);
}

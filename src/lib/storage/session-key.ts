// An AES-GCM key that lives only as long as the browser session: its bytes are in a session cookie
// (no expiry, so the browser drops it when it closes), as MSAL keeps the key of its token cache.
// Whatever was encrypted with it cannot be read once the browser has closed.

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

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

/** The session's key, made on first use when `create`; null where cookies or crypto are missing. */
export async function sessionKey(name: string, create: boolean): Promise<CryptoKey | null> {
  if (typeof document === 'undefined' || !globalThis.crypto?.subtle) return null;
  let bytes = fromBase64(readCookie(name) ?? '');
  if (!bytes) {
    if (!create) return null;
    bytes = crypto.getRandomValues(new Uint8Array(32));
    // Secure and SameSite=None as MSAL's own (a widget in a portal's frame), Partitioned so a
    // browser that blocks third-party cookies keeps it per portal.
    document.cookie = `${name}=${encodeURIComponent(toBase64(bytes))}; path=/; Secure; SameSite=None; Partitioned`;
    const written = fromBase64(readCookie(name) ?? '');
    if (!written) return null;
  }
  return crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export function forgetSessionKey(name: string): void {
  if (typeof document === 'undefined') return;
  document.cookie = `${name}=; path=/; Max-Age=0; Secure; SameSite=None; Partitioned`;
}

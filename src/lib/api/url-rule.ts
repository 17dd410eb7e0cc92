// Which URLs a credential may travel to, for every runtime (browser, production server, watcher):
// https://, or plain http:// only to this machine, and never with a user name or password inside
// the URL (where logs, referrers and error reports would carry it). Parsed with URL, never matched
// by a pattern: `http://localhost:x@evil.example/` is a URL to evil.example.

/** Hosts that may be reached over plain http. `URL.hostname` keeps IPv6 brackets: `[::1]`. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

export const HTTPS_OR_LOOPBACK_MESSAGE =
  'must be an https:// URL (http:// is allowed only for localhost, 127.0.0.1 and [::1])';

export const CREDENTIALS_IN_URL_MESSAGE =
  'must not carry a user name or password (credentials come from their own settings)';

export const NOT_A_URL_MESSAGE = 'is not a URL';

/** A host name as `URL.hostname` gives it (IPv6 in brackets) is this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.includes(hostname.toLowerCase());
}

/** Why `value` is not a URL a credential may be sent to, or null when it is. */
export function httpsOrLoopbackProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return NOT_A_URL_MESSAGE;
  }
  if (url.username !== '' || url.password !== '') return CREDENTIALS_IN_URL_MESSAGE;
  if (url.protocol === 'https:') return null;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname)
    ? null
    : HTTPS_OR_LOOPBACK_MESSAGE;
}

/** The rule for every URL the app is pointed at: https://, or http:// only for a loopback host. */
export function isHttpsOrLoopbackUrl(value: string): boolean {
  return httpsOrLoopbackProblem(value) === null;
}

// Detects an identity provider that cannot be reached or whose certificate the browser does not trust.

export type AuthorityStatus =
  { reachable: true } | { reachable: false; origin: string; isLocal: boolean };

export function discoveryUrl(authority: string): string {
  const trimmed = authority.replace(/\/+$/, '');
  // AAD protocol mode appends /v2.0 to the authority, exactly as MSAL does.
  const issuer = trimmed.endsWith('/v2.0') ? trimmed : `${trimmed}/v2.0`;
  return `${issuer}/.well-known/openid-configuration`;
}

export function isLocalHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * A browser reports both "server down" and "certificate not trusted" as a bare network error,
 * so one failed fetch of the discovery document stands for both.
 */
export async function checkAuthority(
  authority: string,
  doFetch: typeof fetch = (input, init) => fetch(input, init),
): Promise<AuthorityStatus> {
  const url = new URL(discoveryUrl(authority));
  try {
    const response = await doFetch(url.toString(), { cache: 'no-store', credentials: 'omit' });
    if (response.ok) return { reachable: true };
  } catch {
    // handled below
  }
  return { reachable: false, origin: url.origin, isLocal: isLocalHost(url.hostname) };
}

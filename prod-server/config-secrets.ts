// config.json is public: every browser that opens the dashboard reads it. A credential put in it
// (a Neo API key above all, which must never reach a browser) stops the server at start-up.
import { isSecretKey, looksSecret } from './logging.ts';

/**
 * Where a config.json value holds a credential: a field named like one (apiKey, clientSecret,
 * token, password…) or a value shaped like one (neo_sk_…, a JWT, Bearer …). Paths as `a.b.0`.
 */
export function credentialsIn(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return looksSecret(value) ? [path.join('.') || '(root)'] : [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => credentialsIn(item, [...path, `${i}`]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    isSecretKey(key) && key !== 'q'
      ? [[...path, key].join('.')]
      : credentialsIn(item, [...path, key]),
  );
}

/** One problem per credential found, naming where it is and what to do. */
export function credentialProblems(value: unknown, source: (path: string) => string): string[] {
  return credentialsIn(value).map(
    (path) =>
      `${source(path)}: config.json is served to every browser, so it must hold no credential ` +
      '(a Neo API key, a token, a secret). Remove it; revoke a Neo API key that was put there.',
  );
}

// The one API route the proxy relays (contract/: GET /public-api/integrations/{name}/sync-runs),
// matched segment by segment on the still-encoded path and rebuilt in its normal spelling.

export type ApiRoute =
  | { ok: true; /** The normalised path to relay, `{name}` percent-encoded whole. */ path: string }
  | { ok: false; status: 400 | 404 };

// C0 controls and DEL, in a decoded segment.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Checks the path below the base path (starting with `/public-api`, still percent-encoded).
 * 400 for anything that could step elsewhere once decoded by a server on the way: `.`/`..` in
 * any spelling, encoded `/` or `\`, raw backslashes, empty segments (`//`), control characters,
 * malformed escapes. 404 for a well-formed path that is not the sync-runs route.
 * Never uses WHATWG URL parsing, which would silently resolve `..`.
 */
export function syncRunsRoute(encodedPath: string): ApiRoute {
  if (encodedPath.includes('\\')) return { ok: false, status: 400 };
  const raw = encodedPath.split('/').slice(1);
  const segments: string[] = [];
  for (const [index, segment] of raw.entries()) {
    if (segment === '') {
      if (index === raw.length - 1) continue; // a trailing slash: not the route, but harmless
      return { ok: false, status: 400 };
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { ok: false, status: 400 };
    }
    if (decoded === '.' || decoded === '..' || /[/\\]/.test(decoded) || CONTROL.test(decoded)) {
      return { ok: false, status: 400 };
    }
    segments.push(decoded);
  }
  const trailingSlash = raw.at(-1) === '';
  const [api, integrations, name, runs, ...more] = segments;
  if (
    trailingSlash ||
    more.length > 0 ||
    api !== 'public-api' ||
    integrations !== 'integrations' ||
    !name ||
    runs !== 'sync-runs'
  ) {
    return { ok: false, status: 404 };
  }
  return { ok: true, path: `/public-api/integrations/${encodeURIComponent(name)}/sync-runs` };
}

// Azure Static Web Apps' `staticwebapp.config.json` for the built app, made from the production
// server's own header and caching code, so a static host and `npm run serve` cannot drift apart.
// Pure: scripts/static-host-config.ts reads the environment and writes the files.
import type { ServerConfig } from './config.ts';
import { CONFIG_JSON_CACHE_CONTROL, configJsonText } from './config-json.ts';
import { TYPES } from './content-types.ts';
import { securityHeaders } from './csp.ts';
import { FILE_CACHE_CONTROL } from './static.ts';

/** The documented keys of staticwebapp.config.json that this file uses. */
export type StaticWebAppConfig = {
  navigationFallback: { rewrite: string; exclude: string[] };
  globalHeaders: Record<string, string>;
  routes: { route: string; headers?: Record<string, string>; statusCode?: number }[];
};

export class StaticHostConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StaticHostConfigError';
  }
}

/**
 * A static host has no API proxy and no per-request config.json: the browser must be told where
 * the API is (which also puts it into the CSP's connect-src). The app is served at the site's root.
 */
function apiBaseUrlOf(config: ServerConfig): string {
  if (config.basePath !== '/') {
    throw new StaticHostConfigError(
      `BASE_PATH must be / for a static web app (it serves dist/ at the site's root), got "${config.basePath}".`,
    );
  }
  if (config.proxy.enabled || config.apiBaseUrl === null) {
    throw new StaticHostConfigError(
      'A static host cannot proxy the API: leave SYNC_RUNS_PROXY_API unset and set SYNC_RUNS_API_BASE_URL (or apiBaseUrl in SYNC_RUNS_CONFIG_FILE).',
    );
  }
  return config.apiBaseUrl;
}

/**
 * The Azure Static Web Apps configuration that answers like `npm run serve` with `config`:
 * - globalHeaders: the server's security headers as sent over HTTPS (a static web app is served
 *   only over HTTPS), and the server's Cache-Control for files that are not hashed assets;
 * - routes (first match wins; a route's headers override the global ones): source maps 404 unless
 *   SYNC_RUNS_SERVE_SOURCEMAPS=1, `assets/*` immutable, config.json never stored, index.html as
 *   any other file;
 * - navigationFallback: deep links get index.html; assets, config.json, the sign-in pages and
 *   anything with a known file extension that is missing stay 404, as on the server.
 */
export function staticWebAppConfig(config: ServerConfig): StaticWebAppConfig {
  apiBaseUrlOf(config);
  const extensions = Object.keys(TYPES).map((ext) => ext.slice(1));
  const routes: StaticWebAppConfig['routes'] = [];
  if (!config.serveSourceMaps) routes.push({ route: '/*.map', statusCode: 404 });
  routes.push(
    { route: '/assets/*', headers: { 'Cache-Control': FILE_CACHE_CONTROL.asset } },
    { route: '/config.json', headers: { 'Cache-Control': CONFIG_JSON_CACHE_CONTROL } },
    // Also matches `/` itself (index.html is the default file).
    { route: '/index.html', headers: { 'Cache-Control': FILE_CACHE_CONTROL.other } },
  );
  return {
    navigationFallback: {
      rewrite: '/index.html',
      exclude: [
        '/assets/*',
        '/config.json',
        '/redirect.html',
        '/popup-relay.html',
        `/*.{${extensions.join(',')}}`,
      ],
    },
    globalHeaders: {
      ...securityHeaders(config, true),
      'Cache-Control': FILE_CACHE_CONTROL.other,
    },
    routes,
  };
}

/** The files to put at the root of the deployed folder, by name, as text. */
export function staticHostFiles(config: ServerConfig): Record<string, string> {
  return {
    'staticwebapp.config.json': `${JSON.stringify(staticWebAppConfig(config), null, 2)}\n`,
    // The same settings as the CSP above was made from, so connect-src allows what the app calls.
    'config.json': configJsonText(config, apiBaseUrlOf(config)),
  };
}

// Entry point of `npm run serve`: validate the environment, start the server, print where it is.
import { loadServerConfig, ServerConfigError, type ServerConfig } from './config.ts';
import { buildCsp } from './csp.ts';
import { inspectDist } from './dist-check.ts';
import { startProdServer } from './server.ts';

function describe(config: ServerConfig): string[] {
  const { app, proxy } = config;
  return [
    `  DIST_DIR        ${config.distDir}`,
    `  BASE_PATH       ${config.basePath}`,
    `  config.json     ${config.configFile ? `file ${config.configFile.path}` : 'from SYNC_RUNS_* variables'}`,
    `  apiBaseUrl      ${config.apiBaseUrl ?? '(this server\u2019s own origin; the browser calls /public-api/* here)'}`,
    `  API proxy       ${proxy.enabled ? `on → ${proxy.upstream} (timeout ${proxy.timeoutMs} ms)` : 'off'}`,
    `  trust proxy     ${config.trustProxy ? 'on: X-Forwarded-For/-Host/-Proto are believed' : 'off: X-Forwarded-* ignored'}`,
    `  source maps     ${config.serveSourceMaps ? 'served' : 'not served (404)'}`,
    `  connections     at most ${config.maxConnections}; shutdown delay ${config.shutdownDelayMs} ms`,
    `  clientId        ${app.auth.clientId}`,
    `  authority       ${app.auth.authority}`,
    `  knownAuthorities ${app.auth.knownAuthorities.join(', ') || '(none)'}`,
    `  scopes          ${app.auth.scopes.join(', ')}`,
    `  integrations    ${app.integrations.map((i) => (typeof i === 'string' ? i : i.name)).join(', ')}`,
    `  embed origins   ${app.embed.allowedParentOrigins.join(', ') || '(none: same origin only)'}`,
    `  CSP             ${buildCsp(config)}`,
  ];
}

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = loadServerConfig();
  } catch (error) {
    if (error instanceof ServerConfigError) {
      console.error(`sync-runs prod-server: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const { url } = await startProdServer(config);
  const lines = [`Sync Runs is being served at ${url}`, ...describe(config)];
  for (const warning of [...config.warnings, ...inspectDist(config)])
    lines.push(`  warning: ${warning}`);
  console.error(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(
    'sync-runs prod-server failed to start:',
    error instanceof Error ? error.message : error,
  );
  process.exit(1);
});

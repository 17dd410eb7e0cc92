// The end-to-end stack: local identity provider, Neo API stand-in, `vite preview` of dist/, the
// embed demo host, and the production server over the same build.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { API_SCOPE, DASHBOARD_CLIENT_ID, idpAuthority } from '../local-idp/settings.ts';
import { loadServerConfig } from '../prod-server/config.ts';
import { startProdServer } from '../prod-server/server.ts';
import {
  E2E_APP_PORT,
  E2E_DEMO_ORIGIN,
  E2E_DEMO_PORT,
  E2E_FAULTY_STANDINS,
  E2E_IDP_PORT,
  E2E_PROD_ORIGIN,
  E2E_PROD_PORT,
  E2E_STANDIN_PORT,
  e2eBuildEnv,
} from './e2e-ports.ts';
import { DEMO_INTEGRATIONS } from './local-stack-config.ts';
import { appOrigins, startLocalStack } from './local-stack.ts';
import { startStandin } from '../neo-standin/server.ts';
import type { StandinConfig } from '../neo-standin/config.ts';

process.env.IDP_PORT = String(E2E_IDP_PORT);
process.env.STANDIN_PORT = String(E2E_STANDIN_PORT);

if (!existsSync('dist/embed-demo.html')) {
  const build = spawnSync('npx vite build --logLevel warn', {
    stdio: 'inherit',
    shell: true,
    env: { ...process.env, ...e2eBuildEnv() },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const stack = await startLocalStack({
  idpPort: E2E_IDP_PORT,
  standinPort: E2E_STANDIN_PORT,
  appPort: E2E_APP_PORT,
  demoPort: E2E_DEMO_PORT,
  app: 'preview',
  extraAppOrigins: [E2E_PROD_ORIGIN],
});

// Stand-ins with faults turned on: the same demo tenant, accepting the same tokens and origins.
const FAULTS: Record<keyof typeof E2E_FAULTY_STANDINS, Partial<StandinConfig>> = {
  errors: { fault5xxRate: 0.2, fault429Rate: 0.1, rateLimit: 120 },
  connections: { faultDropRate: 0.15, faultTruncateRate: 0.15 },
  expiringTokens: { tokenExpiresAfter: 5 },
  slow: { latencyMs: 2500 },
  'repeat-cursor': { pagingFault: 'repeat-cursor' },
  'missing-cursor': { pagingFault: 'missing-cursor' },
  'empty-pages': { pagingFault: 'empty-pages' },
  'stale-pages': { pagingFault: 'stale-pages' },
};
const faulty = await Promise.all(
  (Object.keys(FAULTS) as (keyof typeof FAULTS)[]).map((name) =>
    startStandin({
      ...FAULTS[name],
      port: E2E_FAULTY_STANDINS[name],
      idpPort: E2E_IDP_PORT,
      corsOrigins: appOrigins(E2E_APP_PORT),
    }),
  ),
);

// The production server over the same build: CSP on every response, API proxied to the stand-in.
const prod = await startProdServer(
  loadServerConfig({
    PORT: String(E2E_PROD_PORT),
    HOST: '127.0.0.1',
    SYNC_RUNS_PROXY_API: '1',
    SYNC_RUNS_UPSTREAM_API: stack.standin.url,
    SYNC_RUNS_CLIENT_ID: DASHBOARD_CLIENT_ID,
    SYNC_RUNS_AUTHORITY: idpAuthority(E2E_IDP_PORT),
    SYNC_RUNS_KNOWN_AUTHORITIES: `localhost:${E2E_IDP_PORT}`,
    SYNC_RUNS_SCOPES: API_SCOPE,
    SYNC_RUNS_INTEGRATIONS: DEMO_INTEGRATIONS.join(','),
    SYNC_RUNS_EMBED_ORIGINS: E2E_DEMO_ORIGIN,
  }),
  { log: () => {}, handleSignals: false },
);
process.once('SIGTERM', () => {
  void prod.close();
  for (const standin of faulty) void standin.close();
});
console.log(`e2e stack ready: ${stack.appUrl}`);

// The dashboard's config.json for the local stack (stand-in API + local identity provider).
import {
  API_SCOPE,
  DASHBOARD_CLIENT_ID,
  DEFAULT_IDP_PORT,
  idpAuthority,
} from '../local-idp/settings.ts';
import { KNOWN_INTEGRATIONS } from '../src/lib/integrations/catalog.ts';

export const DEFAULT_STANDIN_PORT = 8787;

/** Integrations the demo tenant shows, in display order (the API cannot list them). */
export const DEMO_INTEGRATIONS = [
  'connectwise',
  'halopsa',
  'ninjaone',
  'datto_rmm',
  'itglue',
  'hudu',
  'servicenow',
  'n_central',
  'autotask',
  'm365',
];

/** The busy tenant (STANDIN_EVERY_INTEGRATION_SYNCS=true) shows every known integration. */
function integrationsShown(env: NodeJS.ProcessEnv) {
  return env.STANDIN_EVERY_INTEGRATION_SYNCS === 'true'
    ? Object.keys(KNOWN_INTEGRATIONS)
    : DEMO_INTEGRATIONS;
}

export function localStackConfig(env: NodeJS.ProcessEnv = process.env) {
  const idpPort = Number(env.IDP_PORT ?? DEFAULT_IDP_PORT);
  const standinPort = Number(env.STANDIN_PORT ?? DEFAULT_STANDIN_PORT);
  return {
    apiBaseUrl: `http://127.0.0.1:${standinPort}`,
    auth: {
      clientId: DASHBOARD_CLIENT_ID,
      authority: idpAuthority(idpPort),
      knownAuthorities: [`localhost:${idpPort}`],
      scopes: [API_SCOPE],
    },
    integrations: integrationsShown(env),
    // The embed demo host runs on 127.0.0.1 (another site than localhost), as a real portal would.
    embed: { allowedParentOrigins: [env.EMBED_DEMO_ORIGIN ?? 'http://127.0.0.1:5174'] },
    // The benchmark switches this to 1 to measure the one-cursor-chain baseline.
    fetch: { maxParallelSlices: Number(env.SYNC_RUNS_PARALLEL_SLICES ?? 6) },
    // Off by default (there is no Temporal Web UI locally): set it to see workflow ids as links.
    ...(env.SYNC_RUNS_TEMPORAL_UI_URL ? { temporalUiUrl: env.SYNC_RUNS_TEMPORAL_UI_URL } : {}),
  };
}

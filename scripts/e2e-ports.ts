// Ports of the end-to-end stack: different from `npm start`'s so both can run at once.
export const E2E_IDP_PORT = 9443;
export const E2E_STANDIN_PORT = 9787;
export const E2E_APP_PORT = 4173;
export const E2E_APP_ORIGIN = `http://localhost:${E2E_APP_PORT}`;
export const E2E_DEMO_PORT = 4174;
/** The production server (npm run serve) over the same build, proxying the API to the stand-in. */
export const E2E_PROD_PORT = 4175;
export const E2E_PROD_ORIGIN = `http://localhost:${E2E_PROD_PORT}`;
export const E2E_DEMO_ORIGIN = `http://127.0.0.1:${E2E_DEMO_PORT}`;

/** Stand-ins with fault knobs turned on, one per scenario (e2e/faults.spec.ts points the app at them). */
export const E2E_FAULTY_STANDINS = {
  /** 20% 500s and 10% 429s with Retry-After. */
  errors: 9790,
  /** 15% dropped connections and 15% bodies cut off half-way. */
  connections: 9791,
  /** Every access token refused as expired after 5 requests. */
  expiringTokens: 9792,
  /** Every answer 2.5 s late. */
  slow: 9793,
  'repeat-cursor': 9794,
  'missing-cursor': 9795,
  'empty-pages': 9796,
  /** The first page's runs again and again, each time with a fresh cursor. */
  'stale-pages': 9797,
} as const;

/** The build the end-to-end tests drive: with the embed demo host, pointed at the e2e ports. */
export function e2eBuildEnv(): Record<string, string> {
  return {
    SYNC_RUNS_EMBED_DEMO: '1',
    VITE_DASHBOARD_ORIGIN: E2E_APP_ORIGIN,
    VITE_IDP_PORT: String(E2E_IDP_PORT),
  };
}

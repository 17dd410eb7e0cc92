// `npm run standin`: the Neo API stand-in alone, with a curl example. Local use only.
import { DEV_API_KEY, StandinConfigError } from './config.ts';
import { startStandin, type StandinServer } from './server.ts';

const usingDevKey = !process.env.STANDIN_API_KEYS;

async function start(): Promise<StandinServer> {
  try {
    return await startStandin(usingDevKey ? { apiKeys: [DEV_API_KEY] } : {});
  } catch (error) {
    if (error instanceof StandinConfigError) console.error(error.message);
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      console.error(
        `The stand-in's port is taken (${(error as Error).message}); set PORT to another.`,
      );
    else console.error(error);
    process.exit(1);
  }
}

const server = await start();
const { config } = server;
const key = usingDevKey ? DEV_API_KEY : '<one of STANDIN_API_KEYS>';
console.log(`
  Neo API stand-in listening on ${server.url}  (seed "${config.seed}", ${config.historyDays} days of history)

  curl -s -H "Authorization: Bearer ${key}" \\
    "${server.url}/public-api/integrations/connectwise/sync-runs?page_size=5"

  Syncing: connectwise, halopsa, ninjaone, datto_rmm, itglue, hudu, servicenow, n_central.
  Not connected: autotask and
  the other known names. Connected without syncs: m365, pax8.
  ${usingDevKey ? `API key: ${DEV_API_KEY} (local development key; set STANDIN_API_KEYS to use your own)` : 'API keys: those in STANDIN_API_KEYS'}
  Access tokens from ${config.issuer} are accepted too.
  Press Ctrl+C to stop.
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}

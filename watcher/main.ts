// `npm run watch [-- options]`: the watcher service, and its CLI (--check, --send-test, --history,
// --mute). Config from --config (or SYNC_RUNS_WATCHER_CONFIG), secrets from the environment.
import { parseArgs } from 'node:util';
import { createLogger } from '../server-kit/log.ts';
import { handleShutdownSignals } from '../server-kit/shutdown.ts';
import { loadWatcherConfig, WatcherConfigError, type WatcherConfig } from './config.ts';
import { deliver } from './channels/deliver.ts';
import { createSender } from './channels/send.ts';
import { formatHistory } from './history.ts';
import type { Notice } from './notice.ts';
import { opsClientUrl } from './ops/guard.ts';
import { startOpsServer } from './ops/http.ts';
import { createMetrics } from './ops/metrics.ts';
import { MUTE_HELP, parseMute, writeMute } from './mute-command.ts';
import { startNoticeRetention } from './retention.ts';
import { resolveSecrets } from './secrets.ts';
import { openStore, StoreLockedError, type Store } from './store/store.ts';
import { startWatcher } from './watcher.ts';

const USAGE = `Usage: npm run watch -- [--config watcher.config.yaml] [--check | --send-test <channel> | --history [n] | --mute <integration> <hours>]

${MUTE_HELP}`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    config: { type: 'string' },
    check: { type: 'boolean' },
    'send-test': { type: 'string' },
    history: { type: 'boolean' },
    mute: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const file = values.config ?? process.env.SYNC_RUNS_WATCHER_CONFIG ?? 'watcher.config.yaml';
const logger = createLogger();

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let config: WatcherConfig;
try {
  config = loadWatcherConfig(file);
} catch (error) {
  fail(error instanceof WatcherConfigError ? error.message : String(error));
}
const { secrets, problems } = resolveSecrets(config, process.env);
if (!secrets) fail(`${file}: missing secrets:\n${problems.map((p) => `  - ${p}`).join('\n')}`);

// Every message is scrubbed of the API key, whatever shape an API text quotes it in.
const senders = new Map(
  secrets.channels.map((c) => [c.name, createSender(c, { secrets: [secrets.apiKey] })]),
);
const send = async (channel: string, notice: Notice) => {
  const sender = senders.get(channel);
  if (!sender) return { ok: false, attempts: 0, error: `no channel named ${channel}` };
  return deliver(sender, notice);
};

function testNotice(channel: string): Notice {
  const at = new Date().toISOString();
  return {
    key: `test|${channel}|${at}`,
    kind: 'test',
    severity: 'info',
    integration: null,
    integrationName: null,
    activity: null,
    title: 'Sync Runs watcher: test notice',
    text: `This is a test from the Sync Runs watcher to channel "${channel}". If you can read it, notices reach you.`,
    since: null,
    link: config.dashboardUrl,
    createdAt: at,
    items: [],
  };
}

if (values.check) {
  console.log(
    `${file}: config valid; secrets present for the API key and ${senders.size} channels.`,
  );
  console.log(
    `Integrations: ${config.integrations.map((i) => (typeof i === 'string' ? i : i.name)).join(', ')}`,
  );
  let failed = false;
  for (const sender of senders.values()) {
    const said = await (sender.check?.() ?? Promise.resolve('URL set; --send-test sends a test'))
      .then((ok) => `ok, ${ok}`)
      .catch((error: unknown) => {
        failed = true;
        return `FAILED: ${error instanceof Error ? error.message : String(error)}`;
      });
    console.log(`  channel ${sender.name} (${sender.type}): ${said}`);
  }
  process.exit(failed ? 1 : 0);
}

if (values['send-test']) {
  const channel = values['send-test'];
  if (!senders.has(channel)) fail(`No channel named "${channel}" in ${file}.`);
  const result = await send(channel, testNotice(channel));
  if (!result.ok)
    fail(`Test notice to ${channel} failed after ${result.attempts} attempts: ${result.error}`);
  console.log(`Test notice sent to ${channel}.`);
  process.exit(0);
}

type History = ReturnType<Store['notices']['recent']>;

/** Sanitised again as printed: the rows may come from an older watcher (watcher/history.ts). */
function printHistory(history: History) {
  const lines = formatHistory(history);
  if (lines) console.log(lines);
}

if (values.mute) {
  const asked = parseMute(config, values.mute, positionals[0], Date.now());
  if ('problem' in asked) fail(asked.problem);
  let where: 'stored' | 'running';
  try {
    where = writeMute(config.database, asked.mute, Date.now());
  } catch (error) {
    fail(`Cannot write the mute to ${config.database}: ${String(error)}`);
  }
  const until = new Date(asked.mute.until).toISOString();
  console.log(
    `${values.mute} muted for ${asked.hours} h (until ${until}); what changes meanwhile is not sent, ` +
      `not even after. ${where === 'running' ? 'The running watcher applies it at its next round.' : ''}`.trim(),
  );
  process.exit(0);
}

const historyLimit = Number(positionals[0] ?? 20) || 20;
let store: Store;
try {
  store = openStore(config.database);
} catch (error) {
  // A running watcher holds the file: ask it over its ops endpoint instead.
  if (values.history && error instanceof StoreLockedError) {
    const url = `${opsClientUrl(config.http.host, config.http.port)}/notices?limit=${historyLimit}`;
    const auth = secrets.opsToken ? { Authorization: `Bearer ${secrets.opsToken}` } : undefined;
    const response = await fetch(url, { headers: auth }).catch(() => null);
    if (!response?.ok) fail(`${error.message}\n(The running watcher did not answer at ${url}.)`);
    printHistory((await response.json()) as History);
    process.exit(0);
  }
  fail(
    error instanceof StoreLockedError
      ? error.message
      : `Cannot open ${config.database}: ${String(error)}`,
  );
}

if (values.history) {
  printHistory(store.notices.recent(historyLimit));
  store.close();
  process.exit(0);
}

const metrics = createMetrics();
const watcher = startWatcher({ config, apiKey: secrets.apiKey, store, send, logger, metrics });
const retention = startNoticeRetention({
  notices: store.notices,
  days: config.noticeRetentionDays,
  now: Date.now,
  logger,
});
const ops = await startOpsServer({
  host: config.http.host,
  port: config.http.port,
  status: watcher.status,
  registry: metrics.registry,
  history: (limit) => store.notices.recent(limit),
  allowedHosts: config.http.allowedHosts,
  token: secrets.opsToken,
  tokenEnv: config.http.tokenEnv,
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
logger.info('watcher started', {
  ops: ops.url,
  integrations: config.integrations.length,
  channels: [...senders.keys()],
  database: config.database,
});

// SIGTERM/SIGINT: /readyz says draining, the polls stop, the ops endpoint closes gracefully; what
// is still running after the grace period is cut and the process exits 1 (server-kit/shutdown.ts).
handleShutdownSignals({
  log: logger,
  async stop() {
    retention.stop();
    try {
      await watcher.stop();
      return await ops.close();
    } finally {
      store.close();
    }
  },
});

// Test fixtures shared by the watcher's tests: a notice, a config file, the CLI in a child process.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { Notice } from './notice.ts';

/** A notice that HaloPSA is failing, created 2026-11-28 12:00 UTC; `overrides` on top. */
export function makeNotice(overrides: Partial<Notice> = {}): Notice {
  return {
    key: 'k1',
    kind: 'health-changed',
    severity: 'problem',
    integration: 'halopsa',
    integrationName: 'HaloPSA',
    activity: null,
    title: 'HaloPSA is failing',
    text: 'Ticket Types: permission_denied in 3 runs.',
    since: null,
    link: 'https://dash.example/integrations/halopsa',
    createdAt: '2026-11-28T12:00:00.000Z',
    items: [],
    ...overrides,
  };
}

/**
 * Writes a watcher.config.yaml: the dashboard at https://dash.example, a webhook channel `hooks`
 * (HOOK_URL, HOOK_SECRET), and `more` lines at the end.
 */
export function writeWatcherConfig(
  file: string,
  config: { apiBaseUrl: string; database: string; integrations: string[]; more?: string[] },
): string {
  fs.writeFileSync(
    file,
    [
      `neo: { apiBaseUrl: ${JSON.stringify(config.apiBaseUrl)} }`,
      'dashboardUrl: https://dash.example',
      `database: ${JSON.stringify(config.database)}`,
      `integrations: [${config.integrations.join(', ')}]`,
      'channels:',
      '  - { name: hooks, type: webhook, urlEnv: HOOK_URL, secretEnv: HOOK_SECRET }',
      ...(config.more ?? []),
    ].join('\n'),
  );
  return file;
}

/**
 * `npm run watch -- <args>` in a child process with `env` (and PATH) only: its exit code, its
 * output and its stdout alone. Async, so that a test's own receivers keep answering meanwhile.
 */
export function runWatcherCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string; stdout: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'watcher/main.ts', ...args],
      { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 30_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          out: stdout + stderr,
          stdout,
        }),
    );
  });
}

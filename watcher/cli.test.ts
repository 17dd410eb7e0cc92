// The CLI as an operator runs it: `npm run watch -- --check` and `--send-test`, in a child process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from './channels/signature.ts';
import { runWatcherCli, writeWatcherConfig } from './test-support.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watcher-cli-'));
const file = path.join(dir, 'watcher.config.yaml');
const KEY = 'neo_sk_test_clicheckcheck0001';
const SECRET = 'a-long-enough-shared-secret-0123456789';
const received: { body: string; timestamp: string; signature: string }[] = [];
const hook = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    received.push({
      body,
      timestamp: String(req.headers['x-timestamp']),
      signature: String(req.headers['x-signature']),
    });
    res.writeHead(204).end();
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  writeWatcherConfig(file, {
    apiBaseUrl: 'http://127.0.0.1:1',
    database: path.join(dir, 'w.db'),
    integrations: ['connectwise'],
  });
});
afterAll(() => {
  hook.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function freePort() {
  return new Promise<number>((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('npm run watch', () => {
  it('--check lists every missing secret by name and refuses to start', async () => {
    const { code, out } = await runWatcherCli(['--config', file, '--check'], {});
    expect(code).toBe(1);
    expect(out).toContain('NEO_API_KEY is not set');
    expect(out).toContain('HOOK_URL is not set');
    expect(out).toContain('HOOK_SECRET is not set');
  });

  it('--check lists every config problem at once', async () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({ neo: {}, integrations: ['../x'], rules: [{ channels: ['nope'] }] }),
    );
    const { code, out } = await runWatcherCli(['--config', bad, '--check'], {});
    expect(code).toBe(1);
    expect(out).toMatch(/neo\.apiBaseUrl/);
    expect(out).toMatch(/dashboardUrl/);
    expect(out).toMatch(/integrations\.0/);
  });

  it('refuses to start with the ops endpoint beyond loopback and no token, saying what to set', async () => {
    const open = path.join(dir, 'open.yaml');
    fs.writeFileSync(open, `${fs.readFileSync(file, 'utf8')}\nhttp: { host: 0.0.0.0, port: 0 }\n`);
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    const { code, out } = await runWatcherCli(['--config', open], {
      NEO_API_KEY: KEY,
      HOOK_URL: url,
      HOOK_SECRET: SECRET,
    });
    expect(code).toBe(1);
    expect(out).toContain(
      'WATCHER_OPS_TOKEN is not set: the ops endpoint listens on 0.0.0.0, beyond loopback, and will not start without a bearer token',
    );
  });

  it('--history asks a running watcher beyond loopback with the ops token; without it, 401', async () => {
    const port = await freePort();
    const ops = path.join(dir, 'ops.yaml');
    const base = fs.readFileSync(file, 'utf8').replace(/^database: .*$/m, '');
    fs.writeFileSync(
      ops,
      `${base}\ndatabase: ${JSON.stringify(path.join(dir, 'ops.db'))}\nhttp: { host: 0.0.0.0, port: ${port} }\n`,
    );
    const env = {
      NEO_API_KEY: KEY,
      HOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
      HOOK_SECRET: SECRET,
      WATCHER_OPS_TOKEN: 'an-ops-token-of-32-characters-or-more',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'watcher/main.ts', '--config', ops], {
      env: { PATH: process.env.PATH, ...env },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('watcher started')) resolve();
        });
        child.once('exit', () => reject(new Error(`the watcher exited: ${out}`)));
      });
      const url = `http://127.0.0.1:${port}`;
      expect((await fetch(`${url}/notices`)).status).toBe(401);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const history = await runWatcherCli(['--config', ops, '--history'], env);
      expect(history.out).not.toContain('did not answer');
      expect(history.code).toBe(0);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('--send-test sends a signed test notice, and never prints a secret', async () => {
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    const env = { NEO_API_KEY: KEY, HOOK_URL: url, HOOK_SECRET: SECRET };
    expect((await runWatcherCli(['--config', file, '--check'], env)).code).toBe(0);
    const { code, out } = await runWatcherCli(['--config', file, '--send-test', 'hooks'], env);
    expect(code).toBe(0);
    expect(out).toContain('Test notice sent to hooks.');
    expect(out).not.toContain(KEY);
    expect(out).not.toContain(SECRET);
    const [got] = received;
    expect(JSON.parse(got!.body).notice).toMatchObject({ kind: 'test' });
    expect(verifyWebhookSignature({ ...got!, secret: SECRET, nowMs: Date.now() })).toBe(true);
  });
});

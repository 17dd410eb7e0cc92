import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewCaching } from './vite-preview-caching.ts';

let root = '';
let server: PreviewServer | undefined;
let origin = '';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'preview-caching-'));
  mkdirSync(join(root, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'dist', 'assets', 'main-abc123.js'), 'export {};');
  writeFileSync(join(root, 'dist', 'config.json'), '{}');
  server = await preview({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [previewCaching()],
    preview: { port: 0, host: '127.0.0.1' },
  });
  const address = server.httpServer.address() as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('vite preview caching', () => {
  it('lets the browser keep hashed build output, as the production server does', async () => {
    const reply = await fetch(`${origin}/assets/main-abc123.js`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the page, runtime settings and the answer for a missing chunk fresh', async () => {
    for (const path of ['/', '/integrations/x/runs', '/config.json', '/assets/main-gone99.js']) {
      const reply = await fetch(`${origin}${path}`);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('cache-control')).not.toContain('immutable');
    }
  });
});

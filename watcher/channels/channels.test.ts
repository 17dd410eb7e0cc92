import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../notice.ts';
import { makeNotice } from '../test-support.ts';
import { deliver } from './deliver.ts';
import { emailMessage, slackPayload, teamsPayload } from './messages.ts';
import { createSender, DeliveryError, type Sender } from './send.ts';
import { verifyWebhookSignature, webhookRequest } from './signature.ts';

const NOW = Date.parse('2026-11-28T12:00:00Z');

function notice(overrides: Partial<Notice> = {}): Notice {
  return makeNotice({
    activity: 'PSA Metadata',
    since: '2026-11-28T10:00:00.000Z',
    link: 'https://dash.example/integrations/halopsa?sig=abc',
    ...overrides,
  });
}

const hostile = notice({
  title: '<script>alert(1)</script> [x](https://evil.example)',
  text: 'See <https://evil.example|click here> & *bold*',
  link: 'javascript:alert(1)',
});

describe('message bodies', () => {
  it('Teams: an Adaptive Card with the title, facts and one link to the dashboard', () => {
    const card = teamsPayload(notice()).attachments[0]!.content;
    expect(card.version).toBe('1.4');
    expect(card.body[0]).toMatchObject({
      text: 'HaloPSA is failing',
      color: 'attention',
      weight: 'Bolder',
    });
    expect(card.body.at(-1)).toMatchObject({
      type: 'FactSet',
      facts: [
        { title: 'Integration', value: 'HaloPSA' },
        { title: 'Activity', value: 'PSA Metadata' },
        { title: 'Since', value: '2026\\-11\\-28 10:00 UTC' },
      ],
    });
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Sync Runs', url: notice().link },
    ]);
  });

  it('Slack: header, text, context and a button; long text is cut', () => {
    const payload = slackPayload(notice({ title: 'x'.repeat(200) }));
    expect(payload.blocks[0]).toMatchObject({ type: 'header' });
    expect((payload.blocks[0] as { text: { text: string } }).text.text).toHaveLength(150);
    expect(payload.blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [{ type: 'button', url: notice().link }],
    });
  });

  it('API text never becomes markup or a link, and a non-http link is dropped', () => {
    const card = JSON.stringify(teamsPayload(hostile));
    expect(card).not.toContain('[x](https');
    expect(card).not.toContain('javascript:');
    expect(card).toContain('\\\\[x\\\\]\\\\(hxxps\\\\[://\\\\]evil\\\\[.\\\\]example\\\\)');
    const slack = JSON.stringify(slackPayload(hostile));
    expect(slack).not.toMatch(/<https:\/\/evil\.example\|/);
    expect(slack).toContain('&lt;hxxps[://]evil[.]example|click here&gt; &amp;');
    expect(slack).not.toContain('javascript:');
    const email = emailMessage(hostile);
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).not.toContain('<a ');
    expect(email.text).toContain('<script>alert(1)</script>');
  });

  it('a digest lists at most 20 changes, then how many more', () => {
    const items = Array.from({ length: 23 }, (_, i) =>
      notice({ key: `i${i}`, title: `Change ${i}` }),
    );
    const digest = notice({ kind: 'digest', title: '23 changes', items });
    const slack = slackPayload(digest).blocks.filter((b) => b.type === 'section');
    expect(slack).toHaveLength(21);
    expect(JSON.stringify(slack.at(-1))).toContain('and 3 more');
    expect(emailMessage(digest).text).toContain('Change 19: ');
    expect(emailMessage(digest).text).not.toContain('Change 20: ');
  });
});

describe('webhook signature', () => {
  const secret = 'a-very-long-shared-secret';
  const request = webhookRequest(notice(), secret, NOW);
  const check = (overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]> = {}) =>
    verifyWebhookSignature({
      body: request.body,
      timestamp: request.headers['X-Timestamp'],
      signature: request.headers['X-Signature'],
      secret,
      nowMs: NOW + 10_000,
      ...overrides,
    });

  it('verifies with the shared secret, and fails on another secret, a changed body or an old timestamp', () => {
    expect(JSON.parse(request.body)).toEqual({ version: 1, notice: notice() });
    expect(request.headers['X-Signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(check()).toBe(true);
    expect(check({ secret: 'another-secret-of-length' })).toBe(false);
    expect(check({ body: request.body.replace('HaloPSA', 'HaloPSB') })).toBe(false);
    expect(check({ nowMs: NOW + 6 * 60_000 })).toBe(false);
  });
});

type Received = { body: string; headers: IncomingMessage['headers'] };
const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function receiver(
  answer: (n: number) => { status: number; headers?: Record<string, string> },
) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ body, headers: req.headers });
      const { status, headers } = answer(received.length);
      res.writeHead(status, headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/hooks/T000/SECRETPATH`, received };
}

describe('senders', () => {
  it('posts the signed JSON to a webhook', async () => {
    const hook = await receiver(() => ({ status: 204 }));
    const sender = createSender(
      { name: 'hooks', type: 'webhook', url: hook.url, secret: 'a-very-long-shared-secret' },
      { now: () => NOW },
    );
    await sender.send(notice());
    const [got] = hook.received;
    expect(got!.headers['content-type']).toBe('application/json');
    expect(
      verifyWebhookSignature({
        body: got!.body,
        timestamp: String(got!.headers['x-timestamp']),
        signature: String(got!.headers['x-signature']),
        secret: 'a-very-long-shared-secret',
        nowMs: NOW,
      }),
    ).toBe(true);
  });

  it('says which failures are worth a retry, and never shows the URL', async () => {
    const answers: { status: number; headers?: Record<string, string> }[] = [
      { status: 500 },
      { status: 400 },
      { status: 429, headers: { 'Retry-After': '7' } },
      { status: 302, headers: { Location: 'https://elsewhere.example/' } },
    ];
    const hook = await receiver((n) => answers[n - 1]!);
    const sender = createSender({ name: 'ops', type: 'slack', url: hook.url });
    const errors: DeliveryError[] = [];
    for (let i = 0; i < 4; i += 1)
      await sender.send(notice()).catch((e: DeliveryError) => errors.push(e));
    expect(errors.map((e) => [e.status, e.retryable, e.retryAfterMs])).toEqual([
      [500, true, undefined],
      [400, false, undefined],
      [429, true, 7000],
      // A redirect is not followed: the signed body goes nowhere else.
      [302, false, undefined],
    ]);
    expect(hook.received).toHaveLength(4);
    for (const error of errors) {
      expect(error.message).toMatch(/^ops: HTTP \d{3}$/);
      expect(error.message).not.toContain('SECRETPATH');
    }
    expect(JSON.parse(hook.received[0]!.body).blocks[0]).toMatchObject({ type: 'header' });
  });

  it('reads Retry-After as the API client does: seconds or an HTTP date, on a 503 too', async () => {
    const answers: { status: number; headers?: Record<string, string> }[] = [
      { status: 429, headers: { 'Retry-After': new Date(NOW + 30_000).toUTCString() } },
      { status: 503, headers: { 'Retry-After': '90' } },
      { status: 400, headers: { 'Retry-After': '5' } },
    ];
    const hook = await receiver((n) => answers[n - 1]!);
    const sender = createSender({ name: 'ops', type: 'slack', url: hook.url }, { now: () => NOW });
    const errors: DeliveryError[] = [];
    for (let i = 0; i < 3; i += 1)
      await sender.send(notice()).catch((e: DeliveryError) => errors.push(e));
    // An answer that is not retried has no wait to honour.
    expect(errors.map((e) => e.retryAfterMs)).toEqual([30_000, 90_000, undefined]);
  });

  it('sends email with a text and an HTML part over SMTP', async () => {
    const messages: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => (messages.push(data), callback()));
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    servers.push(smtp);
    const port = (smtp.server.address() as AddressInfo).port;
    const sender = createSender({
      name: 'mail',
      type: 'email',
      smtp: { host: '127.0.0.1', port, secure: false },
      from: 'sync-runs@example.com',
      to: ['oncall@example.com'],
    });
    await expect(sender.check!()).resolves.toMatch(/accepts the connection and login$/);
    await sender.send(notice({ text: 'Tom & Jerry <b>' }));
    const [raw] = messages;
    expect(raw).toContain('Subject: [Sync Runs] HaloPSA is failing');
    expect(raw).toContain('Content-Type: text/plain');
    expect(raw).toContain('Content-Type: text/html');
    expect(raw).toMatch(/Tom &amp; Jerry &lt;b&gt;/);
  });
});

describe('deliver', () => {
  function flaky(failures: DeliveryError[]): Sender & { calls: number } {
    const sender = {
      name: 'ops',
      type: 'slack' as const,
      calls: 0,
      async send() {
        sender.calls += 1;
        const failure = failures.shift();
        if (failure) throw failure;
      },
    };
    return sender;
  }

  it('retries a transient failure with backoff, or after Retry-After', async () => {
    const delays: number[] = [];
    const sender = flaky([
      new DeliveryError('ops', 'HTTP 500', true, 500),
      new DeliveryError('ops', 'HTTP 429', true, 429, 7000),
    ]);
    const result = await deliver(sender, notice(), { sleep: async (ms) => void delays.push(ms) });
    expect(result).toEqual({ ok: true, attempts: 3 });
    expect(delays[0]).toBeGreaterThanOrEqual(750);
    expect(delays[0]).toBeLessThanOrEqual(1250);
    expect(delays[1]).toBe(7000);
  });

  it("honours Retry-After up to the API client's two minutes, and tries five times by default", async () => {
    const delays: number[] = [];
    const sender = flaky([
      new DeliveryError('ops', 'HTTP 429', true, 429, 90_000),
      new DeliveryError('ops', 'HTTP 503', true, 503, 3_600_000),
      new DeliveryError('ops', 'HTTP 503', true, 503),
      new DeliveryError('ops', 'HTTP 503', true, 503),
      new DeliveryError('ops', 'HTTP 503', true, 503),
    ]);
    const result = await deliver(sender, notice(), { sleep: async (ms) => void delays.push(ms) });
    expect(result).toMatchObject({ ok: false, attempts: 5 });
    expect(delays.slice(0, 2)).toEqual([90_000, 120_000]);
    // Then the backoff again: 4 s and 8 s, each ±25 %.
    expect(delays[2]).toBeGreaterThanOrEqual(3000);
    expect(delays[2]).toBeLessThanOrEqual(5000);
    expect(delays[3]).toBeGreaterThanOrEqual(6000);
    expect(delays[3]).toBeLessThanOrEqual(10_000);
  });

  it('stops at a permanent failure, gives up after its attempts, and never throws', async () => {
    const permanent = flaky([new DeliveryError('ops', 'HTTP 400', false, 400)]);
    expect(await deliver(permanent, notice(), { sleep: async () => {} })).toEqual({
      ok: false,
      attempts: 1,
      error: 'ops: HTTP 400',
      lastStatus: 400,
    });
    const down = flaky(
      Array.from({ length: 9 }, () => new DeliveryError('ops', 'HTTP 503', true, 503)),
    );
    const result = await deliver(down, notice(), { attempts: 4, sleep: async () => {} });
    expect(result).toMatchObject({ ok: false, attempts: 4 });
    expect(down.calls).toBe(4);
    const broken: Sender = {
      name: 'x',
      type: 'slack',
      send: async () => {
        throw new Error('boom');
      },
    };
    expect(await deliver(broken, notice(), { attempts: 2, sleep: async () => {} })).toMatchObject({
      ok: false,
      attempts: 2,
    });
  });
});

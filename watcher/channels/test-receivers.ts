// Test support: local receivers for real deliveries (an HTTP endpoint for Teams, Slack and the
// webhook; an SMTP server for email), closed after each test, and a decoder for what SMTP received.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach } from 'vitest';
import { createSender, type Sender } from './send.ts';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

export type HttpReceived = { url: string; headers: IncomingHttpHeaders; body: string };

/** An HTTP endpoint that answers 200 to every POST and keeps what it got. */
export async function httpReceiver() {
  const received: HttpReceived[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, received };
}

/** An SMTP server (no TLS offered) that keeps each message and every login it was offered. */
export async function smtpReceiver(options: Partial<SMTPServerOptions> = {}) {
  const messages: string[] = [];
  const logins: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      logins.push(`${auth.username ?? ''}:${auth.password ?? ''}`);
      callback(null, { user: auth.username });
    },
    onData(stream, _session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => (messages.push(data), callback()));
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  return { port: (server.server.address() as AddressInfo).port, messages, logins };
}

export const WEBHOOK_SECRET = 'a-webhook-signing-secret-of-32-chars!';

/**
 * Local receivers and one sender of each kind to them (channels teams, slack, hooks and mail), each
 * scrubbing `secrets` as main.ts asks; `delivered()` is everything that reached them: URL, headers
 * and body of each request, each mail decoded.
 */
export async function localChannels(secrets: string[], options: { now?: () => number } = {}) {
  const http = await httpReceiver();
  const smtp = await smtpReceiver();
  const senders = new Map<string, Sender>([
    [
      'teams',
      createSender({ name: 'teams', type: 'teams', url: `${http.base}/teams` }, { secrets }),
    ],
    [
      'slack',
      createSender({ name: 'slack', type: 'slack', url: `${http.base}/slack` }, { secrets }),
    ],
    [
      'hooks',
      createSender(
        { name: 'hooks', type: 'webhook', url: `${http.base}/hooks`, secret: WEBHOOK_SECRET },
        { secrets, ...options },
      ),
    ],
    [
      'mail',
      createSender(
        {
          name: 'mail',
          type: 'email',
          smtp: { host: '127.0.0.1', port: smtp.port, secure: false },
          from: 'sync-runs@example.com',
          to: ['oncall@example.com'],
        },
        { secrets },
      ),
    ],
  ]);
  const delivered = () => [
    ...http.received.map((r) => `${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`),
    ...smtp.messages.map(decodeMime),
  ];
  return { http, smtp, senders, delivered };
}

function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  return joined.replace(/(?:=[0-9A-F]{2})+/gi, (run) =>
    Buffer.from(
      run
        .split('=')
        .slice(1)
        .map((hex) => parseInt(hex, 16)),
    ).toString('utf8'),
  );
}

function decodeWords(header: string): string {
  return header.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

/** A raw message as a reader sees it: headers unfolded and decoded, every part's body decoded. */
export function decodeMime(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = decodeWords(head.replace(/\r?\n[ \t]+/g, ' '));
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
  const body = rest.join('\r\n\r\n');
  if (!boundary) return `${headers}\n\n${body}`;
  const parts = body.split(`--${boundary}`).map((part) => {
    const [partHead = '', ...partBody] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const content = partBody.join('\r\n\r\n');
    if (/content-transfer-encoding:\s*base64/i.test(partHead))
      return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/content-transfer-encoding:\s*quoted-printable/i.test(partHead))
      return decodeQuotedPrintable(content);
    return content;
  });
  return [headers, ...parts].join('\n\n');
}

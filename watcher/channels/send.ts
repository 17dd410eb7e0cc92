// Sends one notice to one channel. Errors name the channel and the status or code, never the URL
// (webhook URLs are secrets) or a password. Every notice is sanitised first, with the watcher's own
// secrets (its API key) removed whatever their shape.
import nodemailer from 'nodemailer';
import { parseRetryAfter } from '../../src/lib/api/api-error.ts';
import { sanitiseNotice, type Notice } from '../notice.ts';
import type { ResolvedChannel } from '../secrets.ts';
import { emailMessage, slackPayload, teamsPayload } from './messages.ts';
import { webhookRequest } from './signature.ts';

export class DeliveryError extends Error {
  constructor(
    readonly channel: string,
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(`${channel}: ${message}`);
    this.name = 'DeliveryError';
  }
}

export type Sender = {
  name: string;
  type: ResolvedChannel['type'];
  send(notice: Notice): Promise<void>;
  /** What can be checked without sending anything (email: the SMTP connection and login). */
  check?(): Promise<string>;
};

type Deps = {
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
  /** Values no message may carry in any form (the Neo API key): replaced before sending. */
  secrets?: readonly string[];
};

async function post(
  channel: string,
  url: string,
  body: string,
  headers: Record<string, string>,
  deps: Deps,
) {
  let response: Response;
  try {
    response = await (deps.fetch ?? fetch)(url, {
      method: 'POST',
      headers,
      body,
      // A signed body is never sent on to wherever a redirect points.
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const timeout = error instanceof Error && error.name === 'TimeoutError';
    throw new DeliveryError(
      channel,
      timeout ? 'no answer within the timeout' : 'could not connect',
      true,
    );
  }
  void response.body?.cancel().catch(() => undefined);
  if (response.ok) return;
  const status = response.status;
  const retryable = status === 408 || status === 429 || status >= 500;
  // The API client's reading: delta-seconds or an HTTP date, on any answer worth a retry (a 503 too).
  const retryAfter = retryable
    ? parseRetryAfter(response.headers.get('Retry-After'), (deps.now ?? Date.now)())
    : null;
  throw new DeliveryError(
    channel,
    `HTTP ${status}`,
    retryable,
    status,
    retryAfter === null ? undefined : retryAfter * 1000,
  );
}

export function createSender(config: ResolvedChannel, deps: Deps = {}): Sender {
  const { name } = config;
  if (config.type === 'email') {
    const secure = config.smtp.secure ?? config.smtp.port === 465;
    const { user, pass } = config.smtp;
    const login = Boolean(user);
    const transport = nodemailer.createTransport({
      host: config.smtp.host,
      port: config.smtp.port,
      secure,
      // A login never travels unencrypted: without implicit TLS it needs STARTTLS, and a server
      // that does not offer it is refused before AUTH (`requireTls: false` cannot turn that off).
      requireTLS: (login && !secure) || (config.smtp.requireTls ?? false),
      auth: user ? { user, pass: pass ?? '' } : undefined,
    });
    return {
      name,
      type: 'email',
      async check() {
        try {
          await transport.verify();
          return `SMTP server ${config.smtp.host}:${config.smtp.port} accepts the connection and login`;
        } catch (error) {
          const code = (error as { responseCode?: number; code?: string }) ?? {};
          throw new DeliveryError(name, `SMTP ${code.responseCode ?? code.code ?? 'error'}`, true);
        }
      },
      async send(notice) {
        const message = emailMessage(sanitiseNotice(notice, deps.secrets));
        try {
          await transport.sendMail({ from: config.from, to: config.to, ...message });
        } catch (error) {
          const code = (error as { responseCode?: number; code?: string }) ?? {};
          const permanent = typeof code.responseCode === 'number' && code.responseCode >= 500;
          throw new DeliveryError(
            name,
            `SMTP ${code.responseCode ?? code.code ?? 'error'}`,
            !permanent,
            code.responseCode,
          );
        }
      },
    };
  }
  const json = { 'Content-Type': 'application/json' };
  return {
    name,
    type: config.type,
    async send(raw) {
      const notice = sanitiseNotice(raw, deps.secrets);
      if (config.type === 'webhook') {
        const request = webhookRequest(notice, config.secret, (deps.now ?? Date.now)());
        return post(name, config.url, request.body, request.headers, deps);
      }
      const payload = config.type === 'teams' ? teamsPayload(notice) : slackPayload(notice);
      return post(name, config.url, JSON.stringify(payload), json, deps);
    },
  };
}

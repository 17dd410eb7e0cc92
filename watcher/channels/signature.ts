// The generic webhook's signature, so a receiver can prove a notice came from this watcher and is
// fresh. The body is JSON; X-Timestamp is Unix seconds; X-Signature is
// "sha256=" + hex(HMAC-SHA256(secret, `${timestamp}.${body}`)). Verify: recompute it over the raw
// body, compare in constant time, and refuse timestamps more than 5 minutes from your clock.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sanitiseNotice, type Notice } from '../notice.ts';

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhookRequest(notice: Notice, secret: string, nowMs: number) {
  // The notice as every other channel gets it: API text sanitised, only the dashboard link.
  const body = JSON.stringify({ version: 1, notice: sanitiseNotice(notice) });
  const timestamp = Math.floor(nowMs / 1000);
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'X-Timestamp': String(timestamp),
      'X-Signature': sign(secret, timestamp, body),
    },
  };
}

export function verifyWebhookSignature(options: {
  body: string;
  timestamp: string;
  signature: string;
  secret: string;
  nowMs: number;
  toleranceSeconds?: number;
}): boolean {
  const timestamp = Number(options.timestamp);
  if (!Number.isInteger(timestamp)) return false;
  if (Math.abs(options.nowMs / 1000 - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(sign(options.secret, timestamp, options.body));
  const given = Buffer.from(options.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

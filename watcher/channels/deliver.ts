// One delivery with its retries: transient failures (timeouts, 408, 429, 5xx, SMTP 4xx) are tried
// again with exponential backoff and jitter, or after Retry-After; it never throws.
import { abortableSleep } from '../../src/lib/api/abortable-sleep.ts';
import type { DeliveryResult } from '../dispatch.ts';
import type { Notice } from '../notice.ts';
import { DeliveryError, type Sender } from './send.ts';

export type DeliverOptions = {
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

export async function deliver(
  sender: Sender,
  notice: Notice,
  options: DeliverOptions = {},
): Promise<DeliveryResult> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => abortableSleep(ms));
  let last: DeliveryError | null = null;
  let tried = 0;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    tried = attempt;
    try {
      await sender.send(notice);
      return { ok: true, attempts: attempt };
    } catch (error) {
      last =
        error instanceof DeliveryError
          ? error
          : new DeliveryError(sender.name, 'unexpected error', true);
      if (!last.retryable || attempt === attempts) break;
      const backoff = base * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5);
      await sleep(Math.min(max, last.retryAfterMs ?? backoff));
    }
  }
  return {
    ok: false,
    attempts: tried,
    error: last?.message ?? `${sender.name}: failed`,
    lastStatus: last?.status,
  };
}

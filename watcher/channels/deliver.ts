// One delivery with its retries: transient failures (timeouts, 408, 429, 5xx, SMTP 4xx) are tried
// again by the API client's retry policy (as many retries, Retry-After honoured the same way, the
// same backoff with jitter from a shorter first wait); it never throws.
import { abortableSleep } from '../../src/lib/api/abortable-sleep.ts';
import { backoffDelay, MAX_RETRIES, type Backoff } from '../../src/lib/api/retry.ts';
import type { DeliveryResult } from '../dispatch.ts';
import type { Notice } from '../notice.ts';
import { DeliveryError, type Sender } from './send.ts';

/** A chat message or webhook is worth a quicker first retry than a page: 1 s, 2 s, 4 s, 8 s. */
export const DELIVERY_BACKOFF: Backoff = { firstMs: 1000, maxMs: 60_000 };

export type DeliverOptions = {
  /** Tries in all (default: the first and MAX_RETRIES more). */
  attempts?: number;
  backoff?: Backoff;
  sleep?: (ms: number) => Promise<void>;
};

export async function deliver(
  sender: Sender,
  notice: Notice,
  options: DeliverOptions = {},
): Promise<DeliveryResult> {
  const attempts = options.attempts ?? MAX_RETRIES + 1;
  const backoff = options.backoff ?? DELIVERY_BACKOFF;
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
      const retryAfterSeconds = last.retryAfterMs === undefined ? null : last.retryAfterMs / 1000;
      await sleep(backoffDelay(attempt, retryAfterSeconds, backoff));
    }
  }
  return {
    ok: false,
    attempts: tried,
    error: last?.message ?? `${sender.name}: failed`,
    lastStatus: last?.status,
  };
}

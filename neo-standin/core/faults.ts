// Injected faults for resilience tests and benchmarks: a seeded stream decides, per request,
// whether to answer 500 or 429 instead of the real answer.
import { createRng } from './random.ts';

export type FaultOptions = {
  rate5xx?: number;
  rate429?: number;
  seed?: string;
  /** Answers that break paging in one of the ways a client must survive. */
  paging?: PagingFault;
  /** Each access token is refused as expired after this many requests (null: never). */
  tokenExpiresAfter?: number | null;
};

export const PAGING_FAULTS = [
  'none',
  'repeat-cursor',
  'missing-cursor',
  'empty-pages',
  'stale-pages',
] as const;
export type PagingFault = (typeof PAGING_FAULTS)[number];

export type Fault = 'none' | 'internal_error' | 'rate_limited';

export function createFaultInjector(options: FaultOptions = {}): () => Fault {
  const rate5xx = options.rate5xx ?? 0;
  const rate429 = options.rate429 ?? 0;
  const rng = createRng(options.seed ?? 'faults', 'faults');
  return () => {
    if (rate5xx <= 0 && rate429 <= 0) return 'none';
    const roll = rng();
    if (roll < rate5xx) return 'internal_error';
    if (roll < rate5xx + rate429) return 'rate_limited';
    return 'none';
  };
}

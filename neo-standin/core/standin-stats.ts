// What the stand-in has answered so far, kept by the endpoint and the modules it calls.

/** What the stand-in has answered so far: for tests that check a client's behaviour. */
export type StandinStats = {
  requests: number;
  byStatus: Record<string, number>;
  /** 429s because the tenant really ran out of its limit (not injected ones). */
  overLimit: number;
  injected: { internalError: number; rateLimited: number; expiredToken: number; paging: number };
};

export function emptyStats(): StandinStats {
  return {
    requests: 0,
    byStatus: {},
    overLimit: 0,
    injected: { internalError: 0, rateLimited: 0, expiredToken: 0, paging: 0 },
  };
}

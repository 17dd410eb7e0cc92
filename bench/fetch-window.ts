// The transport floor's walk: a 30-day window of one integration in parallel slices, each following
// its own cursors, nothing parsed beyond the cursor. Self-contained (no imports, no closures) so the
// same function runs in Node and, through page.evaluate, inside Chromium.
export async function fetchWindowInSlices(args: {
  base: string;
  token: string;
  until: number;
  slices: number;
}): Promise<{ ms: number; requests: number }> {
  const { base, token, until, slices } = args;
  const since = until - 30 * 86_400_000;
  const step = Math.ceil((until - since) / slices / 1000) * 1000;
  const started = performance.now();
  let requests = 0;
  await Promise.all(
    Array.from({ length: slices }, async (_, i) => {
      const sliceUntil = until - i * step;
      const sliceSince = i === slices - 1 ? since : Math.max(since, sliceUntil - step);
      let cursor: string | null = null;
      do {
        const q = new URLSearchParams({
          since: new Date(sliceSince).toISOString(),
          until: new Date(sliceUntil).toISOString(),
          page_size: '200',
        });
        if (cursor) q.set('cursor', cursor);
        const response = await fetch(`${base}/public-api/integrations/connectwise/sync-runs?${q}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        requests += 1;
        const body = (await response.json()) as {
          meta: { pagination: { has_more: boolean; next_cursor: string | null } };
        };
        cursor = body.meta.pagination.has_more ? body.meta.pagination.next_cursor : null;
      } while (cursor);
    }),
  );
  return { ms: performance.now() - started, requests };
}

// @vitest-environment jsdom
// The widget's kept runs belong to the account its host token names: a token without tenant and
// object id claims keeps nothing, and leaves what other accounts kept on this device alone.
import 'fake-indexeddb/auto';
import { render, waitFor } from '@testing-library/react';
import { createStore, keys } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { useRunCache } from '@/features/sync-runs/cache/run-cache-context';
import { createRunCache, RUN_CACHE_DB } from '@/features/sync-runs/cache/run-cache-store';
import { RunCacheProvider } from './run-cache-provider';

const NOW = Date.now();

/** Says whether the provider hands its children a run cache. */
function Probe() {
  return <p>{useRunCache() ? 'keeps runs' : 'keeps nothing'}</p>;
}

const kept = () => keys(createStore(RUN_CACHE_DB, 'records'));

describe('RunCacheProvider', () => {
  it('keeps nothing for a session without an owner, and removes nothing kept for others', async () => {
    await createRunCache('alice-oid.tenant-1').save('halopsa', {
      since: NOW - 86_400_000,
      until: NOW - 1000,
      runs: [],
      savedAt: NOW,
    });
    expect(await kept()).toHaveLength(1);

    const unnamed = render(
      <RunCacheProvider accountId={null} enabled>
        <Probe />
      </RunCacheProvider>,
    );
    expect(unnamed.getByText('keeps nothing')).toBeTruthy();
    // An owner's provider would have dropped Alice's record by now (keepOnlyAccount).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await kept()).toHaveLength(1);

    const bob = render(
      <RunCacheProvider accountId="bob-oid.tenant-1" enabled>
        <Probe />
      </RunCacheProvider>,
    );
    expect(bob.getByText('keeps runs')).toBeTruthy();
    await waitFor(async () => expect(await kept()).toHaveLength(0));
  });
});

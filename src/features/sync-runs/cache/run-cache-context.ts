// The signed-in account's run cache, for the queries that read windows (null: keep nothing).
import { createContext, useContext } from 'react';
import type { RunCache } from './run-cache-store';

export const RunCacheContext = createContext<RunCache | null>(null);

export function useRunCache(): RunCache | null {
  return useContext(RunCacheContext);
}

// What the browser refuses to keep for this page, for a notice: every kind probed once on mount.
import { useEffect, useSyncExternalStore } from 'react';
import { browserStorage, type BrowserStorage, type StorageKind } from './browser-storage';

export function useLostStorage(storage: BrowserStorage = browserStorage): readonly StorageKind[] {
  useEffect(() => {
    void storage.probeAll();
  }, [storage]);
  return useSyncExternalStore(storage.subscribe, storage.lost, storage.lost);
}

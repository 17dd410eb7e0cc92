// Said once where saved views and kept runs are: what this browser will not remember for this page.
import { useLostStorage } from '@/lib/storage/use-lost-storage';
import { useRunCache } from '@/features/sync-runs/cache/run-cache-context';
import { lostStorageMessage } from '@/features/sync-runs/prefs/lost-storage';

export function StorageNotice({ className = '' }: { className?: string }) {
  const message = lostStorageMessage(useLostStorage(), useRunCache() !== null);
  if (!message) return null;
  return (
    <p role="status" className={`text-xs text-slate-700 ${className}`}>
      {message}
    </p>
  );
}

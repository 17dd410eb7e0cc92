// j / k walk the runs in the order shown (sorting included); Esc lets go of the open run.
import { useEffect } from 'react';
import { isModalOpen, isShortcutEvent } from '@/lib/keyboard/shortcut-keys';

export function useRunKeys({
  rowIds,
  selectedIndex,
  selectedRunId,
  onSelectRun,
  onRelease,
}: {
  /** Run ids in the order shown. */
  rowIds: readonly string[];
  selectedIndex: number;
  selectedRunId: string | null;
  onSelectRun: (runId: string | null) => void;
  /** Esc on the open run: close it. */
  onRelease: (runId: string) => void;
}) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!isShortcutEvent(event) || isModalOpen()) return;
      if ((event.key === 'j' || event.key === 'k') && rowIds.length > 0) {
        const step = event.key === 'j' ? 1 : -1;
        const from = selectedIndex < 0 ? (step > 0 ? -1 : rowIds.length) : selectedIndex;
        const next = rowIds[Math.min(rowIds.length - 1, Math.max(0, from + step))];
        event.preventDefault();
        if (next) onSelectRun(next);
      } else if (event.key === 'Escape' && selectedRunId) {
        event.preventDefault();
        onRelease(selectedRunId);
        onSelectRun(null);
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [rowIds, selectedIndex, selectedRunId, onSelectRun, onRelease]);
}

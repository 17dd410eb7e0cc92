// Which runs the table has open: the selected run opens once it is among the rows (a deep link, a
// chart click, j/k), the Details button opens or closes one, and Esc lets go of the open run.
import { useCallback, useState } from 'react';
import { useRunKeys } from './use-run-keys';

export function useExpandedRuns({
  rowIds,
  selectedRunId,
  onSelectRun,
}: {
  /** Run ids in the order shown. */
  rowIds: readonly string[];
  selectedRunId: string | null;
  onSelectRun: (runId: string | null) => void;
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(selectedRunId ? [selectedRunId] : []),
  );
  const selectedIndex = selectedRunId ? rowIds.indexOf(selectedRunId) : -1;
  const shownSelection = selectedIndex >= 0 ? selectedRunId : null;
  const [expandedFor, setExpandedFor] = useState(shownSelection);
  if (shownSelection !== expandedFor) {
    setExpandedFor(shownSelection);
    if (shownSelection && !expanded.has(shownSelection))
      setExpanded(new Set(expanded).add(shownSelection));
  }

  const release = useCallback(
    (id: string) =>
      setExpanded((prev) => {
        const rest = new Set(prev);
        rest.delete(id);
        return rest;
      }),
    [],
  );
  useRunKeys({ rowIds, selectedIndex, selectedRunId, onSelectRun, onRelease: release });

  function toggle(id: string) {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    onSelectRun(id === selectedRunId ? null : id);
  }

  return { expanded, selectedIndex, toggle };
}

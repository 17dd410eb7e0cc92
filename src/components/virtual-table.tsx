// A table inside its own scroll region that renders only the rows on screen when there are many
// (short lists render every row, so find-in-page works). Each row is a <tbody>, so a row can open
// a detail row under it; the caller renders rows, the shell places them and scrolls to one.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

export type VirtualTableProps = {
  /** The scroll region's accessible name. */
  label: string;
  caption: string;
  /** The header rows (<tr>…</tr>). */
  head: ReactNode;
  rowCount: number;
  rowKey: (index: number) => string | number;
  /** Virtualise above this many rows. */
  virtualizeAbove?: number;
  /** A row to bring into view (when it changes). */
  scrollToIndex?: number | null;
  /**
   * One row, as a <tbody> with `data-index={index}` and, when virtualised, `ref={measure}` (rows
   * with an open detail are taller).
   */
  renderRow: (index: number, measure: ((element: Element | null) => void) | undefined) => ReactNode;
};

const ROW_HEIGHT_ESTIMATE = 44;

export function VirtualTable({
  label,
  caption,
  head,
  rowCount,
  rowKey,
  virtualizeAbove = 150,
  scrollToIndex = null,
  renderRow,
}: VirtualTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualize = rowCount > virtualizeAbove;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's documented pattern
  const virtualizer = useVirtualizer({
    enabled: virtualize,
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_ESTIMATE,
    getItemKey: rowKey,
    overscan: 8,
    // Before layout (and where there is none, as in tests) assume a typical viewport.
    initialRect: { width: 1200, height: 600 },
  });

  useEffect(() => {
    if (scrollToIndex === null || scrollToIndex < 0) return;
    if (virtualize) virtualizer.scrollToIndex(scrollToIndex, { align: 'start' });
    else
      scrollRef.current
        ?.querySelector(`tbody[data-index="${scrollToIndex}"]`)
        ?.scrollIntoView?.({ block: 'nearest' });
  }, [scrollToIndex, virtualizer, virtualize]);

  const items = virtualize
    ? virtualizer.getVirtualItems()
    : Array.from({ length: rowCount }, (_, index) => ({ index, start: 0, end: 0 }));
  const paddingTop = virtualize ? (items[0]?.start ?? 0) : 0;
  const paddingBottom = virtualize ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;

  return (
    <div
      ref={scrollRef}
      role="region"
      tabIndex={0}
      aria-label={label}
      className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white"
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-slate-100 text-xs text-slate-700">{head}</thead>
        {paddingTop > 0 && (
          <tbody aria-hidden="true">
            <tr style={{ height: paddingTop }} />
          </tbody>
        )}
        {items.map((item) =>
          renderRow(item.index, virtualize ? virtualizer.measureElement : undefined),
        )}
        {paddingBottom > 0 && (
          <tbody aria-hidden="true">
            <tr style={{ height: paddingBottom }} />
          </tbody>
        )}
      </table>
    </div>
  );
}

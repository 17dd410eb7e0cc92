// A wide table's own sideways scroll, so a narrow screen scrolls the table and never the page.
// Focusable and named, so keyboard users can scroll it too.
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="-mx-1 overflow-x-auto px-1">
      {children}
    </div>
  );
}

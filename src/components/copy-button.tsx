// Copies a value to the clipboard and says so, for ids people quote to support. Values come from the
// API and are often pasted into a spreadsheet: what is copied is made spreadsheet-safe first (no line
// starts a formula, no tab splits a cell); links and ordinary ids are copied unchanged.
import { useState } from 'react';
import { safeLines } from '@/lib/format/spreadsheet-safe';

export function CopyButton({
  value,
  label,
  text = 'Copy',
}: {
  value: string;
  label: string;
  text?: string;
}) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(safeLines(value));
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
    window.setTimeout(() => setCopied('idle'), 2000);
  }
  return (
    <button
      type="button"
      onClick={() => void copy()}
      aria-label={label}
      className="rounded border border-slate-300 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
    >
      {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : text}
    </button>
  );
}

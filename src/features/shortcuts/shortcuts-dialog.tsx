// `?` opens a dialog listing the shortcuts; `/` and `w` jump to search and the time window.
import { useEffect, useId, useRef, useState } from 'react';
import { focusTarget, holdModal, isShortcutEvent } from '@/lib/keyboard/shortcut-keys';
import { SHORTCUTS } from './shortcuts';

export function Shortcuts() {
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (open) {
        if (event.key === 'Escape') {
          event.preventDefault();
          setOpen(false);
        } else if (event.key === 'Tab') {
          // The dialog's only control keeps focus while it is open.
          event.preventDefault();
          closeRef.current?.focus();
        }
        return;
      }
      if (!isShortcutEvent(event)) return;
      if (event.key === '?') {
        event.preventDefault();
        returnTo.current = document.activeElement as HTMLElement | null;
        setOpen(true);
      } else if (event.key === '/' && focusTarget('run-search')) event.preventDefault();
      else if (event.key === 'w' && focusTarget('time-window')) event.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  useEffect(() => (open ? holdModal() : undefined), [open]);

  useEffect(() => {
    if (open) closeRef.current?.focus();
    else returnTo.current?.focus();
  }, [open]);

  if (!open) return null;
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/50 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="w-full max-w-md rounded-lg bg-white p-5 text-sm shadow-xl"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <table className="mt-3 w-full">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action} className="border-t border-slate-200">
                <td className="py-1.5 pr-4">
                  {s.keys.map((k) => (
                    <kbd
                      key={k}
                      className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs"
                    >
                      {k}
                    </kbd>
                  ))}
                </td>
                <td className="py-1.5">{s.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          ref={closeRef}
          type="button"
          onClick={() => setOpen(false)}
          className="mt-4 rounded bg-slate-900 px-3 py-1.5 text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
        >
          Close
        </button>
      </div>
    </div>
  );
}

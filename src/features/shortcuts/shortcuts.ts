// Keyboard shortcuts: one list (shown in the help dialog) and one rule for when keys are ours.

export const SHORTCUTS = [
  { keys: ['j'], action: 'Next run in the table' },
  { keys: ['k'], action: 'Previous run in the table' },
  { keys: ['Esc'], action: 'Close the open run (or this dialog)' },
  { keys: ['/'], action: 'Search runs' },
  { keys: ['w'], action: 'Change the time window' },
  { keys: ['?'], action: 'Show these shortcuts' },
] as const;

/** Keys typed into a field belong to the field; with a modifier they belong to the browser. */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as HTMLElement | null;
  if (!target || typeof target.closest !== 'function') return true;
  if (target.isContentEditable) return false;
  const field = target.closest('input, textarea, select');
  if (!field) return true;
  const type = (field as HTMLInputElement).type;
  return field.tagName === 'INPUT' && ['button', 'checkbox', 'radio', 'submit'].includes(type);
}

/** Moves focus to the page's run search, or the first control of its time-window picker. */
export function focusPageControl(which: 'search' | 'window'): boolean {
  const target =
    which === 'search'
      ? document.querySelector<HTMLInputElement>('input[type="search"]')
      : document.querySelector<HTMLElement>('[role="group"][aria-label="Time window"] button');
  if (!target) return false;
  target.focus();
  return true;
}

// When a key press is a shortcut, and where a shortcut moves focus. Controls register themselves as
// focus targets, so the shortcut handler never has to find other components' elements by selector.

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

/** The controls a shortcut can jump to: the run search (`/`) and the time window (`w`). */
export type FocusTarget = 'run-search' | 'time-window';

const targets = new Map<FocusTarget, HTMLElement>();
const refs = new Map<FocusTarget, (element: HTMLElement | null) => () => void>();

/** A ref for the element that `focusTarget(name)` focuses (stable per name; the latest one wins). */
export function focusTargetRef(name: FocusTarget): (element: HTMLElement | null) => () => void {
  let ref = refs.get(name);
  if (!ref) {
    ref = (element) => {
      if (element) targets.set(name, element);
      return () => {
        if (targets.get(name) === element) targets.delete(name);
      };
    };
    refs.set(name, ref);
  }
  return ref;
}

/** Moves focus to a registered control; false when the page has none. */
export function focusTarget(name: FocusTarget): boolean {
  const element = targets.get(name);
  if (!element?.isConnected) return false;
  element.focus();
  return true;
}

let openModals = 0;

/** A modal dialog is open: page shortcuts (j, k, Esc) leave the keys to it. Returns the release. */
export function holdModal(): () => void {
  openModals += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    openModals -= 1;
  };
}

export function isModalOpen(): boolean {
  return openModals > 0;
}

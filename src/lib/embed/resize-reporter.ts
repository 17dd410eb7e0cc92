// Tells the host page the widget's content height whenever it changes, so it can size the iframe.
import { PROTOCOL_VERSION, type ResizeMessage } from './protocol';
import { parentOrigin } from './host-token';

export function startResizeReporter(
  allowedOrigins: readonly string[],
  win: Window = window,
): () => void {
  if (win.parent === win || allowedOrigins.length === 0 || typeof ResizeObserver === 'undefined')
    return () => {};
  const known = parentOrigin(win, allowedOrigins);
  const targets = known ? [known] : [...allowedOrigins];
  let last = -1;
  const report = () => {
    const height = Math.ceil(win.document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    const message: ResizeMessage = { type: 'sync-runs:resize', version: PROTOCOL_VERSION, height };
    for (const origin of targets) win.parent.postMessage(message, origin);
  };
  const observer = new ResizeObserver(report);
  observer.observe(win.document.body);
  report();
  return () => observer.disconnect();
}

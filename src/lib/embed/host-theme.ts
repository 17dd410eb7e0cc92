// Theme changes from the embedding page: accepted only from window.parent on an allowed origin.
import { parseThemeMessage } from './protocol';
import type { ThemePreference } from '@/lib/theme/theme';

export function listenForHostTheme(
  allowedOrigins: readonly string[],
  onTheme: (theme: ThemePreference) => void,
  win: Window = window,
): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent || win.parent === win) return;
    if (!allowedOrigins.includes(event.origin)) return;
    const message = parseThemeMessage(event.data);
    if (message) onTheme(message.theme);
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}

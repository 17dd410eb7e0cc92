// Whether the app runs as an embedded widget, and the host's display wishes.
import { parsePreference, type ThemePreference } from '@/lib/theme/theme';

/** theme: the host's ?theme=light|dark|system; light when absent (the widget's first behaviour). */
export type EmbedSettings = { embedded: boolean; theme: ThemePreference };

export function detectEmbed(win: Window = window): EmbedSettings {
  const params = new URLSearchParams(win.location.search);
  let framed = false;
  try {
    framed = win.self !== win.top;
  } catch {
    framed = true; // a cross-origin top throws on access: we are framed
  }
  return {
    embedded: params.get('embed') === '1' || framed,
    theme: parsePreference(params.get('theme')) ?? 'light',
  };
}

/** The same view in the full dashboard: the URL without the widget's own parameters. */
export function fullDashboardUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  url.searchParams.delete('theme');
  return url.toString();
}

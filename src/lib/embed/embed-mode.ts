// Whether the app runs as an embedded widget, and the host's display wishes.
import { parsePreference, type ThemePreference } from '@/lib/theme/theme';
import { parentOrigin } from './host-token';

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

/**
 * Whether the page around the widget may show it: `top` (not framed), `allowed` (framed by an
 * origin in `embed.allowedParentOrigins`) or `not-allowed` (framed by any other page, or by one
 * whose origin the browser does not tell). Only `frame-ancestors` stops framing, and a static host
 * may not send it, so the widget refuses by itself: no sign-in, no data inside such a page.
 */
export function framing(
  win: Window,
  allowed: readonly string[],
): 'top' | 'allowed' | 'not-allowed' {
  let framed: boolean;
  try {
    framed = win.self !== win.top;
  } catch {
    framed = true;
  }
  if (!framed) return 'top';
  if (!parentOrigin(win, allowed)) return 'not-allowed';
  // Every page around the widget, not only its parent, as frame-ancestors checks: an allowed
  // portal framed by another site must not carry the widget into it. (Browsers without
  // ancestorOrigins tell only the parent, through the referrer.)
  const ancestors = Array.from(win.location.ancestorOrigins ?? []);
  const ownOrigin = win.location.origin;
  return ancestors.every((origin) => origin === ownOrigin || allowed.includes(origin))
    ? 'allowed'
    : 'not-allowed';
}

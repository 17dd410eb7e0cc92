// Whether the app runs as an embedded widget, and the host's display wishes.

export type EmbedSettings = { embedded: boolean; theme: 'light' | 'dark' };

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
    theme: params.get('theme') === 'dark' ? 'dark' : 'light',
  };
}

/** The same view in the full dashboard: the URL without the widget's own parameters. */
export function fullDashboardUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  url.searchParams.delete('theme');
  return url.toString();
}

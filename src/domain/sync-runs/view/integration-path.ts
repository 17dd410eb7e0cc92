// The one way to an integration's page (`/integrations/:name`), for the app's links, saved views,
// the overview's periods, the embed demo and the watcher's notices: the name always encoded, so a
// slug with "/", "?", "#" or "%" stays one path segment and never reaches another route.

/** `/integrations/<name>`, with the query when it has one ("?since=…"). */
export function integrationPath(name: string, search?: URLSearchParams | string): string {
  const query = search?.toString() ?? '';
  return `/integrations/${encodeURIComponent(name)}${query ? `?${query}` : ''}`;
}

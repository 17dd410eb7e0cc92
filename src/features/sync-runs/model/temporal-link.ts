// Links from a run to its workflow in the Temporal Web UI, when a deployment configured one. The base
// comes from config.json (trusted); the ids come from the API and are percent-encoded into the path.
import { createContext, useContext } from 'react';

/** `temporalUiUrl` from config.json (for example https://temporal.example/namespaces/neo), or null. */
export const TemporalUiContext = createContext<string | null>(null);

export function useTemporalUiUrl(): string | null {
  return useContext(TemporalUiContext);
}

export function temporalWorkflowUrl(
  base: string,
  workflowId: string,
  runId: string | null,
): string | null {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const path = `${url.pathname.replace(/\/+$/, '')}/workflows/${encodeURIComponent(workflowId)}${
    runId ? `/${encodeURIComponent(runId)}` : ''
  }/history`;
  return new URL(path, url.origin).toString();
}

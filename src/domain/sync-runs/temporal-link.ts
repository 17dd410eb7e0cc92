// Links from a run to its workflow in the Temporal Web UI, when a deployment configured one. The base
// comes from config.json (trusted); the ids come from the API and are percent-encoded into the path.
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

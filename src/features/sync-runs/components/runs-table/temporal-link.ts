// Links from a run to its workflow in the Temporal Web UI, when a deployment configured one. The base
// comes from config.json (trusted); the ids come from the API and are percent-encoded into the path.

// `encodeURIComponent` leaves `.` and `..` as they are, and a URL parser resolves them as path steps
// (to another page of the Temporal UI); an empty id leaves an empty step. Refused, with their
// percent-encoded forms (a UI that decodes the path would see the same steps), as `syncRunsPath`
// refuses integration names: such an id stays copyable text, not a link.
import { isPathStep } from '@/lib/api/sync-runs';
function isPathSafeId(id: string): boolean {
  return id !== '' && !isPathStep(id);
}

export function temporalWorkflowUrl(
  base: string,
  workflowId: string,
  runId: string | null,
): string | null {
  if (!isPathSafeId(workflowId) || (runId !== null && !isPathSafeId(runId))) return null;
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const path = `${url.pathname.replace(/\/+$/, '')}/workflows/${encodeURIComponent(workflowId)}${
    runId === null ? '' : `/${encodeURIComponent(runId)}`
  }/history`;
  // Set as the path of the base's origin, never resolved against it: a path starting with `//`
  // would otherwise name another host.
  const link = new URL(url.origin);
  link.pathname = path;
  return link.toString();
}

// GET /public-api/integrations/{name}/sync-runs: one page, parsed at the boundary.
import { ApiError } from './api-error';
import type { HttpClient, RequestPriority } from './http-client';
import { syncRunSchema, syncRunsEnvelopeSchema, type SyncRun } from './schemas';

export const MAX_PAGE_SIZE = 200;

export type SyncRunsPageParams = {
  name: string;
  /** ISO-8601, inclusive lower bound on run start. */
  since?: string;
  /** ISO-8601 upper bound on run start. */
  until?: string;
  pageSize?: number;
  cursor?: string | null;
  /** `background`: work that can wait leaves the tenant's budget to what people wait on. */
  priority?: RequestPriority;
};

/** A run the API sent that did not match the contract: kept visible, never silently dropped. */
export type RunProblem = {
  index: number;
  runId: string | null;
  issues: string[];
};

export type SyncRunsPage = {
  runs: SyncRun[];
  problems: RunProblem[];
  hasMore: boolean;
  nextCursor: string | null;
  requestId: string;
  warnings: string[];
};

function describeRunProblem(item: unknown, index: number, issues: string[]): RunProblem {
  const runId =
    typeof item === 'object' &&
    item !== null &&
    typeof (item as { run_id?: unknown }).run_id === 'string'
      ? (item as { run_id: string }).run_id
      : null;
  return { index, runId, issues };
}

/** Parses a success body; throws ApiError('invalid_response') if the envelope itself is unusable. */
export function parseSyncRunsPage(body: unknown, headerRequestId: string | null): SyncRunsPage {
  const envelope = syncRunsEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    throw new ApiError({
      kind: 'invalid-response',
      status: 200,
      code: 'invalid_response',
      message: `The API's response did not have the expected shape (${envelope.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
        .join('; ')}).`,
      requestId: headerRequestId,
    });
  }
  const runs: SyncRun[] = [];
  const problems: RunProblem[] = [];
  envelope.data.data.forEach((item, index) => {
    const parsed = syncRunSchema.safeParse(item);
    if (parsed.success) runs.push(parsed.data);
    else
      problems.push(
        describeRunProblem(
          item,
          index,
          parsed.error.issues.map((i) => `${i.path.join('.') || 'run'}: ${i.message}`),
        ),
      );
  });
  const pagination = envelope.data.meta.pagination;
  return {
    runs,
    problems,
    hasMore: pagination?.has_more ?? false,
    nextCursor: pagination?.next_cursor ?? null,
    requestId: envelope.data.meta.request_id,
    warnings: envelope.data.meta.warnings ?? [],
  };
}

/** `.` or `..`, also percent-encoded: URL parsers resolve them as path steps, even encoded. */
export function isPathStep(segment: string): boolean {
  return /^(\.|%2e){1,2}$/i.test(segment);
}

/**
 * The path of an integration's sync runs. The name comes from a URL a person may have typed or been
 * sent: it is percent-encoded whole, and "." or ".." (which URL parsers resolve as path steps, even
 * encoded) are refused before any request, so a link can never address another API path.
 */
export function syncRunsPath(name: string): string {
  if (name === '' || isPathStep(name))
    throw new ApiError({
      kind: 'invalid-request',
      code: 'invalid_integration_name',
      message: `"${name}" is not an integration name.`,
    });
  return `/public-api/integrations/${encodeURIComponent(name)}/sync-runs`;
}

/** Fetches one page of an integration's sync runs, parsed at the boundary. */
export async function getSyncRunsPage(
  client: HttpClient,
  params: SyncRunsPageParams,
  signal?: AbortSignal,
): Promise<SyncRunsPage> {
  const response = await client.getJson(
    syncRunsPath(params.name),
    {
      since: params.since,
      until: params.until,
      page_size: params.pageSize === undefined ? undefined : String(params.pageSize),
      cursor: params.cursor ?? undefined,
    },
    signal,
    params.priority,
  );
  return parseSyncRunsPage(response.body, response.requestId);
}

// Failure signatures: the same failure across runs, grouped so "still failing since Tuesday" is one line.
import type { SyncRun } from '@/lib/api/schemas';
import { runStartMs, startOrEarliest } from '@/domain/sync-runs/model/run-times';
import type { RunWindowMs } from '@/domain/sync-runs/model/window';

/** Masks what changes between occurrences of the same problem: ids, numbers, quoted values. */
export function normaliseMessage(message: string): string {
  return message
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '<value>')
    .replace(/\b0x[0-9a-f]+\b/gi, '<n>')
    .replace(/\b[0-9a-f]{16,}\b/gi, '<id>')
    .replace(/\d+(\.\d+)?/g, '<n>')
    .replace(/\s+/g, ' ')
    .trim();
}

export type FailureSignature = {
  key: string;
  /** Short, stable id of `key` for URLs (`?sig=`). */
  id: string;
  activity: string;
  resource: string;
  parent: string | null;
  reason: string;
  message: string;
  exampleMessage: string;
  firstSeen: string;
  lastSeen: string;
  runCount: number;
  runIds: string[];
  /** Open until a later finished run of the activity had no failure for this resource. */
  state: 'open' | 'resolved';
  resolvedAt: string | null;
};

type Occurrence = { start: number; iso: string; runId: string };

/** A short stable hash (FNV-1a, base 36) of a signature key: links stay readable. */
export function signatureId(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function signatureKey(
  activity: string,
  resource: string,
  parent: string | null,
  reason: string,
  message: string,
  normalise: (message: string) => string = normaliseMessage,
) {
  return JSON.stringify([activity, resource, parent, reason, normalise(message)]);
}

/** normaliseMessage, once per distinct message: the same few messages recur in thousands of runs. */
function normaliserOnce(): (message: string) => string {
  const seen = new Map<string, string>();
  return (message) => {
    let normalised = seen.get(message);
    if (normalised === undefined) seen.set(message, (normalised = normaliseMessage(message)));
    return normalised;
  };
}

export function failureSignatures(runs: readonly SyncRun[]): FailureSignature[] {
  const groups = new Map<
    string,
    {
      sig: Omit<
        FailureSignature,
        'firstSeen' | 'lastSeen' | 'runCount' | 'runIds' | 'state' | 'resolvedAt'
      >;
      hits: Occurrence[];
    }
  >();
  // Finished runs in which an activity ran clean for a resource: the evidence that resolves a signature.
  const cleanRuns: {
    activity: string;
    start: number;
    iso: string;
    failedResources: Set<string>;
  }[] = [];

  const normalise = normaliserOnce();
  for (const run of runs) {
    const start = runStartMs(run);
    if (!run.started_at || start === null) continue;
    const iso = run.started_at;
    for (const activity of run.activities) {
      const failed = new Set<string>();
      for (const f of activity.failures) {
        failed.add(JSON.stringify([f.resource_label, f.parent_label]));
        const key = signatureKey(
          activity.activity_label,
          f.resource_label,
          f.parent_label,
          f.reason,
          f.error_message,
          normalise,
        );
        const group = groups.get(key) ?? {
          sig: {
            key,
            id: signatureId(key),
            activity: activity.activity_label,
            resource: f.resource_label,
            parent: f.parent_label,
            reason: f.reason,
            message: normalise(f.error_message),
            exampleMessage: f.error_message,
          },
          hits: [],
        };
        // A run's hits are added together: it is this group's last hit if it is one already.
        if (group.hits.at(-1)?.runId !== run.run_id)
          group.hits.push({ start, iso, runId: run.run_id });
        groups.set(key, group);
      }
      if (run.status !== 'RUNNING' && run.finished_at) {
        cleanRuns.push({
          activity: activity.activity_label,
          start,
          iso,
          failedResources: failed,
        });
      }
    }
  }

  const signatures: FailureSignature[] = [];
  for (const { sig, hits } of groups.values()) {
    hits.sort((a, b) => a.start - b.start);
    const first = hits[0] as Occurrence;
    const last = hits.at(-1) as Occurrence;
    const resourceKey = JSON.stringify([sig.resource, sig.parent]);
    let resolvedAt: number | null = null;
    let resolvedIso: string | null = null;
    for (const clean of cleanRuns) {
      if (
        clean.activity !== sig.activity ||
        clean.start <= last.start ||
        clean.failedResources.has(resourceKey)
      )
        continue;
      if (resolvedAt === null || clean.start < resolvedAt) {
        resolvedAt = clean.start;
        resolvedIso = clean.iso;
      }
    }
    signatures.push({
      ...sig,
      firstSeen: first.iso,
      lastSeen: last.iso,
      runCount: hits.length,
      runIds: hits.map((h) => h.runId),
      state: resolvedAt === null ? 'open' : 'resolved',
      resolvedAt: resolvedIso,
    });
  }
  return signatures.sort((a, b) =>
    a.state === b.state
      ? Date.parse(b.lastSeen) - Date.parse(a.lastSeen)
      : a.state === 'open'
        ? -1
        : 1,
  );
}

/** Occurrences per time bucket, for a sparkline. */
export function sparkline(
  signature: FailureSignature,
  runs: readonly SyncRun[],
  window: RunWindowMs,
  buckets = 30,
): number[] {
  const counts = new Array<number>(buckets).fill(0);
  const span = Math.max(1, window.until - window.since);
  const ids = new Set(signature.runIds);
  for (const run of runs) {
    if (!ids.has(run.run_id) || !run.started_at) continue;
    const i = Math.floor(((startOrEarliest(run) - window.since) / span) * buckets);
    if (i >= 0 && i < buckets) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

// Exports of the current view: its runs (one row per run), the window's failure signatures and its
// unusual activity, as CSV and JSON. Timestamps are the API's own (UTC), every column is present, and every CSV cell of
// API text is neutralised against spreadsheet formulas.
import type { SyncRun } from '@/lib/api/schemas';
import { safeCell } from '@/lib/format/spreadsheet-safe';
import type { Anomaly } from '@/domain/sync-runs/judgements/anomalies/anomaly';
import type { FailureSignature } from '@/domain/sync-runs/judgements/signatures';
import type { RunWindow } from '@/domain/sync-runs/model/window';

export type ExportFile = { name: string; type: string; content: string };
export type ExportFormat = 'csv' | 'json';

type Cell = string | number | null;

/** RFC 4180: quoted when needed, quotes doubled; text cells made spreadsheet-safe first. */
function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : safeCell(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const RUN_COLUMNS = [
  'run_id',
  'status',
  'started_at',
  'finished_at',
  'temporal_workflow_id',
  'temporal_run_id',
  'activities',
  'synced_count',
  'total_count',
  'failure_count',
  'error',
  'dashboard_message',
] as const;

function runRow(run: SyncRun): Cell[] {
  const sum = (pick: (a: SyncRun['activities'][number]) => number) =>
    run.activities.reduce((n, a) => n + pick(a), 0);
  return [
    run.run_id,
    run.status,
    run.started_at,
    run.finished_at,
    run.temporal_workflow_id,
    run.temporal_run_id,
    run.activities.map((a) => a.activity_label).join('; '),
    sum((a) => a.synced_count),
    sum((a) => a.total_count),
    sum((a) => a.failures.length),
    run.error,
    run.dashboard_message,
  ];
}

const SIGNATURE_COLUMNS = [
  'state',
  'activity',
  'resource',
  'parent',
  'reason',
  'example_message',
  'first_seen',
  'last_seen',
  'resolved_at',
  'run_count',
  'run_ids',
] as const;

function signatureRow(sig: FailureSignature): Cell[] {
  return [
    sig.state,
    sig.activity,
    sig.resource,
    sig.parent,
    sig.reason,
    sig.exampleMessage,
    sig.firstSeen,
    sig.lastSeen,
    sig.resolvedAt,
    sig.runCount,
    sig.runIds.join(' '),
  ];
}

const ANOMALY_COLUMNS = [
  'kind',
  'activity',
  'since',
  'sentence',
  'run_count',
  'run_ids',
  'evidence',
] as const;

function anomalyRow(anomaly: Anomaly): Cell[] {
  return [
    anomaly.kind,
    anomaly.activity,
    anomaly.since,
    anomaly.sentence,
    anomaly.runIds.length,
    anomaly.runIds.join(' '),
    JSON.stringify(anomaly.evidence),
  ];
}

type ExportKind = 'runs' | 'failures' | 'unusual';

/** A file-name-safe stem: `sync-runs_halopsa_2026-11-01T0000Z_2026-11-08T0000Z`. */
export function exportStem(kind: ExportKind, integration: string, window: RunWindow): string {
  const safe = (value: string) => value.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
  const stamp = (iso: string) => iso.replace(/:\d\d(\.\d+)?Z$/, 'Z').replace(/[:]/g, '');
  return `sync-${kind}_${safe(integration)}_${stamp(window.since)}_${stamp(window.until)}`;
}

function exportFile<T>(
  kind: ExportKind,
  format: ExportFormat,
  integration: string,
  window: RunWindow,
  items: readonly T[],
  table: { key: string; columns: readonly string[]; row: (item: T) => Cell[] },
): ExportFile {
  const name = `${exportStem(kind, integration, window)}.${format}`;
  if (format === 'json')
    return {
      name,
      type: 'application/json',
      content: `${JSON.stringify({ integration, window, [table.key]: items }, null, 2)}\n`,
    };
  return { name, type: 'text/csv', content: toCsv(table.columns, items.map(table.row)) };
}

export function runsExport(
  format: ExportFormat,
  integration: string,
  window: RunWindow,
  runs: readonly SyncRun[],
): ExportFile {
  return exportFile('runs', format, integration, window, runs, {
    key: 'runs',
    columns: RUN_COLUMNS,
    row: runRow,
  });
}

export function signaturesExport(
  format: ExportFormat,
  integration: string,
  window: RunWindow,
  signatures: readonly FailureSignature[],
): ExportFile {
  return exportFile('failures', format, integration, window, signatures, {
    key: 'signatures',
    columns: SIGNATURE_COLUMNS,
    row: signatureRow,
  });
}

export function anomaliesExport(
  format: ExportFormat,
  integration: string,
  window: RunWindow,
  anomalies: readonly Anomaly[],
): ExportFile {
  return exportFile('unusual', format, integration, window, anomalies, {
    key: 'anomalies',
    columns: ANOMALY_COLUMNS,
    row: anomalyRow,
  });
}

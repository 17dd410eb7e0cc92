// Failures grouped across runs: "still failing since Tuesday 09:12 (41 runs)" without opening a run.
import type { SyncRun } from '@/lib/api/schemas';
import { adviceForReason } from '@/domain/sync-runs/judgements/reason-advice';
import { sparkline, type FailureSignature } from '@/domain/sync-runs/judgements/signatures';
import { TimeText } from '@/components/time-text';
import { Sparkline } from './sparkline';
import type { RunWindowMs } from '@/domain/sync-runs/model/window';
import { plural } from '@/lib/format/plural';

export type SignatureListProps = {
  signatures: FailureSignature[];
  runs: readonly SyncRun[];
  window: RunWindowMs;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
};

export function SignatureList({
  signatures,
  runs,
  window,
  selectedId,
  onSelect,
}: SignatureListProps) {
  const open = signatures.filter((s) => s.state === 'open').length;
  return (
    <section
      aria-labelledby="signatures-heading"
      className="rounded-lg border border-slate-200 bg-white p-3"
    >
      <h2 id="signatures-heading" className="font-semibold">
        Failures across runs{' '}
        <span className="text-sm font-normal text-slate-600">
          ({open} still failing, {signatures.length - open} resolved)
        </span>
      </h2>
      {signatures.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No failures in this window.</p>
      ) : (
        <ul
          className="mt-2 max-h-96 space-y-2 overflow-auto text-sm"
          aria-label="Failure signatures"
        >
          {signatures.map((sig) => {
            const selected = sig.id === selectedId;
            return (
              <li
                key={sig.key}
                className={`rounded border p-2 ${selected ? 'border-blue-500 bg-blue-50' : 'border-slate-200'}`}
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-medium">
                      <span
                        className={`mr-1 rounded px-1.5 py-0.5 text-xs ${sig.state === 'open' ? 'bg-red-100 text-red-900' : 'bg-green-100 text-green-900'}`}
                      >
                        {sig.state === 'open' ? 'Still failing' : 'Resolved'}
                      </span>
                      {sig.resource}
                      {sig.parent ? ` · ${sig.parent}` : ''}{' '}
                      <span className="font-normal text-slate-600">({sig.activity})</span>
                    </p>
                    <p className="text-slate-800">
                      {sig.state === 'open' ? (
                        <>
                          Still failing since <TimeText iso={sig.firstSeen} show="both" />, in{' '}
                          {plural(sig.runCount, 'run')}
                        </>
                      ) : (
                        <>
                          Failed in {plural(sig.runCount, 'run')}, last{' '}
                          <TimeText iso={sig.lastSeen} />; fine again from{' '}
                          <TimeText iso={sig.resolvedAt} show="both" />
                        </>
                      )}
                    </p>
                    <p className="break-words text-slate-700" title={sig.exampleMessage}>
                      <code>{sig.reason}</code>: {sig.exampleMessage}
                    </p>
                    {sig.state === 'open' && (
                      <p className="mt-1 text-xs text-slate-600">{adviceForReason(sig.reason)}</p>
                    )}
                  </div>
                  <div className="flex flex-col items-end gap-1">
                    <Sparkline values={sparkline(sig, runs, window)} />
                    <button
                      type="button"
                      aria-pressed={selected}
                      onClick={() => onSelect(selected ? null : sig.id)}
                      className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
                    >
                      {selected ? 'Show all runs' : 'Show these runs'}
                    </button>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

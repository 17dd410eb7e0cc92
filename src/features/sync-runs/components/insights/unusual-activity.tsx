// "Unusual activity": what the detectors found in this window, each in plain words with since when
// and a way to see exactly those runs; or that nothing is unusual, or that it is too early to tell.
import { TimeText } from '@/components/time-text';
import { anomalyId, type AnomalyReport } from '@/domain/sync-runs/judgements/anomalies/anomaly';

export type UnusualActivityProps = {
  /** null until every run of the window has loaded. */
  report: AnomalyReport | null;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
};

export function UnusualActivity({ report, selectedId, onSelect }: UnusualActivityProps) {
  return (
    <section
      aria-labelledby="unusual-heading"
      className="rounded-lg border border-slate-200 bg-white p-3"
    >
      <h2 id="unusual-heading" className="font-semibold">
        Unusual activity
      </h2>
      {report === null ? (
        <p className="mt-2 text-sm text-slate-700">
          Looking for unusual activity once every run of the window has loaded…
        </p>
      ) : report.notEnoughHistory ? (
        <p className="mt-2 text-sm text-slate-700">
          Not enough history in this window to tell what is unusual.
        </p>
      ) : report.anomalies.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">Nothing unusual in this window.</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {report.anomalies.map((anomaly) => {
            const id = anomalyId(anomaly);
            const selected = id === selectedId;
            return (
              <li key={id} className="rounded border border-amber-200 bg-amber-50 p-2">
                <p>{anomaly.sentence}</p>
                <p className="mt-1 flex flex-wrap items-center gap-x-3 text-xs text-slate-700">
                  <span>
                    Since <TimeText iso={anomaly.since} show="both" />
                  </span>
                  <button
                    type="button"
                    aria-pressed={selected}
                    onClick={() => onSelect(selected ? null : id)}
                    className="text-blue-700 underline"
                  >
                    {selected ? 'Show all runs' : 'Show these runs'}
                  </button>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

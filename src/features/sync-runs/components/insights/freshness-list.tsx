// "Fresh as of" per activity: the start of the last run in which it finished without failures.
import type { ActivityFreshness } from '@/domain/sync-runs/judgements/freshness';
import { ScrollRegion } from '@/components/scroll-region';
import { TimeText } from '@/components/time-text';

export function FreshnessList({ items }: { items: ActivityFreshness[] }) {
  return (
    <section
      aria-labelledby="freshness-heading"
      className="rounded-lg border border-slate-200 bg-white p-3"
    >
      <h2 id="freshness-heading" className="font-semibold">
        Freshness by activity
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No activities reported in this window.</p>
      ) : (
        <ScrollRegion label="Freshness table">
          <table className="mt-2 w-full text-left text-sm">
            <caption className="sr-only">When each activity last finished without failures</caption>
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="sticky left-0 bg-white py-1 pr-2">
                  Activity
                </th>
                <th scope="col" className="py-1 pr-2">
                  Fresh as of
                </th>
                <th scope="col" className="py-1">
                  Last failure
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.activity} className="border-t border-slate-100">
                  <th scope="row" className="sticky left-0 bg-white py-1 pr-2 font-medium">
                    {item.activity}
                  </th>
                  <td className="py-1 pr-2">
                    {item.freshAsOf ? (
                      <TimeText iso={item.freshAsOf} show="both" />
                    ) : (
                      <span className="font-medium text-red-800">
                        Never succeeded in this window
                      </span>
                    )}
                  </td>
                  <td className="py-1">
                    {item.lastFailedAt ? (
                      <TimeText iso={item.lastFailedAt} />
                    ) : (
                      <span className="text-slate-600">none</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

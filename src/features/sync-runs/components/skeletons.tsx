// Placeholders shaped like the chart and the table, shown while the first page loads.
export function ChartSkeleton() {
  return (
    <div className="h-40 rounded-lg border border-slate-200 bg-white p-3" aria-hidden="true">
      <div className="h-full rounded bg-slate-100" />
    </div>
  );
}

export function TableSkeleton() {
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" aria-hidden="true">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="h-6 rounded bg-slate-100" />
      ))}
    </div>
  );
}

// A tiny bar sparkline (decorative: the text next to it says the same).
import { STATUS_FILL } from '@/features/sync-runs/components/status-style';

export function Sparkline({
  values,
  color = STATUS_FILL.FAILURE,
}: {
  values: number[];
  color?: string;
}) {
  const max = Math.max(1, ...values);
  const width = values.length * 3;
  return (
    <svg
      width={width}
      height={16}
      viewBox={`0 0 ${width} 16`}
      aria-hidden="true"
      className="shrink-0"
    >
      {values.map((v, i) =>
        v > 0 ? (
          <rect
            key={i}
            x={i * 3}
            y={16 - Math.max(2, (v / max) * 16)}
            width={2}
            height={Math.max(2, (v / max) * 16)}
            style={{ fill: color }}
          />
        ) : null,
      )}
      <line
        x1={0}
        x2={width}
        y1={15.5}
        y2={15.5}
        style={{ stroke: 'var(--color-slate-300)' }}
        strokeWidth={1}
      />
    </svg>
  );
}

// PIN changes per day as a small bar chart (SVG attributes, no inline styles: the CSP forbids them), with a text table.
export function PinChangeChart({ days }: { days: Array<{ day: string; changes: number }> }) {
  if (days.length === 0) return <p>No PIN changes recorded yet.</p>;
  const max = Math.max(...days.map((entry) => entry.changes));
  const barWidth = 14;
  const height = 120;
  const total = days.reduce((sum, entry) => sum + entry.changes, 0);
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-label={`PIN changes per day: ${total} in ${days.length} days`}
        viewBox={`0 0 ${days.length * (barWidth + 4)} ${height + 20}`}
        width="100%"
        height={height + 20}
      >
        {days.map((entry, index) => {
          const barHeight = Math.max(2, Math.round((entry.changes / max) * height));
          return (
            <rect
              key={entry.day}
              x={index * (barWidth + 4)}
              y={height - barHeight}
              width={barWidth}
              height={barHeight}
              className="chart__bar"
            >
              <title>{`${entry.day}: ${entry.changes}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        PIN changes per day, {days[0]!.day} to {days.at(-1)!.day} (peak {max})
      </figcaption>
    </figure>
  );
}

/** A horizontal bar chart as a list: the figures are text (read by everyone), the bars are inline SVG. */
export function BarList({
  rows,
  tone = 'brand',
}: {
  rows: { key: string; label: string; value: number; display: string }[];
  tone?: 'brand' | 'danger';
}) {
  const max = Math.max(0, ...rows.map((r) => r.value));
  return (
    <ul className="bar-list">
      {rows.map((row) => {
        const width = max > 0 ? Math.max(1, (row.value / max) * 100) : 0;
        return (
          <li key={row.key}>
            <span className="bar-label">{row.label}</span>
            <span className="bar-value">{row.display}</span>
            <svg
              className={`bar bar-${tone}`}
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              aria-hidden="true"
            >
              <rect x="0" y="0" width="100" height="10" rx="2" className="bar-track" />
              <rect x="0" y="0" width={width} height="10" rx="2" className="bar-fill" />
            </svg>
          </li>
        );
      })}
    </ul>
  );
}

/** Two bars, last month and this month, for the stock value card. */
export function CompareBars({
  previous,
  current,
  label,
}: {
  previous: number;
  current: number;
  label: string;
}) {
  const max = Math.max(previous, current, 1);
  const h = (v: number) => Math.max(2, (v / max) * 40);
  return (
    <svg className="compare-bars" width="56" height="44" viewBox="0 0 56 44" role="img" aria-label={label}>
      <rect x="6" y={42 - h(previous)} width="18" height={h(previous)} rx="2" className="compare-prev" />
      <rect x="32" y={42 - h(current)} width="18" height={h(current)} rx="2" className="compare-cur" />
      <line x1="0" y1="42.5" x2="56" y2="42.5" className="compare-axis" />
    </svg>
  );
}

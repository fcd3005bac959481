import { blueOrange, textColorOn } from '../../core/viz/colorMaps';

const CELL = 22;

/**
 * A k×k kernel as a small heat map on the shared diverging map ({@link blueOrange}: negative blue,
 * 0 light grey, positive orange), scaled to its own largest |weight|. The weights are in the
 * accessible name; small integer kernels also print them in the cells.
 */
export function KernelHeatmap({
  weights,
  k = 3,
  name,
  ariaLabel,
  testId,
}: {
  weights: readonly number[];
  k?: number;
  name: string;
  ariaLabel: string;
  testId?: string;
}) {
  const max = Math.max(1e-12, ...weights.map(Math.abs));
  const integers = weights.every((w) => Number.isInteger(w));
  return (
    <figure className="aimldl-kernel" data-testid={testId}>
      <svg
        viewBox={`0 0 ${k * CELL} ${k * CELL}`}
        width={k * CELL * 2}
        height={k * CELL * 2}
        role="img"
        aria-label={ariaLabel}
      >
        {weights.map((w, i) => {
          const colour = blueOrange(w / max);
          return (
            <g key={i}>
              <rect
                x={(i % k) * CELL}
                y={Math.floor(i / k) * CELL}
                width={CELL}
                height={CELL}
                fill={colour}
                stroke="#555"
                strokeWidth={0.5}
              />
              {integers && (
                <text
                  x={(i % k) * CELL + CELL / 2}
                  y={Math.floor(i / k) * CELL + CELL / 2}
                  dy="0.35em"
                  textAnchor="middle"
                  fontSize={9}
                  fill={textColorOn(colour)}
                  aria-hidden="true"
                >
                  {w}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>{name}</figcaption>
    </figure>
  );
}

/** The colour legend of {@link KernelHeatmap}: −1 … 0 … +1 of each filter's own scale. */
export function KernelLegend({
  title,
  negative,
  zero,
  positive,
}: {
  title: string;
  negative: string;
  zero: string;
  positive: string;
}) {
  const stops = [-1, -0.5, 0, 0.5, 1];
  return (
    <figure className="aimldl-legend" data-testid="kernel-legend">
      <svg viewBox="0 0 200 16" width={200} height={16} aria-hidden="true">
        {Array.from({ length: 40 }, (_, i) => (
          <rect key={i} x={i * 5} y={0} width={5} height={16} fill={blueOrange(-1 + (2 * (i + 0.5)) / 40)} />
        ))}
        {stops.map((s) => (
          <line
            key={s}
            x1={100 + 100 * s - (s === 1 ? 0.5 : 0)}
            x2={100 + 100 * s - (s === 1 ? 0.5 : 0)}
            y1={10}
            y2={16}
            stroke="#333"
          />
        ))}
      </svg>
      <div className="aimldl-legend__labels">
        <span>{negative}</span>
        <span>{zero}</span>
        <span>{positive}</span>
      </div>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

import { useId } from 'react';
import { fmtInt } from './neuronsFormat';

/** One bar: a label, a positive value and a colour. */
export interface ParamBar {
  id: string;
  label: string;
  value: number;
  colour: string;
  /** Solid or hatched fill, so that bars differ beyond colour. */
  pattern: 'solid' | 'hatched';
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const tenTo = (e: number) => `10${[...String(e)].map((c) => SUPERSCRIPT[Number(c)] ?? c).join('')}`;

/** The decades [10^lo, 10^hi] that hold every positive value (at least one decade). */
export function decadeRange(values: readonly number[]): [number, number] {
  const pos = values.filter((v) => v > 0);
  if (pos.length === 0) return [0, 1];
  const lo = Math.floor(Math.log10(Math.min(...pos)));
  const hi = Math.ceil(Math.log10(Math.max(...pos)));
  return [Math.max(0, lo), Math.max(hi, lo + 1)];
}

/**
 * Horizontal bars on a logarithmic axis with a gridline at every power of ten; each bar has its
 * value written at its end. Plain SVG, drawn by React.
 */
export function ParamBarChart({
  bars,
  title,
  description,
}: {
  bars: readonly ParamBar[];
  title: string;
  description: string;
}) {
  const id = useId();
  const [lo, hi] = decadeRange(bars.map((b) => b.value));
  const W = 620;
  const left = 190;
  const right = 110;
  const rowH = 34;
  const top = 10;
  const H = top + bars.length * rowH + 30;
  const sx = (v: number) =>
    left + ((Math.log10(Math.max(v, 10 ** lo)) - lo) / (hi - lo)) * (W - left - right);
  const decades = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  return (
    <svg
      className="param-bars"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      data-testid="param-bars"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <defs>
        {bars
          .filter((b) => b.pattern === 'hatched')
          .map((b) => (
            <pattern
              key={b.id}
              id={`${id}-hatch-${b.id}`}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="#ffffff" />
              <line x1="0" y1="0" x2="0" y2="6" stroke={b.colour} strokeWidth="3" />
            </pattern>
          ))}
      </defs>
      {decades.map((e) => (
        <g key={e}>
          <line x1={sx(10 ** e)} x2={sx(10 ** e)} y1={top - 4} y2={H - 24} className="param-bars__grid" />
          <text x={sx(10 ** e)} y={H - 8} textAnchor="middle" className="param-bars__tick">
            {tenTo(e)}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = top + i * rowH;
        const x1 = sx(b.value);
        return (
          <g key={b.id} data-testid={`param-bar-${b.id}`} data-value={b.value}>
            <text x={left - 8} y={y + rowH / 2 + 4} textAnchor="end" className="param-bars__label">
              {b.label}
            </text>
            <rect
              x={left}
              y={y + 5}
              width={Math.max(1, x1 - left)}
              height={rowH - 10}
              fill={b.pattern === 'hatched' ? `url(#${id}-hatch-${b.id})` : b.colour}
              stroke={b.colour}
              strokeWidth={1.5}
            />
            <text x={x1 + 6} y={y + rowH / 2 + 4} className="param-bars__value">
              {fmtInt(b.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

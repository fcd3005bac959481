import { forwardRef } from 'react';
import { blueOrange, textColorOn } from '../../core/viz/colorMaps';
import { fmt3 } from './slidingWindow';
import './convolution.css';

/** The background of a weight on the diverging scale (±range), and a readable text colour on it. */
export function weightColours(w: number, range: number): { background: string; color: string } {
  const background = blueOrange(range > 0 ? w / range : 0);
  return { background, color: textColorOn(background) };
}

/**
 * A small k × k grid of numbers (a kernel, an input patch, products), each cell tinted on the diverging
 * scale when `tint` is set. `values` may be omitted for a grid whose cells a player fills in directly.
 */
export const KernelGrid = forwardRef<
  HTMLDivElement,
  {
    size: number;
    cols?: number;
    values?: readonly number[];
    label: string;
    tint?: boolean;
    testId?: string;
    small?: boolean;
  }
>(function KernelGrid({ size, cols, values, label, tint = false, testId, small = false }, ref) {
  const c = cols ?? size;
  const n = size * c;
  const range = tint && values ? Math.max(...values.map((v) => Math.abs(v)), 0) : 0;
  return (
    <div
      ref={ref}
      className={`conv-grid${small ? ' conv-grid--small' : ''}`}
      style={{ gridTemplateColumns: `repeat(${c}, auto)` }}
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      {Array.from({ length: n }, (_, i) => {
        const v = values?.[i];
        const style = tint && v !== undefined ? weightColours(v, range) : undefined;
        return (
          <span key={i} className="conv-grid__cell" style={style}>
            {v === undefined ? '' : fmt3(v)}
          </span>
        );
      })}
    </div>
  );
});

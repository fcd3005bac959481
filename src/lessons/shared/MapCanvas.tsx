import './shared.css';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { scaleColour, valueRange, valuesToRgba, type ValueScale } from '../../core/viz/valuesToRgba';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';

/**
 * One map (an image, a feature map) drawn on a canvas with crisp, enlarged pixels. The canvas is
 * `role="img"` with `label`; what it shows in numbers is written next to it by the caller.
 * `children` are drawn over the canvas (e.g. an SVG outline of the kernel window).
 */
export function MapCanvas({
  values,
  width,
  height,
  scale,
  range,
  label,
  displayWidth,
  testId,
  children,
}: {
  values: ArrayLike<number>;
  width: number;
  height: number;
  scale: ValueScale;
  /** [lo, hi] of the colour scale; default {@link valueRange}. */
  range?: readonly [number, number];
  label: string;
  /** CSS width in pixels (default: 3 × width, at most 512). */
  displayWidth?: number;
  testId?: string;
  children?: ReactNode;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [lo, hi] = range ?? valueRange(values, scale);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || width <= 0 || height <= 0) return;
    if (c.width !== width) c.width = width;
    if (c.height !== height) c.height = height;
    const image = ctx.createImageData(width, height);
    valuesToRgba(values, scale, lo, hi, image.data);
    ctx.putImageData(image, 0, 0);
  }, [values, width, height, scale, lo, hi]);
  const cssWidth = displayWidth ?? Math.min(512, 3 * width);
  return (
    <div className="map-canvas" style={{ width: cssWidth, aspectRatio: `${width} / ${height}` }}>
      <canvas
        ref={canvas}
        className="map-canvas__canvas"
        role="img"
        aria-label={label}
        data-testid={testId}
        data-lo={lo}
        data-hi={hi}
      />
      {children && <div className="map-canvas__overlay">{children}</div>}
    </div>
  );
}

/**
 * A horizontal colour bar for a {@link MapCanvas}: the scale's colours from lo to hi with the two
 * ends (and 0 for the diverging scale) written under it.
 */
export function ColourLegend({
  scale,
  range,
  label,
  width = 200,
}: {
  scale: ValueScale;
  range: readonly [number, number];
  label: string;
  width?: number;
}) {
  const id = useId();
  const stops = [0, 32, 64, 96, 128, 160, 192, 224, 255].map((k) => ({
    offset: k / 255,
    colour: scaleColour(scale, k),
  }));
  const [lo, hi] = range;
  const ticks: [number, string][] = [
    [0, formatNumber(lo, 3)],
    ...(scale === 'diverging' && lo < 0 && hi > 0 ? ([[0.5, '0']] as [number, string][]) : []),
    [1, formatNumber(hi, 3)],
  ];
  return (
    <svg
      className="colour-legend"
      viewBox={`0 0 ${width} 34`}
      width={width}
      role="img"
      aria-labelledby={`${id}-t`}
    >
      <title id={`${id}-t`}>{label}</title>
      <defs>
        <linearGradient id={`${id}-g`} x1="0" x2="1" y1="0" y2="0">
          {stops.map((s) => (
            <stop key={s.offset} offset={s.offset} stopColor={s.colour} />
          ))}
        </linearGradient>
      </defs>
      <rect x={8} y={2} width={width - 16} height={12} fill={`url(#${id}-g)`} stroke="#555" />
      {ticks.map(([t, text]) => (
        <text
          key={t}
          x={8 + t * (width - 16)}
          y={30}
          textAnchor={t === 0 ? 'start' : t === 1 ? 'end' : 'middle'}
          className="colour-legend__tick"
        >
          {text}
        </text>
      ))}
    </svg>
  );
}

import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import type { Lang } from '../../core/lessons/types';
import { MapCanvas } from './MapCanvas';
import type { LessonSlice } from './lessonSlice';
import { sliceName } from './SliceSource';

/** A rectangle on the slice, in slice pixels (top-left corner and size). */
export interface SliceBox {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** The slice pixel (row, column) under a click on an element showing the whole slice; null when it has no size. */
export function pixelAt(
  e: Pick<MouseEvent, 'clientX' | 'clientY'>,
  rect: Pick<DOMRect, 'left' | 'top' | 'width' | 'height'>,
  width: number,
  height: number,
): [number, number] | null {
  if (!(rect.width > 0 && rect.height > 0)) return null;
  const col = Math.floor(((e.clientX - rect.left) / rect.width) * width);
  const row = Math.floor(((e.clientY - rect.top) / rect.height) * height);
  return [Math.min(height - 1, Math.max(0, row)), Math.min(width - 1, Math.max(0, col))];
}

/** Arrow key → (rows, columns) to move by one step; null for any other key. */
export function arrowDelta(key: string): [number, number] | null {
  switch (key) {
    case 'ArrowUp':
      return [-1, 0];
    case 'ArrowDown':
      return [1, 0];
    case 'ArrowLeft':
      return [0, -1];
    case 'ArrowRight':
      return [0, 1];
    default:
      return null;
  }
}

/**
 * The whole slice, small, with the region a step works on outlined (orange, solid) and optionally a
 * second region (sky blue, dashed). A click reports the slice pixel under the pointer; with focus,
 * the arrow keys report a move by one step in that direction (`big` with Shift). The arrow keys
 * do not reach the lesson's own ← / → step keys while the overview has focus.
 */
export function SliceOverview({
  slice,
  lang,
  box,
  second,
  label,
  displayWidth = 200,
  testId,
  data,
  onPoint,
  onNudge,
  children,
}: {
  slice: LessonSlice;
  lang: Lang;
  box: SliceBox;
  second?: SliceBox;
  /** Accessible name of the focusable overview (what it does). */
  label: string;
  displayWidth?: number;
  testId?: string;
  /** Extra data-* attributes for the focusable element (without the `data-` prefix). */
  data?: Readonly<Record<string, string | number>>;
  /** A click at slice pixel (row, column). */
  onPoint(row: number, col: number): void;
  /** An arrow key: move by (dRow, dCol) steps; `big` when Shift was held. */
  onNudge(dRow: number, dCol: number, big: boolean): void;
  /** Drawn after the outlines, inside the same SVG (slice pixel coordinates). */
  children?: ReactNode;
}) {
  const { width: W, height: H } = slice;
  const stroke = Math.max(1, W / 160);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const d = arrowDelta(e.key);
    if (!d || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    onNudge(d[0], d[1], e.shiftKey);
  };
  const onClick = (e: MouseEvent<HTMLDivElement>): void => {
    const p = pixelAt(e, e.currentTarget.getBoundingClientRect(), W, H);
    if (p) onPoint(p[0], p[1]);
  };
  const dataAttrs = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <div
      className="slice-overview"
      tabIndex={0}
      role="group"
      aria-label={label}
      data-testid={testId}
      {...dataAttrs}
      onKeyDown={onKeyDown}
      onClick={onClick}
      style={{ width: displayWidth }}
    >
      <MapCanvas
        values={slice.intensity}
        width={W}
        height={H}
        scale="gray"
        range={[0, 1]}
        label={sliceName(slice, lang)}
        displayWidth={displayWidth}
      >
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true">
          {second && (
            <rect
              x={second.left}
              y={second.top}
              width={second.width}
              height={second.height}
              fill="none"
              stroke="#56B4E9"
              strokeWidth={stroke}
              strokeDasharray={`${3 * stroke} ${2 * stroke}`}
            />
          )}
          <rect
            x={box.left}
            y={box.top}
            width={box.width}
            height={box.height}
            fill="none"
            stroke="#E69F00"
            strokeWidth={stroke * 1.5}
          />
          {children}
        </svg>
      </MapCanvas>
    </div>
  );
}

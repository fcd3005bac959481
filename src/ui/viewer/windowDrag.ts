/**
 * Window/level by dragging, as radiology viewers do (cornerstoneTools `wwwc` tool,
 * github.com/cornerstonejs/cornerstoneTools src/imageTools/wwwc.js): horizontal movement changes
 * the width, vertical movement the level (centre), both scaled by the data's dynamic range / 1024.
 */
import { MIN_WINDOW_WIDTH, type VoiWindow } from '../../core/imaging/display/voiWindow';

/**
 * The window after dragging by (dx, dy) CSS pixels from `start`: width + dx × sensitivity (right
 * widens), centre + dy × sensitivity (down raises the level, so the image darkens), width kept ≥ 1.
 */
export function dragToWindow(start: VoiWindow, dx: number, dy: number, sensitivity: number): VoiWindow {
  return {
    center: start.center + dy * sensitivity,
    width: Math.max(MIN_WINDOW_WIDTH, start.width + dx * sensitivity),
  };
}

/**
 * Modality units per CSS pixel of drag: (max − min) / 1024, so crossing 1024 px spans the data's
 * whole range whatever its bit depth (the cornerstoneTools rule); never below 1/1024.
 */
export function dragSensitivity(min: number, max: number): number {
  const range = Number.isFinite(max - min) ? max - min : 0;
  return Math.max(1, range) / 1024;
}

/** Decimals worth showing for a step of `step` units: 0 for steps ≥ 1, else enough to see one step (≤ 4). */
export function decimalsForStep(step: number): number {
  if (!(step > 0) || step >= 1) return 0;
  return Math.min(4, Math.ceil(-Math.log10(step)));
}

/** The window rounded to `decimals` (so inputs show 40, not 40.000000001). */
export function roundWindow(w: VoiWindow, decimals: number): VoiWindow {
  const f = 10 ** decimals;
  return {
    center: Math.round(w.center * f) / f,
    width: Math.max(MIN_WINDOW_WIDTH, Math.round(w.width * f) / f),
  };
}

/** Minimum and maximum of the finite values (one pass); [0, 0] when there are none. */
export function valueRange(values: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? [min, max] : [0, 0];
}

/**
 * The VOI window (Window Center / Window Width, PS3.3 C.11.2.1.2) as a plain value, and the small
 * helpers that every window source (file, preset, automatic, drag) shares.
 */

/**
 * A VOI LUT window in modality units (HU for CT): Window Center (0028,1050) and Window Width
 * (0028,1051), PS3.3 C.11.2.1.2. Named `VoiWindow` so as not to shadow the DOM's `Window`.
 */
export interface VoiWindow {
  center: number;
  width: number;
}

/** Smallest width the LINEAR VOI LUT function allows: "Window Width (0028,1051) shall always be ≥ 1" (PS3.3 C.11.2.1.2.1). */
export const MIN_WINDOW_WIDTH = 1;

/**
 * The window with its width raised to {@link MIN_WINDOW_WIDTH} when needed (PS3.3 C.11.2.1.2.1);
 * a non-finite centre becomes 0 and a non-finite width becomes the minimum.
 */
export function clampWindow(w: VoiWindow): VoiWindow {
  const center = Number.isFinite(w.center) ? w.center : 0;
  const width = Number.isFinite(w.width) ? Math.max(MIN_WINDOW_WIDTH, w.width) : MIN_WINDOW_WIDTH;
  return { center, width };
}

/**
 * The LINEAR window whose grey ramp runs exactly from `lo` (black) to `hi` (white): with the
 * PS3.3 C.11.2.1.2.1 function, x ≤ c − 0.5 − (w − 1)/2 is black and x > c − 0.5 + (w − 1)/2 is
 * white, so w = hi − lo + 1 and c = (lo + hi + 1)/2. For integer data, lo maps to 0 and hi to 255.
 */
export function windowForRange(lo: number, hi: number): VoiWindow {
  const a = Math.min(lo, hi);
  const b = Math.max(lo, hi);
  return { center: (a + b + 1) / 2, width: b - a + 1 };
}

/**
 * The window that shows unsigned `bits`-bit data unchanged: c = 2^(bits−1), w = 2^bits. For 8-bit
 * data the LINEAR function then gives y = ((x − (128 − 0.5))/255 + 0.5) × 255 = x exactly.
 */
export function fullRangeWindow(bits: number): VoiWindow {
  const b = Math.max(1, Math.min(32, Math.round(bits)));
  return { center: 2 ** (b - 1), width: 2 ** b };
}

/** Whether two windows are equal to within `tolerance` (for "is this preset active?"). */
export function sameWindow(a: VoiWindow, b: VoiWindow, tolerance = 1e-6): boolean {
  return Math.abs(a.center - b.center) <= tolerance && Math.abs(a.width - b.width) <= tolerance;
}

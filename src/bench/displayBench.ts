/**
 * Display benchmark: re-windowing one 512×512 CT slice to RGBA (what the viewer does on every
 * pointer move while the user drags the window).
 */
import { mulberry32 } from '../core/datasets/discPhantom';
import { renderToRgba, type RenderableImage } from '../core/imaging/display/renderToRgba';
import { median, round, timeSyncRuns } from './stats';

/** Side of the benchmark slice. */
export const REWINDOW_SIZE = 512;

/**
 * A CT-like 512×512 slice in HU: air (−1000) outside a body disc of soft tissue (≈ 40 HU) with a
 * fatty rim (≈ −100 HU), a bony ring (≈ 700 HU) and a lung-like region (≈ −850 HU), plus noise.
 */
export function ctLikeSlice(size = REWINDOW_SIZE, seed = 7): Float32Array {
  const rand = mulberry32(seed);
  const out = new Float32Array(size * size);
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c, y - c) / (size / 2);
      const lung = Math.hypot(x - c * 0.7, y - c) / (size / 2) < 0.22;
      let hu = -1000;
      if (r < 0.9) hu = r > 0.8 ? -100 : r > 0.7 ? 700 : lung ? -850 : 40;
      out[y * size + x] = Math.round(hu + (rand() - 0.5) * 40);
    }
  }
  return out;
}

/**
 * Median ms of `renderToRgba` on a 512×512 Float32Array of CT-like values, reusing one output
 * buffer, with the window changing every run (as during a drag). Two untimed warm-up runs first.
 * Synchronous on purpose (the work is synchronous): timed with `timeSyncRuns`, not the async `timeRuns`.
 */
export function benchRewindow512(runs: number): { medianMs: number } {
  const image: RenderableImage = {
    values: ctLikeSlice(),
    rows: REWINDOW_SIZE,
    columns: REWINDOW_SIZE,
    samplesPerPixel: 1,
    photometricInterpretation: 'MONOCHROME2',
  };
  const out = new Uint8ClampedArray(REWINDOW_SIZE * REWINDOW_SIZE * 4);
  const windowAt = (i: number) => ({ center: 40 + ((i * 37) % 400) - 200, width: 80 + ((i * 53) % 1500) });
  const times = timeSyncRuns((i) => renderToRgba(image, windowAt(i), {}, out), 2, Math.max(1, runs));
  return { medianMs: round(median(times)) };
}

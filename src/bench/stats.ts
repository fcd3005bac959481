/** Small timing helpers shared by the bench sections. */
import { median as medianOf } from '../core/tensor/backendTiming';
import type { Tensor, Tf } from './tfTypes';

/** The median of `values` (the app's {@link medianOf}: mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : medianOf(values);
}

/** Rounds to `digits` decimals, so results.json stays readable. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Runs `fn` `warmup` times untimed, then `runs` times timed, and returns every timed duration in ms.
 * `fn` must finish its work before it resolves (await the output's data for GPU backends).
 */
export async function timeRuns(fn: () => Promise<void>, warmup: number, runs: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * The synchronous form of {@link timeRuns}: calls `fn(0)` … `fn(warmup − 1)` untimed, then
 * `fn(warmup)` … `fn(warmup + runs − 1)` timed, and returns every timed duration in ms.
 * The index lets each call vary its input (a seed, a window).
 */
export function timeSyncRuns(fn: (i: number) => void, warmup: number, runs: number): number[] {
  for (let i = 0; i < warmup; i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(warmup + i);
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * Times the round trip of one single-channel square image through `op`: upload (`tf.tensor4d`
 * from `image`), `op`, and download (`await data()`, so GPU work has finished). Returns every
 * timed duration in ms, after `warmup` untimed runs; disposes what each run made.
 */
export function timeImageRoundTrips(
  tf: Tf,
  image: Float32Array,
  size: number,
  op: (x: ReturnType<Tf['tensor4d']>) => Tensor,
  warmup: number,
  runs: number,
): Promise<number[]> {
  return timeRuns(
    async () => {
      const x = tf.tensor4d(image, [1, size, size, 1]);
      const y = op(x);
      try {
        await y.data();
      } finally {
        tf.dispose([x, y]);
      }
    },
    warmup,
    runs,
  );
}

/** Yields to the event loop so the page can paint progress between long steps. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Live speed of one forward pass on the tfjs backends of this browser, for the `#/zoo` page.
 *
 * A pass is timed as the median of `runs` wall-clock times after `warmup` untimed passes (the
 * first passes on a backend compile shaders, upload weights and allocate buffers; the median is
 * robust to the odd garbage-collection pause). Each pass must include the download of its result,
 * so that GPU work queued asynchronously is inside the time.
 *
 * Other backends are tried through the app's own machinery ({@link initBackend} with that backend
 * as the preference), one at a time, and the active backend is restored with `initBackend` at the
 * end, even after a failure. A backend that cannot start here is reported with the reason
 * `initBackend` recorded for it, never timed on a fallback.
 *
 * What is timed is made afresh on each backend by `makePass` (e.g. a copy of a model with the same
 * weights) and disposed before the next switch: tensors made earlier, on the user's backend, are
 * never read on another one. (tfjs would move them there on first use, `Engine.moveData`; a
 * backend that then fails, e.g. a WebGL shader that does not compile, can leave them unusable.)
 */
import type { BackendName } from './backendTypes';
import { getBackendReport, initBackend, loadTfCore } from './initBackend';

/** How many passes to run. */
export interface TimingOptions {
  /** Untimed passes first (default 2). */
  warmup?: number;
  /** Timed passes (default 10). */
  runs?: number;
  /** Clock in ms (default `performance.now`); replaceable in tests. */
  now?: () => number;
}

/** The times of one backend's timed passes. */
export interface PassTiming<T = unknown> {
  /** Median of {@link samplesMs}: the figure to quote. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Every timed pass, in the order run. */
  samplesMs: readonly number[];
  /** Untimed passes run first. */
  warmup: number;
  /** What the last timed pass resolved to (e.g. the prediction, to compare backends). */
  output: T;
}

/** What is timed on one backend: a pass and how to free what it holds. */
export interface TimedPass<T> {
  pass: () => Promise<T>;
  dispose: () => void;
}

/** What {@link timeOnBackends} found for one backend. */
export type BackendTiming<T = unknown> =
  | {
      backend: BackendName;
      status: 'measured';
      timing: PassTiming<T>;
      /** True when the backend was the active one (timed without switching). */
      active: boolean;
      /** True for a GPU backend running on a software rasteriser (SwiftShader). */
      softwareGpu: boolean;
    }
  /** The backend could not start in this browser; `detail` is initBackend's reason (English). */
  | { backend: BackendName; status: 'unavailable'; detail: string }
  /** The backend started but making or running the pass threw; `detail` is the error message (English). */
  | { backend: BackendName; status: 'failed'; detail: string };

/** The result of {@link timeOnBackends}. */
export interface BackendTimingRun<T = unknown> {
  results: BackendTiming<T>[];
  /** The tfjs backend active afterwards: `active`, unless it could not be started again. */
  restored: string;
}

/**
 * The median of `values`: the middle value of the sorted list, or the mean of the two middle
 * values for an even count.
 * @throws RangeError for an empty list
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('the median of no values is undefined');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function counts(options: TimingOptions): { warmup: number; runs: number } {
  const warmup = options.warmup ?? 2;
  const runs = options.runs ?? 10;
  if (!Number.isInteger(warmup) || warmup < 0)
    throw new RangeError(`warmup must be a whole number ≥ 0, got ${warmup}`);
  if (!Number.isInteger(runs) || runs < 1)
    throw new RangeError(`runs must be a whole number ≥ 1, got ${runs}`);
  return { warmup, runs };
}

/**
 * Runs `pass` `warmup` times untimed, then `runs` times timed one after another, and returns the
 * median time (see the module comment). `pass` must resolve only once its result is downloaded.
 */
export async function timePasses<T>(
  pass: () => Promise<T>,
  options: TimingOptions = {},
): Promise<PassTiming<T>> {
  const { warmup, runs } = counts(options);
  const now = options.now ?? (() => performance.now());
  for (let i = 0; i < warmup; i++) await pass();
  const samplesMs: number[] = [];
  let output: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    output = await pass();
    samplesMs.push(now() - t0);
  }
  return {
    medianMs: median(samplesMs),
    minMs: Math.min(...samplesMs),
    maxMs: Math.max(...samplesMs),
    samplesMs,
    warmup,
    output: output as T,
  };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Times a pass on each of `backends` in turn (see the module comment) and restores `active`.
 * `active` is timed without any switch when tfjs is on it; the others are started with
 * `initBackend(name)`. On each backend `makePass` makes what is timed and its `dispose` frees it
 * before the next switch. Calls `onBackend` before each backend (for a progress line).
 * @param active the backend the app runs on (the one to restore)
 */
export async function timeOnBackends<T>(
  makePass: (backend: BackendName) => Promise<TimedPass<T>>,
  backends: readonly BackendName[],
  active: BackendName,
  options: TimingOptions & { onBackend?: (backend: BackendName) => void } = {},
): Promise<BackendTimingRun<T>> {
  counts(options);
  const tf = await loadTfCore();
  const results: BackendTiming<T>[] = [];
  let switched = false;
  try {
    for (const backend of backends) {
      options.onBackend?.(backend);
      let softwareGpu: boolean;
      if (backend === active && tf.getBackend() === active) {
        softwareGpu =
          getBackendReport()?.attempts.some((a) => a.backend === active && a.ok && a.softwareGpu) ?? false;
      } else {
        switched = true;
        let report;
        try {
          report = await initBackend(backend);
        } catch (e) {
          results.push({ backend, status: 'unavailable', detail: message(e) });
          continue;
        }
        if (report.backend !== backend || tf.getBackend() !== backend) {
          const attempt = report.attempts.find((a) => a.backend === backend && !a.ok);
          results.push({
            backend,
            status: 'unavailable',
            detail: attempt?.detail ?? `it did not start (tfjs runs on ${report.backend} instead)`,
          });
          continue;
        }
        softwareGpu = report.attempts.some((a) => a.backend === backend && a.ok && a.softwareGpu);
      }
      let timed: TimedPass<T> | undefined;
      try {
        timed = await makePass(backend);
        const timing = await timePasses(timed.pass, options);
        results.push({ backend, status: 'measured', timing, active: backend === active, softwareGpu });
      } catch (e) {
        results.push({ backend, status: 'failed', detail: message(e) });
      } finally {
        try {
          timed?.dispose();
        } catch {
          // A backend that failed may not free cleanly; it is left behind either way.
        }
      }
    }
  } finally {
    if (switched || tf.getBackend() !== active) {
      try {
        await initBackend(active);
      } catch {
        // Reported through `restored` below: the caller restarts the app's backend.
      }
    }
  }
  return { results, restored: tf.getBackend() };
}

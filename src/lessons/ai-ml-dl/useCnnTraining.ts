import { useCallback, useEffect, useRef, useState } from 'react';
import { takeFirst } from '../../core/datasets/phantomPatchDataset';
import type { SmallCnnProgress } from '../../core/models/smallCnn';
import { accuracyAt, rocAuc } from '../../core/training/rocAuc';
import { whenBackendReady } from '../../ui/backendStore';
import { loadLessonData } from './lessonData';
import { cnnKey, useRunsStore, type CnnRun } from './runsStore';

/** What to train. */
export interface CnnConfig {
  seed: number;
  trainCount: number;
  epochs: number;
}

/** Where a training run is. */
export type CnnPhase = 'idle' | 'backend' | 'data' | 'training' | 'error';

/** What {@link unlessAborted} resolves to when the signal aborts first. */
const ABORTED = Symbol('aborted');

/** Settles like `promise`, or resolves to `ABORTED` as soon as `signal` aborts. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * Trains the lesson's small CNN on demand (main thread, yielding between batches) and records the
 * result in the runs store. The component holds only plain values; the training stops when the
 * component unmounts or `stop()` is called.
 */
export function useCnnTraining(cfg: CnnConfig) {
  const key = cnnKey(cfg.seed, cfg.trainCount, cfg.epochs);
  const result = useRunsStore((s) => s.cnn[key] ?? null);
  const recordCnn = useRunsStore((s) => s.recordCnn);
  const [phase, setPhase] = useState<CnnPhase>('idle');
  const [progress, setProgress] = useState<SmallCnnProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    async (c: CnnConfig): Promise<CnnRun | null> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setError(null);
      setProgress(null);
      /** Stopped before training began: back to idle (unless a newer run took over). */
      const aborted = (): null => {
        if (controller.current === abort) setPhase('idle');
        return null;
      };
      try {
        setPhase('backend');
        if ((await unlessAborted(whenBackendReady(), abort.signal)) === ABORTED) return aborted();
        setPhase('data');
        const data = await unlessAborted(loadLessonData(c.seed).promise, abort.signal);
        if (data === ABORTED) return aborted();
        const { trainSmallCnn } = await import('../../core/models/smallCnn');
        if (abort.signal.aborted) return aborted();
        setPhase('training');
        const { dataset } = data;
        const r = await trainSmallCnn(
          {
            size: dataset.size,
            train: takeFirst(dataset.train, c.trainCount, dataset.size),
            test: dataset.test,
          },
          { epochs: c.epochs, seed: c.seed },
          (p) => {
            if (controller.current === abort) setProgress(p);
          },
          abort.signal,
        );
        const labels = dataset.test.labels;
        const cnnRun: CnnRun = {
          key: cnnKey(c.seed, c.trainCount, c.epochs),
          method: 'cnn',
          seed: c.seed,
          trainCount: r.trainCount,
          epochs: c.epochs,
          model: 'cnn',
          accuracy: accuracyAt(r.testProbabilities, labels, 0.5),
          auc: rocAuc(r.testProbabilities, labels),
          trainMs: r.trainMs,
          paramCount: r.paramCount,
          kernels: r.kernels,
          epochsDone: r.epochsDone,
          stopped: r.stopped,
          backend: r.backend,
        };
        recordCnn(cnnRun);
        if (controller.current === abort) setPhase('idle');
        return cnnRun;
      } catch (e) {
        if (controller.current === abort) {
          setError(e instanceof Error ? e.message : String(e));
          setPhase('error');
        }
        return null;
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [recordCnn],
  );

  const start = useCallback(() => void run(cfg), [run, cfg]);
  const stop = useCallback(() => controller.current?.abort(), []);
  const busy = phase === 'backend' || phase === 'data' || phase === 'training';
  return { key, result, phase, busy, progress, error, start, stop, run };
}

/**
 * Grad-CAM of a zoo classifier for the React layer: one computation in flight at a time; when the
 * input, class or layer change during one, only the latest request runs next (those in between are
 * skipped). Components get plain arrays ({@link GradCamResult}), never tensors.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GradCamResult } from '../../core/models/zooTypes';
import type { ZooRunner } from '../../core/models/ZooRunner';

/** What {@link useGradCam} holds for the current request. */
export type GradCamState =
  | { status: 'idle' }
  | { status: 'running'; previous?: GradCamResult }
  | { status: 'ready'; result: GradCamResult; ms: number }
  | { status: 'error'; error: string };

interface Job {
  runner: ZooRunner;
  input: Float32Array;
  classIndex: number;
  layer: string;
}

type Done = { job: Job; result: GradCamResult; ms: number } | { job: Job; error: string };

/** Runs `runner.gradCam(input, classIndex, layer)` for the latest arguments (idle while any is missing). */
export function useGradCam(
  runner: ZooRunner | undefined,
  input: Float32Array | undefined,
  classIndex: number,
  layer: string | undefined,
): GradCamState {
  const job = useMemo<Job | null>(
    () => (runner && input && layer && classIndex >= 0 ? { runner, input, classIndex, layer } : null),
    [runner, input, classIndex, layer],
  );
  const [done, setDone] = useState<Done | null>(null);
  const wanted = useRef<Job | null>(null);
  const busy = useRef(false);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  useEffect(() => {
    wanted.current = job;
    if (!job || busy.current) return;
    const pump = async (): Promise<void> => {
      busy.current = true;
      try {
        while (wanted.current && live.current) {
          const next = wanted.current;
          wanted.current = null;
          const t0 = performance.now();
          try {
            const result = await next.runner.gradCam(next.input, next.classIndex, next.layer);
            if (live.current) setDone({ job: next, result, ms: performance.now() - t0 });
          } catch (e) {
            if (live.current) setDone({ job: next, error: e instanceof Error ? e.message : String(e) });
          }
        }
      } finally {
        busy.current = false;
      }
    };
    void pump();
  }, [job]);

  if (!job) return { status: 'idle' };
  if (done?.job === job)
    return 'error' in done
      ? { status: 'error', error: done.error }
      : { status: 'ready', result: done.result, ms: done.ms };
  return done && 'result' in done ? { status: 'running', previous: done.result } : { status: 'running' };
}

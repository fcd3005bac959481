/**
 * Runs a zoo model's forward pass (every layer's output downloaded as plain arrays) whenever the
 * model or the input changes. One pass in flight at a time; when inputs change during a pass, only
 * the latest input runs next (the intermediate ones are skipped).
 *
 * The activations are written into recycled arrays (a {@link ForwardBuffers} of depth 2 owned by
 * the hook instance): downloading into fresh memory costs more than the pass itself on wasm
 * (see `core/models/forwardBuffers.ts`). Pass k overwrites the arrays of pass k − 2, so before a
 * pass starts, the hook waits until the previous outcome has been committed (rendered): from then
 * on no rendered component holds pass k − 2 (the hook returns only its latest outcome, as `result`
 * or as `previous`), and consecutive rendered results never share an array, so effects and memos
 * keyed on an output's `values` see a change with every new result. The result's input copy
 * (`outputs[0].values`) and `input` are never recycled. Components must not keep a result's arrays
 * in refs or state beyond the render that receives them (a memo keyed on the result is fine).
 */
import { useEffect, useRef, useState } from 'react';
import { ForwardBuffers } from '../../core/models/forwardBuffers';
import type { ForwardResult } from '../../core/models/zooTypes';
import type { ZooRunner } from '../../core/models/ZooRunner';

/** What {@link useZooForward} holds: the latest result for the current input, and its time. */
export type ZooForwardState =
  | { status: 'idle' }
  | { status: 'running'; previous?: ForwardResult }
  | { status: 'ready'; result: ForwardResult; input: Float32Array; ms: number }
  | { status: 'error'; error: string };

/** The outcome of one pass, keyed by what it ran. */
type Outcome =
  | { runner: ZooRunner; input: Float32Array; result: ForwardResult; ms: number }
  | { runner: ZooRunner; input: Float32Array; error: string };

/** Sets of recycled arrays per hook: the rendered result and the one being computed. */
const DEPTH = 2;

/** The forward pass of `runner` on `input` (size² values in 0…1), or idle while either is missing. */
export function useZooForward(
  runner: ZooRunner | undefined,
  input: Float32Array | undefined,
): ZooForwardState {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = useRef(false);
  const wanted = useRef<{ runner: ZooRunner; input: Float32Array } | null>(null);
  const live = useRef(true);
  const [buffers] = useState(() => new ForwardBuffers(DEPTH));
  /** Resolves once the last outcome handed to setOutcome has been committed (or on unmount). */
  const committed = useRef<{ promise: Promise<void>; resolve(): void } | null>(null);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      committed.current?.resolve();
      committed.current = null;
    };
  }, []);

  useEffect(() => {
    committed.current?.resolve();
    committed.current = null;
  }, [outcome]);

  useEffect(() => {
    if (!runner || !input) {
      wanted.current = null;
      return;
    }
    wanted.current = { runner, input };
    if (busy.current) return;
    const pump = async (): Promise<void> => {
      busy.current = true;
      try {
        while (wanted.current && live.current) {
          // The next pass overwrites the arrays of the one before the last outcome: wait until the
          // last outcome is on screen, so that nothing rendered still shows those arrays.
          if (committed.current) {
            await committed.current.promise;
            continue;
          }
          const job = wanted.current;
          const t0 = performance.now();
          let done: Outcome;
          try {
            const result = await job.runner.forwardAll(job.input, buffers);
            done = { ...job, result, ms: performance.now() - t0 };
          } catch (e) {
            done = { ...job, error: e instanceof Error ? e.message : String(e) };
          }
          if (wanted.current === job) wanted.current = null;
          if (live.current) {
            let resolve = (): void => undefined;
            const promise = new Promise<void>((r) => (resolve = r));
            committed.current = { promise, resolve };
            setOutcome(done);
          }
        }
      } finally {
        busy.current = false;
      }
    };
    void pump();
  }, [runner, input, buffers]);

  if (!runner || !input) return { status: 'idle' };
  if (outcome && outcome.runner === runner && outcome.input === input) {
    return 'error' in outcome
      ? { status: 'error', error: outcome.error }
      : { status: 'ready', result: outcome.result, input, ms: outcome.ms };
  }
  return outcome && 'result' in outcome
    ? { status: 'running', previous: outcome.result }
    : { status: 'running' };
}

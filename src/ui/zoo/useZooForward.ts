/**
 * Runs a zoo model's forward pass (every layer's output downloaded as plain arrays) whenever the
 * model or the input changes. One pass in flight at a time; when inputs change during a pass, only
 * the latest input runs next (the intermediate ones are skipped).
 */
import { useEffect, useRef, useState } from 'react';
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

/** The forward pass of `runner` on `input` (size² values in 0…1), or idle while either is missing. */
export function useZooForward(
  runner: ZooRunner | undefined,
  input: Float32Array | undefined,
): ZooForwardState {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busy = useRef(false);
  const wanted = useRef<{ runner: ZooRunner; input: Float32Array } | null>(null);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

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
          const job = wanted.current;
          const t0 = performance.now();
          let done: Outcome;
          try {
            const result = await job.runner.forwardAll(job.input);
            done = { ...job, result, ms: performance.now() - t0 };
          } catch (e) {
            done = { ...job, error: e instanceof Error ? e.message : String(e) };
          }
          if (wanted.current === job) wanted.current = null;
          if (live.current) setOutcome(done);
        }
      } finally {
        busy.current = false;
      }
    };
    void pump();
  }, [runner, input]);

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

import { useCallback, useEffect, useRef } from 'react';

/**
 * Coalesces calls to `fn` to at most one per animation frame, with the latest argument: pointer
 * moves arrive faster than the screen refreshes, so only the last one in each frame is applied.
 * Returns `schedule(value)` and `flush()` (apply a pending value now, e.g. on pointer up).
 * Falls back to calling at once where requestAnimationFrame does not exist.
 */
export function useAnimationFrame<T>(fn: (value: T) => void): { schedule(value: T): void; flush(): void } {
  const fnRef = useRef(fn);
  const pending = useRef<{ value: T } | null>(null);
  const frame = useRef<number | null>(null);
  useEffect(() => {
    fnRef.current = fn;
  });
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );
  const flush = useCallback(() => {
    if (frame.current !== null) {
      cancelAnimationFrame(frame.current);
      frame.current = null;
    }
    const p = pending.current;
    pending.current = null;
    if (p) fnRef.current(p.value);
  }, []);
  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      if (typeof requestAnimationFrame !== 'function') {
        flush();
        return;
      }
      if (frame.current === null) {
        frame.current = requestAnimationFrame(() => {
          frame.current = null;
          flush();
        });
      }
    },
    [flush],
  );
  return { schedule, flush };
}

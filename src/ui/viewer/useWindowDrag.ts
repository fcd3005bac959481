import { useCallback, useMemo, useRef } from 'react';
import type { VoiWindow } from '../../core/imaging/display/voiWindow';
import { useAnimationFrame } from './useAnimationFrame';
import { dragToWindow, roundWindow } from './windowDrag';

export { dragToWindow } from './windowDrag';

/** A window drag in progress: begin with the current window, update with the total movement, end. */
export interface WindowDrag {
  begin(start: VoiWindow): void;
  /** Total movement since `begin`, in CSS pixels. */
  update(dx: number, dy: number): void;
  end(): void;
}

/**
 * Window/level by dragging ({@link dragToWindow}), reporting at most one new window per animation
 * frame (the last pointer position wins), rounded to `decimals`.
 */
export function useWindowDrag(opts: {
  sensitivity: number;
  decimals: number;
  onChange(w: VoiWindow): void;
}): WindowDrag {
  const { sensitivity, decimals, onChange } = opts;
  const start = useRef<VoiWindow | null>(null);
  const { schedule, flush } = useAnimationFrame<VoiWindow>(onChange);
  const begin = useCallback((w: VoiWindow) => {
    start.current = w;
  }, []);
  const update = useCallback(
    (dx: number, dy: number) => {
      if (!start.current) return;
      schedule(roundWindow(dragToWindow(start.current, dx, dy, sensitivity), decimals));
    },
    [schedule, sensitivity, decimals],
  );
  const end = useCallback(() => {
    flush();
    start.current = null;
  }, [flush]);
  return useMemo(() => ({ begin, update, end }), [begin, update, end]);
}

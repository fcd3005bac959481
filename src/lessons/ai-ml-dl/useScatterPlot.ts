import { useEffect, useRef } from 'react';
import { createScatterPlot, type ScatterPlot, type ScatterPlotOptions } from '../../core/viz/scatterPlot';

/** True when the user asked for reduced motion (or when the page cannot tell). */
export function prefersReducedMotion(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return true;
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Mounts a d3 scatter plot in the returned ref's element and keeps it in step with `options`. */
export function useScatterPlot(options: ScatterPlotOptions | null) {
  const ref = useRef<HTMLDivElement>(null);
  const plot = useRef<ScatterPlot | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !options) return;
    if (plot.current) plot.current.update(options);
    else plot.current = createScatterPlot(el, options);
  }, [options]);
  useEffect(
    () => () => {
      plot.current?.destroy();
      plot.current = null;
    },
    [],
  );
  return ref;
}

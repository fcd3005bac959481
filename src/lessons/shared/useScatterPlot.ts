import { createScatterPlot, type ScatterPlot, type ScatterPlotOptions } from '../../core/viz/scatterPlot';
import type { ViewHandle } from '../../core/viz/ViewHandle';
import { useD3View } from '../useD3View';

/**
 * A scatter plot as a view for {@link useD3View}: the plot is created by its first update (so the
 * first options are drawn once) and redrawn by the later ones.
 */
function scatterView(el: HTMLDivElement): ViewHandle<ScatterPlotOptions> {
  let plot: ScatterPlot | null = null;
  return {
    update(options) {
      if (plot) plot.update(options);
      else plot = createScatterPlot(el, options);
    },
    destroy() {
      plot?.destroy();
      plot = null;
    },
  };
}

/** Mounts a d3 scatter plot in the returned ref's element and keeps it in step with `options`. */
export function useScatterPlot(options: ScatterPlotOptions) {
  return useD3View(scatterView, options, 'scatter');
}

import { lazy, type ComponentType } from 'react';
import type { WidgetProps } from '../widgetTypes';

/**
 * The live widgets of the ai-ml-dl lesson, by widget id. They load on demand (d3, the phantom
 * generator and, when training starts, tfjs), so the catalogue and the text steps stay light.
 */
export const aiMlDlWidgets: Record<string, ComponentType<WidgetProps>> = {
  'classic-features': lazy(() =>
    import('./ClassicFeaturesWidget').then((m) => ({ default: m.ClassicFeaturesWidget })),
  ),
  'small-cnn': lazy(() => import('./SmallCnnWidget').then((m) => ({ default: m.SmallCnnWidget }))),
  'classic-vs-cnn': lazy(() => import('./ComparisonWidget').then((m) => ({ default: m.ComparisonWidget }))),
};

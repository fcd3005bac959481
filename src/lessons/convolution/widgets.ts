import { lazy, type ComponentType } from 'react';
import type { WidgetProps } from '../widgetTypes';

/*
 * The widgets of the convolution lesson, each loaded on first use (the feature-map and layer widgets
 * bring the compute backend's convolution).
 */
const SlidingWindowWidget = lazy(() =>
  import('./SlidingWindowWidget').then((m) => ({ default: m.SlidingWindowWidget })),
);
const FeatureMapWidget = lazy(() =>
  import('./FeatureMapWidget').then((m) => ({ default: m.FeatureMapWidget })),
);
const StridePaddingWidget = lazy(() =>
  import('./StridePaddingWidget').then((m) => ({ default: m.StridePaddingWidget })),
);
const ConvLayerWidget = lazy(() => import('./ConvLayerWidget').then((m) => ({ default: m.ConvLayerWidget })));

/** Widget id (as in the lesson's `StepDef.widget`) → lazily loaded component. */
export const convolutionWidgets: Record<string, ComponentType<WidgetProps>> = {
  'conv-sliding-window': SlidingWindowWidget,
  'conv-feature-map': FeatureMapWidget,
  'conv-stride-padding': StridePaddingWidget,
  'conv-layer': ConvLayerWidget,
};

import { lazy, type ComponentType } from 'react';
import type { WidgetProps } from '../widgetTypes';

/*
 * The widgets of the cnn-architecture lesson, each loaded on first use (they bring the zoo's model
 * runner, the phantom generators and the explanation maths).
 */
const InputWidget = lazy(() => import('./InputWidget').then((m) => ({ default: m.InputWidget })));
const LayerTableWidget = lazy(() =>
  import('./LayerTableWidget').then((m) => ({ default: m.LayerTableWidget })),
);
const FeatureMapsWidget = lazy(() =>
  import('./FeatureMapsWidget').then((m) => ({ default: m.FeatureMapsWidget })),
);
const GradCamWidget = lazy(() => import('./GradCamWidget').then((m) => ({ default: m.GradCamWidget })));

/** Widget id (as in the lesson's `StepDef.widget`) → lazily loaded component. */
export const cnnArchitectureWidgets: Record<string, ComponentType<WidgetProps>> = {
  'cnn-input': InputWidget,
  'cnn-layers': LayerTableWidget,
  'cnn-feature-maps': FeatureMapsWidget,
  'cnn-grad-cam': GradCamWidget,
};

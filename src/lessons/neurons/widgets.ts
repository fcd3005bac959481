import { lazy, type ComponentType } from 'react';
import type { WidgetProps } from '../widgetTypes';

/*
 * The widgets of the neurons lesson, each loaded on first use (they bring d3, the phantom
 * generator and the reference convolution).
 */
const NeuronWidget = lazy(() => import('./NeuronWidget').then((m) => ({ default: m.NeuronWidget })));
const LinearClassifierWidget = lazy(() =>
  import('./LinearClassifierWidget').then((m) => ({ default: m.LinearClassifierWidget })),
);
const MlpParamsWidget = lazy(() => import('./MlpParamsWidget').then((m) => ({ default: m.MlpParamsWidget })));
const PermuteWidget = lazy(() => import('./PermuteWidget').then((m) => ({ default: m.PermuteWidget })));

/** Widget id (as in the lesson's `StepDef.widget`) → lazily loaded component. */
export const neuronsWidgets: Record<string, ComponentType<WidgetProps>> = {
  'neurons-one-neuron': NeuronWidget,
  'neurons-linear-classifier': LinearClassifierWidget,
  'neurons-mlp-params': MlpParamsWidget,
  'neurons-permute': PermuteWidget,
};

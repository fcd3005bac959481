import { lazy, type ComponentType } from 'react';
import type { WidgetProps } from '../widgetTypes';

/*
 * The widgets of backprop-sgd, each loaded on first use (they bring d3, KaTeX and the autodiff
 * engine): the registry can spread this record as it is, or wrap the entries again.
 */
const ForwardWalkWidget = lazy(() =>
  import('./GraphWalkWidget').then((m) => ({ default: m.ForwardWalkWidget })),
);
const BackwardWalkWidget = lazy(() =>
  import('./GraphWalkWidget').then((m) => ({ default: m.BackwardWalkWidget })),
);
const TwoLayerWalkWidget = lazy(() =>
  import('./GraphWalkWidget').then((m) => ({ default: m.TwoLayerWalkWidget })),
);
const GradientCheckWidget = lazy(() =>
  import('./GradientCheckWidget').then((m) => ({ default: m.GradientCheckWidget })),
);
const KernelSgdWidget = lazy(() => import('./KernelSgdWidget').then((m) => ({ default: m.KernelSgdWidget })));
const LossRaceWidget = lazy(() => import('./LossRaceWidget').then((m) => ({ default: m.LossRaceWidget })));
const MiniBatchWidget = lazy(() => import('./MiniBatchWidget').then((m) => ({ default: m.MiniBatchWidget })));

/** Widget id (as in the lesson's `StepDef.widget`) → lazily loaded component. */
export const backpropSgdWidgets: Record<string, ComponentType<WidgetProps>> = {
  'backprop-forward': ForwardWalkWidget,
  'backprop-backward': BackwardWalkWidget,
  'backprop-two-layer': TwoLayerWalkWidget,
  'gradient-check': GradientCheckWidget,
  'kernel-sgd': KernelSgdWidget,
  'loss-race': LossRaceWidget,
  'minibatch-noise': MiniBatchWidget,
};

import { lazy, type ComponentType } from 'react';
import type { WidgetProps } from '../widgetTypes';

/*
 * The widgets of activation-pooling, each loaded on first use (they bring d3 and the reference
 * maths): the registry spreads this record as it is.
 */
const ActivationWidget = lazy(() =>
  import('./ActivationWidget').then((m) => ({ default: m.ActivationWidget })),
);
const PoolingWidget = lazy(() => import('./PoolingWidget').then((m) => ({ default: m.PoolingWidget })));
const ShiftExperimentWidget = lazy(() =>
  import('./ShiftExperimentWidget').then((m) => ({ default: m.ShiftExperimentWidget })),
);

/** Widget id (as in the lesson's `StepDef.widget`) → lazily loaded component. */
export const activationPoolingWidgets: Record<string, ComponentType<WidgetProps>> = {
  'activation-explorer': ActivationWidget,
  'pooling-explorer': PoolingWidget,
  'shift-experiment': ShiftExperimentWidget,
};

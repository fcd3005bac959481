import { lazy, type ComponentType } from 'react';
import type { WidgetProps } from '../widgetTypes';

/*
 * The widgets of the train-classifier lesson, each loaded on first use (they bring the training
 * store, the panels, d3 and the metric functions; the worker starts on the first action).
 */
const DataWidget = lazy(() => import('./DataWidget').then((m) => ({ default: m.DataWidget })));
const SetupWidget = lazy(() => import('./SetupWidget').then((m) => ({ default: m.SetupWidget })));
const RunWidget = lazy(() => import('./RunWidget').then((m) => ({ default: m.RunWidget })));
const EvaluateWidget = lazy(() => import('./EvaluateWidget').then((m) => ({ default: m.EvaluateWidget })));
const OverfitWidget = lazy(() => import('./OverfitWidget').then((m) => ({ default: m.OverfitWidget })));
const AugmentWidget = lazy(() => import('./AugmentWidget').then((m) => ({ default: m.AugmentWidget })));
const ImbalanceWidget = lazy(() => import('./ImbalanceWidget').then((m) => ({ default: m.ImbalanceWidget })));
const ModelsWidget = lazy(() => import('./ModelsWidget').then((m) => ({ default: m.ModelsWidget })));

/** Widget id (as in the lesson's `StepDef.widget`) → lazily loaded component. */
export const trainClassifierWidgets: Record<string, ComponentType<WidgetProps>> = {
  'train-data': DataWidget,
  'train-setup': SetupWidget,
  'train-run': RunWidget,
  'train-evaluate': EvaluateWidget,
  'train-overfit': OverfitWidget,
  'train-augment': AugmentWidget,
  'train-imbalance': ImbalanceWidget,
  'train-models': ModelsWidget,
};

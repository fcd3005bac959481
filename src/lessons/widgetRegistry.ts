import { createElement, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { NestedSetsDiagram } from './ai-ml-dl/NestedSetsDiagram';
import { aiMlDlWidgets } from './ai-ml-dl/widgets';
import { backpropSgdWidgets } from './backprop-sgd/widgets';
import { neuronsWidgets } from './neurons/widgets';
import { convolutionWidgets } from './convolution/widgets';
import { activationPoolingWidgets } from './activation-pooling/widgets';
import { cnnArchitectureWidgets } from './cnn-architecture/widgets';
import { trainClassifierWidgets } from './train-classifier/widgets';
import { HuScaleWidget } from './radiology-images/HuScaleWidget';
import { TextWidget } from './TextWidget';
import { WidgetErrorBoundary, WidgetLoading } from './WidgetErrorBoundary';
import type { WidgetProps } from './widgetTypes';

/**
 * Widgets that need the imaging module (DICOM parser, codecs, viewer) load on demand, so the
 * catalogue and text-only steps stay light.
 */
const DicomViewerWidget = lazy(() =>
  import('./radiology-images/DicomViewerWidget').then((m) => ({ default: m.DicomViewerWidget })),
);
const WindowMathWidget = lazy(() =>
  import('./radiology-images/WindowMathWidget').then((m) => ({ default: m.WindowMathWidget })),
);
const MonochromeWidget = lazy(() =>
  import('./radiology-images/MonochromeWidget').then((m) => ({ default: m.MonochromeWidget })),
);
const DicomHeaderWidget = lazy(() =>
  import('./radiology-images/DicomHeaderWidget').then((m) => ({ default: m.DicomHeaderWidget })),
);

/** Widget id (as used in `StepDef.widget`) → component. */
export const widgetRegistry: Readonly<Record<string, ComponentType<WidgetProps>>> = {
  text: TextWidget,
  'nested-sets': NestedSetsDiagram,
  ...aiMlDlWidgets,
  ...backpropSgdWidgets,
  ...neuronsWidgets,
  ...convolutionWidgets,
  ...activationPoolingWidgets,
  ...cnnArchitectureWidgets,
  ...trainClassifierWidgets,
  'hu-scale': HuScaleWidget,
  'window-math': WindowMathWidget,
  'dicom-viewer': DicomViewerWidget,
  monochrome: MonochromeWidget,
  'dicom-header': DicomHeaderWidget,
};

/** The component for a widget id, or `undefined` when none is registered. */
export function getWidget(id: string): ComponentType<WidgetProps> | undefined {
  return Object.prototype.hasOwnProperty.call(widgetRegistry, id) ? widgetRegistry[id] : undefined;
}

/** Renders the widget registered under `id` (lazy ones inside Suspense); `null` when none is. */
export function renderWidget(id: string, props: WidgetProps): ReactNode {
  const component = getWidget(id);
  if (!component) return null;
  return createElement(
    WidgetErrorBoundary,
    { lang: props.lang, key: `${props.lesson.id}/${props.step.id}` },
    createElement(
      Suspense,
      { fallback: createElement(WidgetLoading, { lang: props.lang }) },
      createElement(component, props),
    ),
  );
}

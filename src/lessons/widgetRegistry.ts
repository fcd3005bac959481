import { createElement, type ComponentType, type ReactNode } from 'react';
import { NestedSetsDiagram } from './ai-ml-dl/NestedSetsDiagram';
import { TextWidget } from './TextWidget';
import type { WidgetProps } from './widgetTypes';

/** Widget id (as used in `StepDef.widget`) → component. */
export const widgetRegistry: Readonly<Record<string, ComponentType<WidgetProps>>> = {
  text: TextWidget,
  'nested-sets': NestedSetsDiagram,
};

/** The component for a widget id, or `undefined` when none is registered. */
export function getWidget(id: string): ComponentType<WidgetProps> | undefined {
  return Object.prototype.hasOwnProperty.call(widgetRegistry, id) ? widgetRegistry[id] : undefined;
}

/** Renders the widget registered under `id`; `null` when none is. */
export function renderWidget(id: string, props: WidgetProps): ReactNode {
  const component = getWidget(id);
  return component ? createElement(component, props) : null;
}

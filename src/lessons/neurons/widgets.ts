import type { ComponentType } from 'react';
import type { WidgetProps } from '../widgetTypes';

/** Widget id (as in the lesson's `StepDef.widget`) → lazily loaded component. */
export const neuronsWidgets: Record<string, ComponentType<WidgetProps>> = {};

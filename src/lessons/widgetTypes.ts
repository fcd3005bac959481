import type { Lang, LessonDef, ParamValues, StepDef } from '../core/lessons/types';

/** What the lesson page gives every widget. Widgets hold plain values, never tensors. */
export interface WidgetProps {
  lesson: LessonDef;
  step: StepDef;
  /** The step's current parameter values (already clamped). */
  params: ParamValues;
  lang: Lang;
  /** Changes one parameter; the page writes it to the URL. */
  setParam(id: string, value: number | string): void;
}

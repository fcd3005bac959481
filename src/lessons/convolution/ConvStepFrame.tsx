import { useMemo, type ReactNode } from 'react';
import { RichText } from '../../ui/RichText';
import type { LessonSlice } from '../shared/lessonSlice';
import { SliceStep } from '../shared/SliceStep';
import type { WidgetProps } from '../widgetTypes';
import './convolution.css';

/**
 * The frame of every convolution widget: the step's text, then the shared slice line and
 * `children(slice)` once the slice is ready ({@link SliceStep}). The text is rendered once per step
 * and language, not on every parameter change (a kernel edit re-renders only the widget's own part).
 */
export function ConvStepFrame({
  step,
  params,
  lang,
  setParam,
  children,
}: Pick<WidgetProps, 'step' | 'params' | 'lang' | 'setParam'> & { children(slice: LessonSlice): ReactNode }) {
  const body = useMemo(() => <RichText text={step.body[lang]} />, [step, lang]);
  return (
    <div className="conv-widget">
      {body}
      <SliceStep params={params} lang={lang} setParam={setParam}>
        {children}
      </SliceStep>
    </div>
  );
}

import type { ReactNode } from 'react';
import { RichText } from '../../ui/RichText';
import type { LessonSlice } from '../shared/lessonSlice';
import { SliceStep } from '../shared/SliceStep';
import type { WidgetProps } from '../widgetTypes';
import './convolution.css';

/**
 * The frame of every convolution widget: the step's text, then the shared slice line and
 * `children(slice)` once the slice is ready ({@link SliceStep}). RichText is memoised, so a kernel
 * edit does not parse the step's text again.
 */
export function ConvStepFrame({
  step,
  params,
  lang,
  setParam,
  children,
}: Pick<WidgetProps, 'step' | 'params' | 'lang' | 'setParam'> & { children(slice: LessonSlice): ReactNode }) {
  return (
    <div className="conv-widget">
      <RichText text={step.body[lang]} />
      <SliceStep params={params} lang={lang} setParam={setParam}>
        {children}
      </SliceStep>
    </div>
  );
}

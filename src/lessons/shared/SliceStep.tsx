import type { ReactNode } from 'react';
import type { ParamValues } from '../../core/lessons/types';
import type { WidgetProps } from '../widgetTypes';
import { OWN_SLICE, SLICE_PARAM, useLessonSlice, type LessonSlice } from './lessonSlice';
import { SliceSource } from './SliceSource';
import { paramString } from '../paramValue';

/** The `slice` parameter's value (the default when it is missing). */
export function sliceParam(params: ParamValues): string {
  return paramString(params[SLICE_PARAM.id], SLICE_PARAM.default);
}

/**
 * The frame of a widget that works on the step's slice: the slice line (status, "Open your own
 * file…", which selects `slice=own`; it also says when the slice is loading, failed, or no file is
 * open yet), then `children(slice)` once the slice is ready.
 */
export function SliceStep({
  params,
  lang,
  setParam,
  children,
}: Pick<WidgetProps, 'params' | 'lang' | 'setParam'> & { children(slice: LessonSlice): ReactNode }) {
  const state = useLessonSlice(sliceParam(params));
  return (
    <>
      <SliceSource state={state} lang={lang} onOwnSlice={() => setParam(SLICE_PARAM.id, OWN_SLICE)} />
      {state.status === 'ready' && children(state.slice)}
    </>
  );
}

import type { Lang } from '../../core/lessons/types';
import { tx } from './aiMlDlTexts';
import type { LessonDataState } from './useLessonData';

/** The "generating patches" progress line, or the error when building failed. */
export function LessonDataStatus({ state, lang }: { state: LessonDataState; lang: Lang }) {
  if (state.status === 'error') {
    return (
      <p className="widget-error" role="alert">
        {tx('loadFailed', lang, { message: state.message })}
      </p>
    );
  }
  if (state.status === 'ready') return null;
  return (
    <p role="status" className="hint" data-testid="lesson-data-loading">
      {tx('loading', lang, { done: state.done, total: state.total })}
    </p>
  );
}

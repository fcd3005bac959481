import { ImageDecodeError } from '../../core/imaging/ImageDecodeError';
import type { Lang } from '../../core/lessons/types';
import { translate } from '../../i18n/translate';
import type { SampleState } from './useSampleImage';

/** The loading line or the error of a sample that is not ready; nothing once it is. */
export function SampleStatus({ state, lang }: { state: SampleState; lang: Lang }) {
  if (state.status === 'ready') return null;
  if (state.status === 'loading')
    return (
      <p role="status" className="widget-loading">
        {translate(lang, 'sample.loading')}
      </p>
    );
  const message = state.error instanceof ImageDecodeError ? state.error.localized(lang) : state.error.message;
  return (
    <p role="alert" className="widget-error">
      {translate(lang, 'sample.failed', { message })}
    </p>
  );
}

import type { Lang } from '../../core/lessons/types';
import type { ZooForwardState } from '../../ui/zoo/useZooForward';
import type { ZooModelState } from '../../ui/zoo/useZooModel';
import { inputTexts as T } from './inputWidgetTexts';

/**
 * The chosen zoo model's state as the `cnn-architecture` widgets show it: "Loading the model…",
 * or why the model (or, when given, its forward pass) failed, as an alert with `errorTestId`;
 * nothing once both are fine.
 */
export function ModelStatus({
  model,
  forward,
  lang,
  errorTestId,
}: {
  model: ZooModelState;
  forward?: ZooForwardState;
  lang: Lang;
  errorTestId: string;
}) {
  if (model.status === 'loading')
    return (
      <p className="cnn-status" role="status">
        {T.loadingModel[lang]}
      </p>
    );
  const failure =
    model.status === 'error'
      ? {
          text: T.modelFailed[lang],
          error: model.localized?.[lang] ?? model.error,
          translated: !!model.localized,
        }
      : forward?.status === 'error'
        ? { text: T.forwardFailed[lang], error: forward.error, translated: false }
        : undefined;
  if (!failure) return null;
  return (
    <p role="alert" className="widget-error" data-testid={errorTestId}>
      {failure.text}{' '}
      {failure.translated ? <span>{failure.error}</span> : <span lang="en">{failure.error}</span>}
    </p>
  );
}

import type { Lang } from '../../core/lessons/types';
import { tx } from './aiMlDlTexts';
import type { useCnnTraining } from './useCnnTraining';

/** Train / stop buttons, a progress bar and a status line for {@link useCnnTraining}. */
export function CnnTrainingControls({
  training,
  lang,
  trainLabel,
}: {
  training: ReturnType<typeof useCnnTraining>;
  lang: Lang;
  trainLabel?: string;
}) {
  const { busy, phase, progress, error, result } = training;
  const total = progress ? progress.epochs * progress.batchesPerEpoch : 1;
  const done = progress ? (progress.epoch - 1) * progress.batchesPerEpoch + progress.batch : 0;
  const status =
    phase === 'backend'
      ? tx('waitingBackend', lang)
      : phase === 'data'
        ? tx('preparing', lang)
        : phase === 'training' && progress
          ? tx('progress', lang, {
              epoch: progress.epoch,
              epochs: progress.epochs,
              batch: progress.batch,
              batches: progress.batchesPerEpoch,
              loss: progress.loss.toFixed(3),
            })
          : phase === 'error'
            ? tx('trainFailed', lang, { message: error ?? '' })
            : '';
  return (
    <div className="aimldl-train">
      <div className="aimldl-train__buttons">
        {busy ? (
          <button type="button" className="button" onClick={training.stop} data-testid="cnn-stop">
            {tx('stop', lang)}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={training.start}
            data-testid="cnn-train"
          >
            {trainLabel ?? (result ? tx('retrain', lang) : tx('train', lang))}
          </button>
        )}
      </div>
      {busy && (
        <div
          className="aimldl-progress"
          role="progressbar"
          aria-label={tx('progressLabel', lang)}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          data-testid="cnn-progress"
        >
          <div className="aimldl-progress__bar" style={{ width: `${(100 * done) / total}%` }} />
        </div>
      )}
      <p role="status" className={phase === 'error' ? 'widget-error' : 'hint'} data-testid="cnn-status">
        {status}
      </p>
    </div>
  );
}

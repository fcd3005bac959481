import type { ReactNode } from 'react';
import type { Lang } from '../../core/lessons/types';
import { fillPlaceholders } from '../../i18n/translate';
import { useTrainingStore } from '../../ui/training/trainingStore';
import { phantomSpecFromParams, splitOptionsFromParams } from './trainClassifierParams';
import { commonTexts as T } from './trainClassifierWidgetTexts';

/** Loads the phantom set and split of a plain link (the lesson's defaults) into the store. */
export async function loadDefaultData(): Promise<void> {
  const store = useTrainingStore.getState();
  store.setSplitOptions(splitOptionsFromParams({}));
  await store.loadPhantom(phantomSpecFromParams({}));
}

/** The data's loading or error state, as a status line or an alert; nothing when ready. */
export function DataStatusLine({ lang }: { lang: Lang }) {
  const status = useTrainingStore((s) => s.dataStatus);
  if (status.status === 'loading') {
    const pct = status.progress === null ? '' : ` ${Math.round(100 * status.progress)} %`;
    return (
      <p className="train-status" role="status" data-status="loading">
        {status.what[lang]}
        {pct}
      </p>
    );
  }
  if (status.status === 'error')
    return (
      <p className="widget-error" role="alert" data-testid="train-data-error">
        {T.error[lang]} {status.message[lang]}
      </p>
    );
  return null;
}

/** The trainer's error, if any, as an alert. */
export function TrainerError({ lang }: { lang: Lang }) {
  const trainer = useTrainingStore((s) => s.trainer);
  if (trainer.status !== 'error') return null;
  return (
    <p className="widget-error" role="alert" data-testid="train-trainer-error">
      {T.error[lang]} {trainer.message[lang]}
    </p>
  );
}

/** "Training: epoch e of E." while the store's run trains; nothing otherwise. */
export function RunStatusLine({ lang }: { lang: Lang }) {
  const progress = useTrainingStore((s) => s.progress);
  if (!progress || (progress.state !== 'running' && progress.state !== 'paused')) return null;
  return (
    <p className="train-status" role="status" aria-live="polite">
      {fillPlaceholders(T.running[lang], { epoch: Math.max(1, progress.epoch), epochs: progress.epochs })}
    </p>
  );
}

/**
 * Renders `children` once the store holds data; before that, says so and offers to load the phantom
 * set of a plain link (so a link to a later step works on its own) or to go to step 1.
 */
export function DataGate({ lang, children }: { lang: Lang; children: ReactNode }) {
  const dataset = useTrainingStore((s) => s.dataset);
  const loading = useTrainingStore((s) => s.dataStatus.status === 'loading');
  if (dataset) return <>{children}</>;
  return (
    <div className="train-gate" data-testid="train-need-data">
      <p>{T.needData[lang]}</p>
      <p className="train-actions">
        <button type="button" className="button" disabled={loading} onClick={() => void loadDefaultData()}>
          {T.loadDefault[lang]}
        </button>{' '}
        <a href="#/lesson/train-classifier?step=1">{T.goToData[lang]}</a>
      </p>
      <DataStatusLine lang={lang} />
    </div>
  );
}

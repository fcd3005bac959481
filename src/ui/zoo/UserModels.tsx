import { useEffect, useState } from 'react';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import { userModelPreprocessing } from '../../core/models/userModel';
import type { StoredModelMeta } from '../../core/training/modelStore';
import { userLessonHref } from '../../lessons/cnn-architecture/cnnArchitectureParams';
import { formatPercent, formatQuantity } from './zooFormat';
import { userZooHash } from './zooQuery';
import { metricOrDash, savedDate, TRAIN_MODELS_HREF, userTexts as T } from './userModelTexts';

/** What {@link useStoredModels} holds. */
export type StoredModelsState =
  | { status: 'loading' }
  | { status: 'ready'; models: readonly StoredModelMeta[] }
  /** `error`: in the page's language; `detail`: the browser's own (English) words, when any. */
  | { status: 'error'; error: string; detail?: string };

/** The records of the models saved in this browser (`openModelStore().list()`), newest first. */
export function useStoredModels(lang: Lang): StoredModelsState {
  const [state, setState] = useState<StoredModelsState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    (async () => {
      const { openModelStore } = await import('../../core/training/modelStore');
      const store = await openModelStore();
      try {
        return await store.list();
      } finally {
        store.close();
      }
    })().then(
      (models) => live && setState({ status: 'ready', models }),
      (e: unknown) => {
        if (!live) return;
        const detail = e instanceof Error ? e.message : String(e);
        // StorageError 'unavailable' (no IndexedDB, private browsing): say so in the page's language.
        const unavailable = e instanceof Error && e.name === 'StorageError';
        setState(
          unavailable
            ? { status: 'error', error: T.unavailable[lang], detail }
            : { status: 'error', error: '', detail },
        );
      },
    );
    return () => {
      live = false;
    };
  }, [lang]);
  return state;
}

function ModelFacts({ meta, lang }: { meta: StoredModelMeta; lang: Lang }) {
  const prep = userModelPreprocessing(meta);
  const classes = meta.classNames.map((c) => c[lang]).join(lang === 'zh' ? '、' : ', ');
  const unit = meta.window ? 'HU' : '';
  const level = (v: number): string => (unit ? formatQuantity(v, unit, 0) : formatNumber(v, 2));
  const sep = lang === 'zh' ? '；' : '; ';
  return (
    <p className="hint">
      {T.facts[lang](classes, meta.inputSize, savedDate(meta.savedAt))}
      {sep}
      {prep.windowKnown ? T.windowKnown[lang](level(prep.center), level(prep.width)) : T.windowUnknown[lang]}
      {sep}
      {T.metrics[lang](
        metricOrDash(meta.metrics.auc, (v) => formatNumber(v, 3)),
        metricOrDash(meta.metrics.accuracy, formatPercent),
      )}
    </p>
  );
}

/**
 * The "Your models" section of `#/zoo`: every model saved in this browser with links that run it
 * in the run panel (`#/zoo?user=<name>`) or open it in the `cnn-architecture` lesson; when there
 * is none, where to train one.
 */
export function UserModels({ lang, current }: { lang: Lang; current: string | undefined }) {
  const state = useStoredModels(lang);
  return (
    <section
      className="zoo-section"
      aria-labelledby="zoo-user-title"
      data-testid="zoo-user-models"
      data-status={state.status}
    >
      <h2 id="zoo-user-title">{T.title[lang]}</h2>
      <p>{T.intro[lang]}</p>
      {state.status === 'loading' && <p className="widget-loading">{T.loading[lang]}</p>}
      {state.status === 'error' && (
        <p className="widget-error" role="alert" data-testid="zoo-user-error">
          {T.failed[lang]} {state.error}{' '}
          {state.detail && (
            <span lang="en" className="table__detail">
              {state.detail}
            </span>
          )}
        </p>
      )}
      {state.status === 'ready' && state.models.length === 0 && (
        <p data-testid="zoo-user-empty">
          {T.empty[lang]} <a href={TRAIN_MODELS_HREF}>{T.trainLink[lang]}</a>
        </p>
      )}
      {state.status === 'ready' && state.models.length > 0 && (
        <ul aria-label={T.listLabel[lang]} data-testid="zoo-user-list">
          {state.models.map((m) => (
            <li
              key={m.name}
              data-testid="zoo-user-model"
              data-name={m.name}
              aria-current={m.name === current ? 'true' : undefined}
            >
              <strong>{m.name}</strong> {m.name === current && <span className="hint">{T.open[lang]}</span>}
              <ModelFacts meta={m} lang={lang} />
              <p className="zoo-card__actions">
                <a href={userZooHash(m.name)} data-testid="zoo-user-run">
                  {T.run[lang]}
                </a>
                <a href={userLessonHref(m.name)} data-testid="zoo-user-lesson">
                  {T.takeApart[lang]}
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

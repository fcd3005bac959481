import './training.css';
import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Lang } from '../../core/lessons/types';
import { DIFFICULTY_PRESETS, type PhantomDatasetSpec } from '../../core/datasets/phantomTrainingSet';
import { MedMnistPicker } from './MedMnistPicker';
import { OwnImagesImport } from './OwnImagesImport';
import { PhantomControls } from './PhantomControls';
import { SampleGrid } from './SampleGrid';
import { SplitSummary } from './SplitSummary';
import { useTrainingStore } from './trainingStore';
import { datasetTexts as T, fill, phantomTexts } from './trainingTexts';

/** The phantom set a fresh page offers. */
export const DEFAULT_PHANTOM_SPEC: PhantomDatasetSpec = {
  task: 'nodule',
  count: 600,
  positiveFraction: 0.5,
  seed: 1,
  difficulty: { ...DIFFICULTY_PRESETS.medium, lesionSizeMm: [...DIFFICULTY_PRESETS.medium.lesionSizeMm] },
  imagesPerPatient: 1,
};

/** Where the data comes from. */
export type DataSourceTab = 'phantom' | 'own' | 'medmnist';
const TABS: readonly DataSourceTab[] = ['phantom', 'own', 'medmnist'];

/**
 * The data panel, bound to the training store: choose a source (phantom, own images, MedMNIST),
 * load it, then see its status, its split and samples of each class.
 */
export function DatasetPanel({
  lang,
  initialSpec = DEFAULT_PHANTOM_SPEC,
  sources = TABS,
}: {
  lang: Lang;
  initialSpec?: PhantomDatasetSpec;
  /** The sources offered (a lesson step may offer only phantoms). */
  sources?: readonly DataSourceTab[];
}) {
  const id = useId();
  const [tab, setTab] = useState<DataSourceTab>(sources[0] ?? 'phantom');
  const [spec, setSpec] = useState(initialSpec);
  // Only what this panel shows: training progress must not re-render it.
  const s = useTrainingStore(
    useShallow((st) => ({
      dataset: st.dataset,
      dataStatus: st.dataStatus,
      skipped: st.skipped,
      split: st.split,
      splitOptions: st.splitOptions,
      trainLimit: st.trainLimit,
      loadPhantom: st.loadPhantom,
      loadFiles: st.loadFiles,
      loadZip: st.loadZip,
      loadMedMnist: st.loadMedMnist,
      downloadMedMnist: st.downloadMedMnist,
      setSplitOptions: st.setSplitOptions,
      setTrainLimit: st.setTrainLimit,
    })),
  );
  const { dataset, dataStatus } = s;
  const loading = dataStatus.status === 'loading';
  return (
    <section className="training-panel training-data" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{T.title[lang]}</h3>
      {sources.length > 1 && (
        <fieldset className="radio-row">
          <legend className="visually-hidden">{T.source[lang]}</legend>
          {sources.map((t) => (
            <label key={t} className="choice">
              <input
                type="radio"
                name={`${id}-source`}
                value={t}
                checked={tab === t}
                data-testid={`data-source-${t}`}
                onChange={() => setTab(t)}
              />
              {T[t][lang]}
            </label>
          ))}
        </fieldset>
      )}
      {tab === 'phantom' && (
        <>
          <PhantomControls spec={spec} onChange={setSpec} lang={lang} />
          <button
            type="button"
            className="button button--primary"
            disabled={loading}
            data-testid="phantom-generate"
            onClick={() => void s.loadPhantom(spec)}
          >
            {phantomTexts.generate[lang]}
          </button>
        </>
      )}
      {tab === 'own' && (
        <OwnImagesImport
          dataset={dataset?.source.kind === 'folder' ? dataset : null}
          skipped={s.skipped}
          onFiles={(entries) => void s.loadFiles(entries)}
          onZip={(bytes, name) => void s.loadZip(bytes, name)}
          lang={lang}
        />
      )}
      {tab === 'medmnist' && (
        <MedMnistPicker
          status={dataStatus}
          onFile={(bytes, setId) => void s.loadMedMnist(bytes, setId)}
          onDownload={(setId) => void s.downloadMedMnist(setId)}
          lang={lang}
        />
      )}
      <div role="status" className="training-status" data-testid="data-status">
        {dataStatus.status === 'loading' && (
          <>
            {dataStatus.what[lang]}{' '}
            {dataStatus.progress !== null && (
              <progress max={1} value={dataStatus.progress} aria-label={T.progress[lang]}>
                {Math.round(dataStatus.progress * 100)} %
              </progress>
            )}
          </>
        )}
        {dataStatus.status === 'error' && (
          <span className="widget-error">
            {dataStatus.message[lang]} {dataset ? T.keptOld[lang] : ''}
          </span>
        )}
        {dataStatus.status !== 'loading' && dataStatus.status !== 'error' && (
          <>
            {dataset
              ? fill(T.loaded[lang], {
                  count: dataset.count,
                  size: dataset.size,
                  classes: dataset.classNames.length,
                })
              : T.none[lang]}
          </>
        )}
      </div>
      {dataset && (
        <>
          <SplitSummary
            dataset={dataset}
            split={s.split}
            options={s.splitOptions}
            onChange={s.setSplitOptions}
            trainLimit={s.trainLimit}
            onTrainLimit={s.setTrainLimit}
            lang={lang}
          />
          <SampleGrid dataset={dataset} lang={lang} />
        </>
      )}
    </section>
  );
}

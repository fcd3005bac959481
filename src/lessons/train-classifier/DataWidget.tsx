import { useEffect, useId, useMemo } from 'react';
import { RichText } from '../../ui/RichText';
import { MedMnistPicker } from '../../ui/training/MedMnistPicker';
import { OwnImagesImport } from '../../ui/training/OwnImagesImport';
import { PhantomControls } from '../../ui/training/PhantomControls';
import { SampleGrid } from '../../ui/training/SampleGrid';
import { SplitSummary } from '../../ui/training/SplitSummary';
import { useTrainingStore } from '../../ui/training/trainingStore';
import type { WidgetProps } from '../widgetTypes';
import { DataStatusLine } from './DataGate';
import {
  changedParams,
  DATA_PARAMS,
  paramsKey,
  phantomSpecFromParams,
  phantomSpecKey,
  phantomSpecToParams,
  sameSplitOptions,
  splitOptionsFromParams,
  splitOptionsToParams,
  type ParamPatch,
} from './trainClassifierParams';
import { dataTexts as T } from './trainClassifierWidgetTexts';
import './trainClassifier.css';

/** Wait after the last change of a phantom parameter before generating the set. */
export const PHANTOM_DEBOUNCE_MS = 400;

/** The spec key of the phantom set last asked of the store (so that a set is generated once). */
let requestedKey: string | null = null;

/** Forgets which phantom set was asked for (tests; a reset store). */
export function resetRequestedPhantom(): void {
  requestedKey = null;
}

/**
 * Step 1: the data. The phantom set named by the link's parameters is generated (debounced) when
 * the store holds no data or a phantom set of other parameters; the learner's own images or a
 * MedMNIST set replace it until they ask for the link's set again. The split follows the link.
 */
export function DataWidget({ step, params, lang, setParam }: WidgetProps) {
  const id = useId();
  const dataKey = paramsKey(params, DATA_PARAMS);
  // `params` is a new object at every render of the page; its values are in `dataKey`.
  /* eslint-disable react-hooks/exhaustive-deps */
  const spec = useMemo(() => phantomSpecFromParams(params), [dataKey]);
  const splitOptions = useMemo(() => splitOptionsFromParams(params), [dataKey]);
  /* eslint-enable react-hooks/exhaustive-deps */
  const key = phantomSpecKey(spec);
  const dataset = useTrainingStore((s) => s.dataset);
  const split = useTrainingStore((s) => s.split);
  const skipped = useTrainingStore((s) => s.skipped);
  const dataStatus = useTrainingStore((s) => s.dataStatus);
  const trainLimit = useTrainingStore((s) => s.trainLimit);
  const storeSplit = useTrainingStore((s) => s.splitOptions);
  const hasData = dataset !== null;
  const isPhantom = dataset === null || dataset.source.kind === 'phantom';

  useEffect(() => {
    if (!isPhantom || (hasData && requestedKey === key)) return undefined;
    const timer = setTimeout(() => {
      requestedKey = key;
      void useTrainingStore.getState().loadPhantom(spec);
    }, PHANTOM_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `spec` follows `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, isPhantom, hasData]);

  useEffect(() => {
    if (!sameSplitOptions(storeSplit, splitOptions))
      useTrainingStore.getState().setSplitOptions(splitOptions);
  }, [storeSplit, splitOptions]);

  const write = (patch: ParamPatch): void => {
    for (const [k, v] of Object.entries(changedParams(params, patch))) setParam(k, v);
  };
  const store = useTrainingStore.getState;

  return (
    <div className="train-widget" data-testid="train-data">
      <RichText text={step.body[lang]} />
      <DataStatusLine lang={lang} />
      <section className="train-section" aria-labelledby={`${id}-phantom`}>
        <h3 id={`${id}-phantom`}>{T.phantomHeading[lang]}</h3>
        {!isPhantom && (
          <p className="callout" data-testid="train-not-phantom">
            {T.notPhantom[lang]}{' '}
            <button
              type="button"
              className="button"
              onClick={() => {
                requestedKey = key;
                void store().loadPhantom(spec);
              }}
            >
              {T.usePhantom[lang]}
            </button>
          </p>
        )}
        <PhantomControls spec={spec} onChange={(next) => write(phantomSpecToParams(next))} lang={lang} />
      </section>
      <section className="train-section" aria-labelledby={`${id}-own`}>
        <h3 id={`${id}-own`}>{T.ownHeading[lang]}</h3>
        <OwnImagesImport
          dataset={dataset?.source.kind === 'folder' ? dataset : null}
          skipped={skipped}
          onFiles={(entries) => void store().loadFiles(entries)}
          onZip={(bytes, name) => void store().loadZip(bytes, name)}
          lang={lang}
        />
      </section>
      <section className="train-section" aria-labelledby={`${id}-med`}>
        <h3 id={`${id}-med`}>{T.medHeading[lang]}</h3>
        <MedMnistPicker
          status={dataStatus}
          onFile={(bytes, setId) => void store().loadMedMnist(bytes, setId)}
          onDownload={(setId) => void store().downloadMedMnist(setId)}
          lang={lang}
        />
      </section>
      {dataset && (
        <section className="train-section" aria-labelledby={`${id}-split`}>
          <h3 id={`${id}-split`}>{T.splitHeading[lang]}</h3>
          <SplitSummary
            dataset={dataset}
            split={split}
            options={splitOptions}
            onChange={(o) =>
              write(
                splitOptionsToParams({
                  ...splitOptions,
                  ...o,
                  fractions: { ...splitOptions.fractions, ...o.fractions },
                }),
              )
            }
            trainLimit={trainLimit}
            onTrainLimit={(limit) => store().setTrainLimit(limit)}
            lang={lang}
          />
          <h3>{T.samplesHeading[lang]}</h3>
          <SampleGrid dataset={dataset} lang={lang} />
        </section>
      )}
    </div>
  );
}

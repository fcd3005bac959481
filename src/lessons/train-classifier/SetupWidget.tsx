import { useEffect, useId, useMemo } from 'react';
import type { TrainConfig } from '../../core/training/trainingTypes';
import { RichText } from '../../ui/RichText';
import { AugmentPreview } from '../../ui/training/AugmentPreview';
import { SetupPanel } from '../../ui/training/SetupPanel';
import { useTrainingStore } from '../../ui/training/trainingStore';
import type { WidgetProps } from '../widgetTypes';
import { isTraining } from './experimentRuns';
import {
  changedParams,
  paramsKey,
  sameConfig,
  SETUP_PARAMS,
  trainConfigFromParams,
  trainConfigToParams,
} from './trainClassifierParams';
import { setupWidgetTexts as T } from './trainClassifierWidgetTexts';
import './trainClassifier.css';

/**
 * Step 2: the setup panel on the config the link names (every change is written to the URL and
 * given to the store), and the augmentation preview on the loaded data.
 */
export function SetupWidget({ step, params, lang, setParam }: WidgetProps) {
  const id = useId();
  const key = paramsKey(params, SETUP_PARAMS);
  // `params` is a new object at every render of the page; its values are in `key`.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const config = useMemo(() => trainConfigFromParams(params), [key]);
  const storeConfig = useTrainingStore((s) => s.config);
  const dataset = useTrainingStore((s) => s.dataset);
  const training = useTrainingStore(isTraining);
  useEffect(() => {
    if (!sameConfig(storeConfig, config)) useTrainingStore.getState().setConfig(config);
  }, [storeConfig, config]);
  const onChange = (next: TrainConfig): void => {
    for (const [k, v] of Object.entries(changedParams(params, trainConfigToParams(next)))) setParam(k, v);
  };
  return (
    <div className="train-widget" data-testid="train-setup">
      <RichText text={step.body[lang]} />
      <SetupPanel config={config} onChange={onChange} lang={lang} disabled={training} />
      <section className="train-section" aria-labelledby={`${id}-preview`}>
        <h3 id={`${id}-preview`}>{T.previewHeading[lang]}</h3>
        <AugmentPreview dataset={dataset} spec={config.augment} lang={lang} />
      </section>
    </div>
  );
}

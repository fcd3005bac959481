import { RichText } from '../../ui/RichText';
import { ConnectedEvaluationPanel } from '../../ui/training/connectedEvaluation';
import { useTrainingStore } from '../../ui/training/trainingStore';
import type { WidgetProps } from '../widgetTypes';
import { DataGate, TrainerError } from './DataGate';
import { commonTexts as C } from './trainClassifierWidgetTexts';
import './trainClassifier.css';

/**
 * Step 4: the evaluation panel on the store's current model (confusion matrix, ROC with the
 * draggable threshold, the figures at the threshold with an adjustable prevalence, PR, calibration,
 * the gallery of errors with Grad-CAM).
 */
export function EvaluateWidget({ step, lang }: WidgetProps) {
  const trained = useTrainingStore((s) => (s.progress?.stepsDone ?? 0) > 0 || s.configured !== null);
  return (
    <div className="train-widget" data-testid="train-evaluate">
      <RichText text={step.body[lang]} />
      <DataGate lang={lang}>
        {!trained && <p className="callout">{C.needModel[lang]}</p>}
        <TrainerError lang={lang} />
        <ConnectedEvaluationPanel lang={lang} />
      </DataGate>
    </div>
  );
}

import { RichText } from '../../ui/RichText';
import { ConnectedModelsPanel } from '../../ui/training/connectedEvaluation';
import type { WidgetProps } from '../widgetTypes';
import { TrainerError } from './DataGate';
import './trainClassifier.css';

/** Step 8: save, list, export, import and reopen trained models (the models panel on the store). */
export function ModelsWidget({ step, lang }: WidgetProps) {
  return (
    <div className="train-widget" data-testid="train-models">
      <RichText text={step.body[lang]} />
      <TrainerError lang={lang} />
      <ConnectedModelsPanel lang={lang} />
    </div>
  );
}

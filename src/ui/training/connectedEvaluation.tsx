/**
 * The evaluation and models panels connected to the training store (`useTrainingStore`): thin
 * wrappers that read its state and pass its actions. The store reports failures in `trainer`
 * rather than throwing; these wrappers turn a failure of the action they called into a thrown
 * TrainingError, so that the panel shows it where the user acted.
 */
import { useEffect } from 'react';
import type { Lang } from '../../core/lessons/types';
import { exportModelFiles, openModelStore } from '../../core/training/modelStore';
import { TrainingError } from '../../core/training/TrainingError';
import { useLanguageStore } from '../../i18n/languageStore';
import { EvaluationPanel } from './EvaluationPanel';
import { ModelsPanel } from './ModelsPanel';
import { useTrainingStore } from './trainingStore';

/** Runs a store action and throws when it left the trainer in a new error state. */
export async function checked<T>(action: () => Promise<T>): Promise<T> {
  const before = useTrainingStore.getState().trainer;
  const result = await action();
  const after = useTrainingStore.getState().trainer;
  if (after !== before && after.status === 'error') throw new TrainingError(after.message);
  return result;
}

/** {@link EvaluationPanel} on the store's evaluation, dataset and Grad-CAM maps. */
export function ConnectedEvaluationPanel({ lang: given }: { lang?: Lang }) {
  const current = useLanguageStore((s) => s.lang);
  const lang = given ?? current;
  const evaluation = useTrainingStore((s) => s.evaluation);
  const dataset = useTrainingStore((s) => s.dataset);
  const cams = useTrainingStore((s) => s.cams);
  const busy = useTrainingStore((s) => s.trainer.status === 'busy');
  const evaluate = useTrainingStore((s) => s.evaluate);
  const gradCam = useTrainingStore((s) => s.gradCam);
  return (
    <EvaluationPanel
      evaluation={evaluation}
      dataset={dataset}
      cams={cams}
      lang={lang}
      busy={busy}
      onEvaluate={(split) => checked(() => evaluate(split))}
      onGradCam={(indices, classIndex, method) => checked(() => gradCam(indices, classIndex, method))}
    />
  );
}

/**
 * Exports a saved model's files straight from IndexedDB (the current model is not touched).
 * @throws TrainingError when no model of that name is stored
 */
async function exportStored(name: string) {
  const store = await openModelStore();
  try {
    const model = await store.load(name);
    if (!model) {
      throw new TrainingError({
        en: `No model named “${name}” is saved in this browser any more: refresh the list.`,
        zh: `本浏览器中已没有名为“${name}”的模型：请刷新列表。`,
      });
    }
    return exportModelFiles(model);
  } finally {
    store.close();
  }
}

/** {@link ModelsPanel} on the store's saved models; the list is refreshed when it mounts. */
export function ConnectedModelsPanel({ lang: given }: { lang?: Lang }) {
  const current = useLanguageStore((s) => s.lang);
  const lang = given ?? current;
  const models = useTrainingStore((s) => s.savedModels);
  const canSave = useTrainingStore((s) => s.configured !== null);
  const s = useTrainingStore.getState;
  useEffect(() => {
    void useTrainingStore.getState().refreshModels();
  }, []);
  return (
    <ModelsPanel
      models={models}
      lang={lang}
      canSave={canSave}
      onSave={(name) => checked(() => s().saveModel(name))}
      onOpen={(name) => checked(() => s().openModel(name))}
      onExport={exportStored}
      onDelete={(name) => checked(() => s().deleteModel(name))}
      onImport={(json, weights) => checked(() => s().importModel(json, weights))}
    />
  );
}

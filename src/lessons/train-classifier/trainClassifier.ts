import type { LessonDef, StepDef } from '../../core/lessons/types';
import { quizStep } from '../shared/quizStep';
import { trainClassifierMeta } from './trainClassifierMeta';
import {
  DATA_PARAMS,
  DRAW_PARAM,
  EXPERIMENT_AUGMENT_PARAMS,
  PREVALENCE_PARAM,
  SETUP_PARAMS,
  SMALL_EPOCHS_PARAM,
  SMALL_SET_PARAM,
} from './trainClassifierParams';
import { sensitivityAnswer, specificityOfTable, trainClassifierQuiz } from './trainClassifierQuiz';
import {
  augmentTexts,
  datasetTexts,
  evaluateTexts,
  imbalanceTexts,
  modelsTexts,
  overfitTexts,
  quizTexts,
  setupTexts,
  trainTexts,
} from './trainClassifierTexts';

const quizText = quizTexts(trainClassifierQuiz.questions.length, sensitivityAnswer, specificityOfTable);

/** The steps before the quiz: id, texts, widget and parameters. */
const steps: readonly StepDef[] = [
  { id: 'dataset', ...datasetTexts, widget: 'train-data', params: DATA_PARAMS },
  { id: 'setup', ...setupTexts, widget: 'train-setup', params: SETUP_PARAMS },
  { id: 'train', ...trainTexts, widget: 'train-run', params: [] },
  { id: 'evaluate', ...evaluateTexts, widget: 'train-evaluate', params: [] },
  {
    id: 'overfitting',
    ...overfitTexts,
    widget: 'train-overfit',
    params: [SMALL_SET_PARAM, SMALL_EPOCHS_PARAM],
  },
  {
    id: 'augmentation',
    ...augmentTexts,
    widget: 'train-augment',
    params: [SMALL_SET_PARAM, SMALL_EPOCHS_PARAM, ...EXPERIMENT_AUGMENT_PARAMS],
  },
  { id: 'imbalance', ...imbalanceTexts, widget: 'train-imbalance', params: [PREVALENCE_PARAM, DRAW_PARAM] },
  { id: 'models', ...modelsTexts, widget: 'train-models', params: [] },
];

/**
 * Lesson 8: train a CNN in the browser, from the data (a phantom task named by the link, your own
 * images or MedMNIST) to the evaluation (confusion matrix, ROC/AUC, threshold, Grad-CAM), with
 * the experiments on overfitting, augmentation and class imbalance, the saved model, and a quiz.
 */
export const trainClassifier: LessonDef = {
  id: trainClassifierMeta.id,
  title: trainClassifierMeta.title,
  summary: trainClassifierMeta.summary,
  minutes: trainClassifierMeta.minutes,
  steps: [...steps, quizStep(trainClassifierQuiz, quizText.body, quizText.notes)],
};

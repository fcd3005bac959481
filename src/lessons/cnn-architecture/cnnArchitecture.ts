import type { LessonDef, StepDef } from '../../core/lessons/types';
import { quizStep } from '../shared/quizStep';
import { cnnArchitectureMeta } from './cnnArchitectureMeta';
import {
  CAM_LAYER_PARAM,
  CLASS_PARAM,
  INPUT_PARAMS,
  LAYER_PARAM,
  MODEL_PARAM,
  UNIT_PARAM,
} from './cnnArchitectureParams';
import { cnnArchitectureQuiz } from './cnnArchitectureQuiz';
import { featureStepTexts, gradCamStepTexts, inputStepTexts, layerStepTexts } from './cnnArchitectureTexts';

const questionCount = cnnArchitectureQuiz.questions.length;

/**
 * The input parameters with the model choice left to the widget (steps 1 and 2 show a model select
 * next to the model card and the layer table, instead of the generic radio group).
 */
const WIDGET_MODEL_INPUT = [{ ...MODEL_PARAM, hidden: true }, ...INPUT_PARAMS.slice(1)] as const;

/** Step 1: choose a model and a slice; the preprocessing in numbers; the model card; the prediction. */
const inputStep: StepDef = {
  id: 'model-and-input',
  ...inputStepTexts,
  widget: 'cnn-input',
  params: WIDGET_MODEL_INPUT,
};

/** Step 2: the layer table (shapes, parameters, FLOPs, receptive fields) and a layer's field on the input. */
const layerStep: StepDef = {
  id: 'layer-table',
  ...layerStepTexts,
  widget: 'cnn-layers',
  params: [...WIDGET_MODEL_INPUT, LAYER_PARAM],
};

/** Step 3: every feature map; click a unit to see its computation. */
const featureStep: StepDef = {
  id: 'feature-maps',
  ...featureStepTexts,
  widget: 'cnn-feature-maps',
  params: [...INPUT_PARAMS, LAYER_PARAM, UNIT_PARAM],
};

/** Step 4: Grad-CAM for a chosen class and layer. */
const gradCamStep: StepDef = {
  id: 'grad-cam',
  ...gradCamStepTexts,
  widget: 'cnn-grad-cam',
  params: [...INPUT_PARAMS, CLASS_PARAM, CAM_LAYER_PARAM],
};

/** Step 5: the quiz. */
const quiz: StepDef = quizStep(
  cnnArchitectureQuiz,
  {
    en: `${questionCount} questions on the anatomy of a CNN: parameter counts, output sizes and receptive fields of the zoo’s models worked out by hand, what depthwise-separable convolutions save, why global average pooling frees a model from one input size, and what Grad-CAM’s weights are. Each answer is checked at once and explained.`,
    zh: `本课共 ${questionCount} 道关于 CNN 结构的题：手算模型库中各模型的参数量、输出尺寸和感受野，深度可分离卷积节省了什么，为什么全局平均池化让模型不再受限于一种输入尺寸，以及 Grad-CAM 的权重是什么。每道题提交后会立即判定并给出解释。`,
  },
  {
    en: 'Every numeric answer can be checked on step 2: select TinyVGG, LeNet or MobileNet and read the layer table (parameters, output shape, receptive field). Let the room work the receptive-field question with the recurrence on the board before checking it in the table.',
    zh: '每道计算题都可以在第 2 步核对：选择 TinyVGG、LeNet 或 MobileNet，查看层表（参数量、输出形状、感受野）。先让学员在黑板上用递推公式算出感受野那道题，再到表中核对。',
  },
);

/**
 * Lesson 6: the anatomy of a CNN. A trained model of the zoo on a real slice: the preprocessing in
 * numbers, every layer's shape, parameters and receptive field, every feature map with the
 * computation of any unit, Grad-CAM, and a quiz.
 */
export const cnnArchitecture: LessonDef = {
  id: cnnArchitectureMeta.id,
  title: cnnArchitectureMeta.title,
  summary: cnnArchitectureMeta.summary,
  minutes: cnnArchitectureMeta.minutes,
  steps: [inputStep, layerStep, featureStep, gradCamStep, quiz],
};

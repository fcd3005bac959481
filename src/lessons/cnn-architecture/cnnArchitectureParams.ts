/**
 * The step parameters of the `cnn-architecture` lesson: everything a link must reproduce (model,
 * slice, crop centre, selected layer and unit, Grad-CAM class and layer).
 */
import type { EnumParamDef, NumberParamDef, ParamValues, TextParamDef } from '../../core/lessons/types';
import { formatQuery } from '../../core/lessons/route';
import { MODEL_NAME_MAX, validateModelName } from '../../core/training/modelFiles';
import { ZOO_MODELS } from '../../core/models/zooCatalog';
import type { UnitRef } from '../../core/models/zooTypes';
import { paramNumber, paramString } from '../paramValue';
import { SLICE_PARAM } from '../shared/lessonSlice';

/** Which zoo model the lesson takes apart. */
export const MODEL_PARAM: EnumParamDef = {
  kind: 'enum',
  id: 'model',
  label: { en: 'Model', zh: '模型' },
  options: ZOO_MODELS.map((m) => ({ value: m.id, label: m.name })),
  default: 'tiny-vgg',
};

/** Largest image side a crop centre can name. */
const MAX_SIDE = 4096;

/** Crop centre, column in source pixels; −1 = automatic (the sample's lesion, else the slice centre). */
export const CENTRE_X_PARAM: NumberParamDef = {
  kind: 'number',
  id: 'cx',
  label: { en: 'Crop centre, column', zh: '裁剪中心（列）' },
  min: -1,
  max: MAX_SIDE - 1,
  step: 1,
  default: -1,
  hidden: true,
};

/** Crop centre, row in source pixels; −1 = automatic. */
export const CENTRE_Y_PARAM: NumberParamDef = {
  kind: 'number',
  id: 'cy',
  label: { en: 'Crop centre, row', zh: '裁剪中心（行）' },
  min: -1,
  max: MAX_SIDE - 1,
  step: 1,
  default: -1,
  hidden: true,
};

/** A layer name ('' = the widget's default layer). */
const LAYER_NAME_PATTERN = '[A-Za-z0-9_]{0,48}';

/** The layer whose maps are shown in detail (feature-map step) or outlined (layer-table step). */
export const LAYER_PARAM: TextParamDef = {
  kind: 'text',
  id: 'layer',
  label: { en: 'Layer', zh: '层' },
  pattern: LAYER_NAME_PATTERN,
  maxLength: 48,
  default: '',
  hidden: true,
};

/** The clicked unit of {@link LAYER_PARAM}: `row,column,channel` ('' = none). */
export const UNIT_PARAM: TextParamDef = {
  kind: 'text',
  id: 'unit',
  label: { en: 'Unit', zh: '单元' },
  pattern: '(\\d{1,4},\\d{1,4},\\d{1,4})?',
  maxLength: 16,
  default: '',
  hidden: true,
};

/** Grad-CAM class index; −1 = the predicted class. */
export const CLASS_PARAM: NumberParamDef = {
  kind: 'number',
  id: 'cls',
  label: { en: 'Class', zh: '类别' },
  min: -1,
  max: 15,
  step: 1,
  default: -1,
  hidden: true,
};

/** Grad-CAM layer ('' = the last convolutional layer). */
export const CAM_LAYER_PARAM: TextParamDef = {
  kind: 'text',
  id: 'cam',
  label: { en: 'Grad-CAM layer', zh: 'Grad-CAM 层' },
  pattern: LAYER_NAME_PATTERN,
  maxLength: 48,
  default: '',
  hidden: true,
};

/** The `slice` value that shows the model a generated example of its own task. */
export const PHANTOM_SLICE = 'phantom';

/** Seed of the lesson's phantom examples: neither a training nor a validation seed of the zoo. */
export const PHANTOM_SEED = 7;

/** The lesson's slice choice: the gallery, the learner's own file, or a phantom of the model's task. */
export const CNN_SLICE_PARAM: EnumParamDef = {
  ...SLICE_PARAM,
  options: [
    ...SLICE_PARAM.options,
    {
      value: PHANTOM_SLICE,
      label: { en: 'A phantom of the model’s own task', zh: '该模型自身任务的体模样例' },
    },
  ],
};

/** Which phantom example (index in the seed-7 set of the model's task) `slice=phantom` shows. */
export const PHANTOM_PARAM: NumberParamDef = {
  kind: 'number',
  id: 'ph',
  label: { en: 'Phantom example (when the slice is a phantom)', zh: '体模样例编号（切片选择体模时）' },
  min: 0,
  max: 99,
  step: 1,
  default: 1,
};

/**
 * A model trained in the browser, by its stored name ('' = none): when set it overrides
 * {@link MODEL_PARAM}. A name is 1–80 characters without control characters and without a space
 * at either end (`validateModelName`); the URL value is percent-encoded by the router, and up to
 * 2 UTF-16 units per character are allowed.
 */
export const USER_MODEL_PARAM: TextParamDef = {
  kind: 'text',
  id: 'um',
  label: { en: 'Your model', zh: '你的模型' },
  pattern: '(?:[^\\s\\u0000-\\u001f\\u007f](?:[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f])?)?',
  maxLength: 2 * MODEL_NAME_MAX,
  default: '',
  hidden: true,
  carry: true,
};

/** The parameters every step shares: model (or the learner's model), slice, phantom example and crop centre. */
export const INPUT_PARAMS = [
  MODEL_PARAM,
  CNN_SLICE_PARAM,
  PHANTOM_PARAM,
  CENTRE_X_PARAM,
  CENTRE_Y_PARAM,
  USER_MODEL_PARAM,
] as const;

/** The stored model named by {@link USER_MODEL_PARAM}, or undefined when none (or an invalid name) is. */
export function userModelParam(values: ParamValues): string | undefined {
  const name = paramString(values[USER_MODEL_PARAM.id], USER_MODEL_PARAM.default);
  return name !== '' && validateModelName(name) === null ? name : undefined;
}

/** The lesson link that opens the model trained in the browser called `name` at `step` (1-based, 1–4). */
export function userLessonHref(name: string, step = 1): string {
  return `#/lesson/cnn-architecture?${formatQuery({ step: String(step), [USER_MODEL_PARAM.id]: name })}`;
}

/** The crop centre in the URL, or undefined for "automatic". */
export function centreParam(values: ParamValues): { row: number; column: number } | undefined {
  const column = paramNumber(values[CENTRE_X_PARAM.id], CENTRE_X_PARAM.default);
  const row = paramNumber(values[CENTRE_Y_PARAM.id], CENTRE_Y_PARAM.default);
  return column < 0 || row < 0 ? undefined : { row, column };
}

/** The selected unit of `layer`, or undefined when none is selected. */
export function unitParam(values: ParamValues, layer: string): UnitRef | undefined {
  const s = paramString(values[UNIT_PARAM.id], UNIT_PARAM.default);
  if (s === '' || layer === '') return undefined;
  const [row = 0, column = 0, channel = 0] = s.split(',').map(Number);
  return { layer, row, column, channel };
}

/** `row,column,channel` for the URL. */
export function formatUnit(unit: Pick<UnitRef, 'row' | 'column' | 'channel'>): string {
  return `${unit.row},${unit.column},${unit.channel}`;
}

/**
 * What every step of the `cnn-architecture` lesson starts from: the chosen zoo model, or the
 * learner's own model trained in the browser (`um`, read from IndexedDB), loaded on the active
 * backend; the chosen slice, the crop centre (by default the gallery sample's lesion) and
 * the prepared model input (window → normalise → crop → resize), and the forward pass with every
 * layer's output.
 */
import { useMemo } from 'react';
import type { ParamValues } from '../../core/lessons/types';
import { pendingUserModelDef, userModelId } from '../../core/models/userModel';
import { getZooModel, ZOO_MODELS } from '../../core/models/zooCatalog';
import type { CatalogueModelDef, ZooModelDef } from '../../core/models/zooTypes';
import { prepareZooInput, type ZooInput } from '../../ui/zoo/prepareZooInput';
import { useZooForward, type ZooForwardState } from '../../ui/zoo/useZooForward';
import { useZooModel, type ZooModelState } from '../../ui/zoo/useZooModel';
import { modelPixelMm } from '../../ui/zoo/zooResultMaths';
import { paramNumber, paramString } from '../paramValue';
import { sliceParam } from '../shared/SliceStep';
import { OWN_SLICE, SLICE_PARAM, useLessonSlice, type LessonSliceState } from '../shared/lessonSlice';
import {
  centreParam,
  MODEL_PARAM,
  PHANTOM_PARAM,
  PHANTOM_SLICE,
  userModelParam,
} from './cnnArchitectureParams';
import { phantomSlice } from './phantomSlice';
import { sampleLesionCentre, type SlicePixel } from './lesionCentre';

/** Everything {@link useCnnInput} returns. */
export interface CnnInput {
  /** The model's definition (for the learner's model: a stand-in until its record has loaded). */
  def: ZooModelDef;
  /** The learner's model's stored name, when `um` names one. */
  userName: string | undefined;
  /**
   * True when `slice=phantom` was asked for the learner's model, which has no phantom task: the
   * gallery's default slice is shown instead (the widgets say so).
   */
  phantomUnavailable: boolean;
  model: ZooModelState;
  slice: LessonSliceState;
  /** The id of the slice in the URL (a gallery sample, the learner's own file, or a phantom). */
  sliceId: string;
  /** The gallery sample's lesion centre in source pixels, when it has one. */
  lesion: SlicePixel | undefined;
  /** The crop centre: the one in the URL, else the lesion's, else undefined (the slice centre). */
  centre: { row: number; column: number } | undefined;
  /** The prepared input once the slice is ready. */
  input: ZooInput | undefined;
  /** Side of one model-input pixel in mm (the model's own spacing until the input is ready). */
  pixelMm: number;
  forward: ZooForwardState;
}

/** The model definition named by the `model` parameter (the default model for an unknown id). */
export function modelDefParam(values: ParamValues): CatalogueModelDef {
  const id = paramString(values[MODEL_PARAM.id], MODEL_PARAM.default);
  return getZooModel(id) ?? ZOO_MODELS.find((m) => m.id === MODEL_PARAM.default)!;
}

/** Model, slice, prepared input and forward pass for a step's parameter values. */
export function useCnnInput(values: ParamValues): CnnInput {
  const zooDef = modelDefParam(values);
  const userName = userModelParam(values);
  const id = userName !== undefined ? userModelId(userName) : zooDef.id;
  const model = useZooModel(id);
  const loadedDef = model.status === 'ready' && model.model.def.id === id ? model.model.def : undefined;
  const pending = useMemo(
    () => (userName !== undefined ? pendingUserModelDef(userName) : undefined),
    [userName],
  );
  const def: ZooModelDef = userName !== undefined ? (loadedDef ?? pending!) : zooDef;
  // The learner's model's preprocessing is known once its record has loaded.
  const defReady = userName === undefined || loadedDef !== undefined;
  const asked = sliceParam(values);
  const phantomUnavailable = asked === PHANTOM_SLICE && userName !== undefined;
  const sliceId = phantomUnavailable ? SLICE_PARAM.default : asked;
  const phantom = sliceId === PHANTOM_SLICE;
  const phantomIndex = paramNumber(values[PHANTOM_PARAM.id], PHANTOM_PARAM.default);
  // A phantom needs no download: ask for the learner's file, which loads nothing.
  const loaded = useLessonSlice(phantom ? OWN_SLICE : sliceId);
  const generated = useMemo(
    () => (phantom && userName === undefined ? phantomSlice(zooDef, phantomIndex) : undefined),
    [phantom, userName, zooDef, phantomIndex],
  );
  const slice: LessonSliceState = generated
    ? { status: 'ready', id: PHANTOM_SLICE, slice: generated }
    : loaded;
  const lesion = sampleLesionCentre(sliceId);
  const centre = centreParam(values) ?? lesion;
  const sliceReady = slice.status === 'ready' ? slice.slice : undefined;
  const input = useMemo(
    () => (sliceReady && defReady ? prepareZooInput(sliceReady, def, centre) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the centre's coordinates, not its identity
    [sliceReady, def, defReady, centre?.row, centre?.column],
  );
  const runner = model.status === 'ready' && defReady ? model.model.runner : undefined;
  const forward = useZooForward(runner, input?.input);
  const pixelMm =
    input && sliceReady
      ? modelPixelMm(input.scale, sliceReady.spacingMm, def.preprocessing.spacingMm)
      : def.preprocessing.spacingMm;
  return {
    def,
    userName,
    phantomUnavailable,
    model,
    slice,
    sliceId,
    lesion,
    centre,
    input,
    pixelMm,
    forward,
  };
}

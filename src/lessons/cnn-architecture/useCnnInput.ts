/**
 * What every step of the `cnn-architecture` lesson starts from: the chosen zoo model (loaded on the
 * active backend), the chosen slice, the crop centre and the prepared model input
 * (window → normalise → crop → resize), and the forward pass with every layer's output.
 */
import { useMemo } from 'react';
import type { ParamValues } from '../../core/lessons/types';
import { getZooModel, ZOO_MODELS } from '../../core/models/zooCatalog';
import type { ZooModelDef } from '../../core/models/zooTypes';
import { prepareZooInput, type ZooInput } from '../../ui/zoo/prepareZooInput';
import { useZooForward, type ZooForwardState } from '../../ui/zoo/useZooForward';
import { useZooModel, type ZooModelState } from '../../ui/zoo/useZooModel';
import { paramString } from '../paramValue';
import { sliceParam } from '../shared/SliceStep';
import { useLessonSlice, type LessonSliceState } from '../shared/lessonSlice';
import { centreParam, MODEL_PARAM } from './cnnArchitectureParams';

/** Everything {@link useCnnInput} returns. */
export interface CnnInput {
  def: ZooModelDef;
  model: ZooModelState;
  slice: LessonSliceState;
  /** The crop centre in the URL, or undefined (automatic: the slice centre). */
  centre: { row: number; column: number } | undefined;
  /** The prepared input once the slice is ready. */
  input: ZooInput | undefined;
  forward: ZooForwardState;
}

/** The model definition named by the `model` parameter (the default model for an unknown id). */
export function modelDefParam(values: ParamValues): ZooModelDef {
  const id = paramString(values[MODEL_PARAM.id], MODEL_PARAM.default);
  return getZooModel(id) ?? ZOO_MODELS.find((m) => m.id === MODEL_PARAM.default)!;
}

/** Model, slice, prepared input and forward pass for a step's parameter values. */
export function useCnnInput(values: ParamValues, autoCentre?: { row: number; column: number }): CnnInput {
  const def = modelDefParam(values);
  const model = useZooModel(def.id);
  const slice = useLessonSlice(sliceParam(values));
  const centre = centreParam(values) ?? autoCentre;
  const sliceReady = slice.status === 'ready' ? slice.slice : undefined;
  const input = useMemo(
    () => (sliceReady ? prepareZooInput(sliceReady, def, centre) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the centre's coordinates, not its identity
    [sliceReady, def, centre?.row, centre?.column],
  );
  const runner = model.status === 'ready' ? model.model.runner : undefined;
  const forward = useZooForward(runner, input?.input);
  return { def, model, slice, centre, input, forward };
}

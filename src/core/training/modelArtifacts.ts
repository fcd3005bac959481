/**
 * A model to and from plain tfjs artifacts (the content of model.json + weights.bin), in memory:
 * `model.save(tf.io.withSaveHandler(…))` and `tf.loadLayersModel(tf.io.fromMemory(…))`.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ModelArtifactsPlain } from './modelStore';

/**
 * The model's topology JSON, weight specs and weights (one buffer, float32 little-endian in the
 * specs' order, as tfjs writes weights.bin). The model is unchanged.
 */
export async function modelArtifacts(tf: typeof tfc, model: tfl.LayersModel): Promise<ModelArtifactsPlain> {
  let saved: tfc.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      saved = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const a = saved as tfc.io.ModelArtifacts | null;
  if (!a || !a.modelTopology || !a.weightSpecs || a.weightData === undefined)
    throw new Error('tfjs returned no model artifacts');
  const data = a.weightData;
  return {
    modelTopology: a.modelTopology as object,
    weightSpecs: a.weightSpecs.map((spec) => ({
      name: spec.name,
      shape: [...spec.shape],
      dtype: spec.dtype as 'float32' | 'int32' | 'bool',
    })),
    weightData: Array.isArray(data) ? tf.io.CompositeArrayBuffer.join(data) : data,
  };
}

/** A new model from artifacts (the caller owns and disposes it). */
export function modelFromArtifacts(
  tf: typeof tfc,
  layers: typeof tfl,
  artifacts: ModelArtifactsPlain,
): Promise<tfl.LayersModel> {
  return layers.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: artifacts.modelTopology,
      weightSpecs: artifacts.weightSpecs.map((s) => ({ ...s, shape: [...s.shape] })),
      weightData: artifacts.weightData,
    }),
  );
}

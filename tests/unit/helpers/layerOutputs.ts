/**
 * Several layers' outputs of a tfjs-layers model in one pass, as plain arrays: the oracle the
 * receptive-field and click-to-explain tests compare against. Needs `startTf` (./tfBackend.ts).
 */
import type * as tfl from '@tensorflow/tfjs-layers';
import { layers, tf } from './tfBackend';

/**
 * The outputs of the layers `names` of `model` for the batch `input` (of shape `shape`, batch
 * first), from one multi-output model over the same layers, hence the same weights. The name of
 * the model's input layer gives the input itself (a Sequential model does not list its input layer
 * among its layers). Each shape is given without the batch axis. No tensor is left behind.
 */
export function layerOutputs(
  model: tfl.LayersModel,
  names: readonly string[],
  input: Float32Array,
  shape: readonly number[],
): { shape: number[]; values: Float32Array }[] {
  const input0 = model.inputs[0]!;
  const probe = layers.model({
    inputs: model.inputs,
    outputs: names.map((n) =>
      n === input0.sourceLayer.name ? input0 : (model.getLayer(n).output as tfl.SymbolicTensor),
    ),
  });
  return tf.tidy(() => {
    const out = probe.predict(tf.tensor(input, [...shape]));
    return (Array.isArray(out) ? out : [out]).map((t) => ({
      shape: t.shape.slice(1),
      values: t.dataSync().slice() as Float32Array,
    }));
  });
}

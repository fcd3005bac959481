/**
 * Copies of a zoo model on whichever tfjs backend is active, for timing it on other backends
 * (`core/tensor/backendTiming.ts`) without ever running the user's own model there.
 *
 * {@link zooRunnerCopier} reads every layer's kernel and bias once, as plain arrays, from the
 * source runner (`ZooRunner.layerWeights`, on the backend the source lives on). Each copy is the
 * catalogue's architecture (`def.build`) whose weights are then overwritten with those arrays
 * (`layer.setWeights`, in the order of `layer.weights`), so it computes the same function as the
 * source. The zoo's layers hold no weights other than kernels (`kernel`, `depthwise_kernel`) and
 * biases; a copy with any other weight, or a shape that differs, is refused.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { loadTfCore, loadTfLayers } from '../tensor/initBackend';
import type { LayerWeights } from './explainUnit';
import { ZooRunner } from './ZooRunner';
import type { ZooModelDef } from './zooTypes';

function sameShape(a: readonly number[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Snapshots the weights of `source` (a runner of `def`) now and returns a function that makes a
 * new runner with those weights on the backend active when it is called. The caller disposes each
 * copy; the source is only read, here, once.
 * @throws Error (from the returned function) when the architecture's weights do not match the snapshot
 */
export function zooRunnerCopier(def: ZooModelDef, source: ZooRunner): () => Promise<ZooRunner> {
  const snapshot = new Map<string, LayerWeights>();
  for (const layer of source.graph.layers) snapshot.set(layer.name, source.layerWeights(layer.name));
  return async () => {
    const [tf, layers] = await Promise.all([loadTfCore(), loadTfLayers()]);
    const model = def.build(layers, 1);
    try {
      for (const layer of model.layers) {
        if (layer.weights.length === 0) continue;
        const w = snapshot.get(layer.name);
        if (!w) throw new Error(`${def.id}: the copy has a layer '${layer.name}' that the source does not.`);
        const values: tfc.Tensor[] = [];
        try {
          for (const variable of layer.weights) {
            const name = variable.originalName.split('/').pop() ?? '';
            const data = name.endsWith('kernel') ? w.kernel : name === 'bias' ? w.bias : null;
            const shape = name.endsWith('kernel') ? w.kernelShape : w.bias ? [w.bias.length] : [];
            if (!data || !sameShape(shape, variable.shape))
              throw new Error(
                `${def.id}: weight ${variable.originalName} [${variable.shape.join(', ')}] has no match in the source.`,
              );
            values.push(tf.tensor(data, [...shape]));
          }
          layer.setWeights(values);
        } finally {
          tf.dispose(values);
        }
      }
      return await ZooRunner.create(model);
    } catch (e) {
      model.dispose();
      throw e;
    }
  };
}

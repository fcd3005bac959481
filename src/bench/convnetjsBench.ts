/**
 * The peer: ConvNetJS 0.3 (plain JavaScript, float64) training the same TinyVGG on the same
 * disc-phantom data, batch 32, so the tfjs wasm number has a reference in the same browser.
 */
import type { Vol as VolT } from 'convnetjs';
import { makeDiscBatch } from '../core/datasets/discPhantom';
import { round } from './stats';
import { INPUT_SIZE, TRAIN_BATCH } from './tinyVggBench';

/** How much work `convnetjsBench` does; steps are weight updates (batches of 32 examples). */
export interface ConvnetjsOptions {
  warmupSteps: number;
  steps: number;
}

/** What `convnetjsBench` measured. */
export interface ConvnetjsResult {
  trainExamplesPerSec: number;
  /** The optimiser ConvNetJS actually ran: 0.3 on npm knows no 'adam' and falls back to SGD + momentum. */
  effectiveMethod: string;
  examples: number;
  firstLoss: number;
  lastLoss: number;
  revision: string;
}

/** TinyVGG in ConvNetJS layer definitions: conv 3×3 ×10 relu, conv, pool 2, conv, conv, pool 2, softmax 2. */
export function tinyVggLayerDefs(): Array<Record<string, string | number>> {
  const conv = { type: 'conv', sx: 3, filters: 10, stride: 1, pad: 0, activation: 'relu' };
  const pool = { type: 'pool', sx: 2, stride: 2 };
  return [
    { type: 'input', out_sx: INPUT_SIZE, out_sy: INPUT_SIZE, out_depth: 1 },
    conv,
    conv,
    pool,
    conv,
    conv,
    pool,
    { type: 'softmax', num_classes: 2 },
  ];
}

/** The methods ConvNetJS 0.3's Trainer implements; anything else runs its SGD branch. */
const KNOWN_METHODS = ['sgd', 'adagrad', 'windowgrad', 'adadelta'];

/** Trains ConvNetJS TinyVGG with method 'adam', batch 32, learning rate 0.001; examples per second. */
export async function convnetjsBench(options: ConvnetjsOptions): Promise<ConvnetjsResult> {
  const { default: convnetjs } = await import('convnetjs');
  const net = new convnetjs.Net();
  net.makeLayers(tinyVggLayerDefs());
  const trainer = new convnetjs.Trainer(net, {
    method: 'adam',
    batch_size: TRAIN_BATCH,
    learning_rate: 0.001,
  });
  const volumes: Array<{ x: VolT; label: number }> = [];
  for (let b = 0; b < 4; b++) {
    const d = makeDiscBatch(TRAIN_BATCH, INPUT_SIZE, 100 + b);
    for (let i = 0; i < d.batch; i++) {
      const x = new convnetjs.Vol(INPUT_SIZE, INPUT_SIZE, 1, 0);
      const image = d.images.subarray(i * INPUT_SIZE * INPUT_SIZE, (i + 1) * INPUT_SIZE * INPUT_SIZE);
      for (let j = 0; j < image.length; j++) x.w[j] = image[j]!;
      volumes.push({ x, label: d.labels[i]! });
    }
  }
  const losses: number[] = [];
  let k = 0;
  const runBatch = () => {
    let sum = 0;
    for (let i = 0; i < TRAIN_BATCH; i++) {
      const v = volumes[k++ % volumes.length]!;
      sum += trainer.train(v.x, v.label).loss;
    }
    losses.push(sum / TRAIN_BATCH);
  };
  for (let s = 0; s < options.warmupSteps; s++) runBatch();
  const t0 = performance.now();
  for (let s = 0; s < options.steps; s++) runBatch();
  const ms = performance.now() - t0;
  const examples = options.steps * TRAIN_BATCH;
  return {
    trainExamplesPerSec: round((examples * 1000) / ms, 2),
    effectiveMethod: KNOWN_METHODS.includes(trainer.method)
      ? trainer.method
      : `sgd+momentum (asked '${trainer.method}')`,
    examples,
    firstLoss: round(losses[0] ?? Number.NaN, 5),
    lastLoss: round(losses[losses.length - 1] ?? Number.NaN, 5),
    revision: convnetjs.REVISION,
  };
}

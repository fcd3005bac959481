/**
 * Zoo benchmarks (bench field `zoo`): for each of the zoo's models, loaded from the committed
 * files in `public/models/<id>/` with `loadZooModel` (as the `#/zoo` page loads them),
 *
 * - `ZooRunner.forwardAll` (one execution, every intermediate activation downloaded as a
 *   Float32Array) as the app runs it, i.e. into a caller-owned `ForwardBuffers` (as `useZooForward`
 *   does: recycled arrays, filled straight from the wasm heap), next to the bare `model.predict` +
 *   `await data()` of the same input on the same backend; also `forwardAll` without buffers (fresh
 *   arrays from `data()`), for transparency. Each forwardAll is interleaved run by run with predict
 *   (the order alternating) so that drift on a busy machine hits both alike; the fresh one in a
 *   second phase, so that its allocations do not trigger collections in the first; medians, ratios;
 * - `ZooRunner.gradCam` for every classifier, at the layer the page offers first
 *   (`gradCamLayers()[0]`), and for TinyVGG at its last convolution (`conv_2_2`).
 *
 * Tensors alive before and after each model (weights freed by `dispose`) must be equal.
 */
import { loadTfCore } from '../core/tensor/initBackend';
import { mulberry32 } from '../core/datasets/discPhantom';
import { ZooRunner } from '../core/models/ZooRunner';
import { ZOO_MODELS } from '../core/models/zooCatalog';
import { loadZooModel } from '../core/models/zooStorage';
import { ForwardBuffers } from '../core/models/forwardBuffers';
import type { ForwardResult, ZooModelId } from '../core/models/zooTypes';
import { median, nextFrame, round } from './stats';

/** How many runs each figure takes. */
export interface ZooBenchOptions {
  /** Untimed runs (of each kind, in each of the two phases) before the timed ones. Default 5. */
  warmup?: number;
  /** Timed runs of each kind in each phase (forwardAll recycled + predict, then forwardAll fresh + predict). Default 30. */
  runs?: number;
  /** Untimed Grad-CAM runs. Default 3. */
  gradCamWarmup?: number;
  /** Timed Grad-CAM runs. Default 15. */
  gradCamRuns?: number;
  /** Only these models (default: all of the zoo). */
  ids?: ZooModelId[];
}

/** The figures of one model. */
export interface ZooModelFigures {
  /**
   * Median ms of `ZooRunner.forwardAll(input, buffers)` with a caller-owned `ForwardBuffers` of
   * depth 2, as `useZooForward` runs it (upload, one execution, every activation written into
   * recycled arrays).
   */
  forwardAllMs: number | null;
  /** Median ms of `ZooRunner.forwardAll(input)` without buffers (every activation a fresh array from `data()`). */
  forwardAllFreshMs: number | null;
  /** Median ms of `predict` in the runs interleaved with the fresh forwardAll ones. */
  freshPhasePredictMs: number | null;
  /** forwardAllFreshMs / freshPhasePredictMs. */
  forwardAllFreshRatio: number | null;
  /** Bytes held by the ForwardBuffers (two sets of every downloaded activation). */
  bufferBytes: number;
  /** Median ms of the bare `model.predict` + `await data()` (upload included). */
  predictMs: number | null;
  /** forwardAllMs / predictMs (target ≤ 1.3). */
  forwardAllRatio: number | null;
  /** Median ms of `ZooRunner.gradCam` at `gradCamLayer` (classifiers with a spatial layer; else null). */
  gradCamMs: number | null;
  gradCamLayer: string | null;
  /** Layers in the graph (outputs downloaded by forwardAll, input included). */
  layers: number;
  /** Float32 values in the arrays forwardAll returns per run (every activation, the input copy included). */
  activationValues: number;
  params: number;
  /**
   * 10th percentiles of the same runs and their ratio: on a shared machine the runs are bimodal
   * (a busy core stalls wasm's thread pool for milliseconds), and these stay near the quiet times.
   */
  forwardAllP10Ms: number | null;
  predictP10Ms: number | null;
  ratioP10: number | null;
  forwardAllRunsMs: number[];
  forwardAllFreshRunsMs: number[];
  predictRunsMs: number[];
  /** Tensors alive after the model was disposed minus before it was loaded (must be 0). */
  leakedTensors: number;
  /** Set when the model could not be loaded or run. */
  error?: string;
}

/** What {@link zooBench} measured. */
export interface ZooBenchResult {
  models: Partial<Record<ZooModelId, ZooModelFigures>>;
  /** Median ms of Grad-CAM of TinyVGG at its last convolution, `conv_2_2`. */
  gradCamMs: number | null;
  gradCamLayer: string;
  warmup: number;
  runs: number;
  gradCamWarmup: number;
  gradCamRuns: number;
  backend: string;
}

/** A smooth disc on noise in 0…1, like a windowed patch. */
function inputLike(size: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  const out = new Float32Array(size * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - size / 2, y - size / 2) / (size / 4);
      out[y * size + x] = Math.min(1, Math.max(0, (r < 1 ? 0.7 : 0.2) + 0.1 * (rand() - 0.5)));
    }
  return out;
}

async function timeGradCam(
  runner: ZooRunner,
  input: Float32Array,
  layer: string,
  warmup: number,
  runs: number,
) {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    await runner.gradCam(input, i % 2, layer);
    if (i >= warmup) times.push(performance.now() - t0);
  }
  return round(median(times));
}

const TINY_VGG_LAST_CONV = 'conv_2_2';

/** One model: load, interleaved forwardAll (recycled, fresh) / predict runs, Grad-CAM, dispose. */
async function benchModel(
  id: ZooModelId,
  o: Required<Omit<ZooBenchOptions, 'ids'>>,
  tinyVgg: { ms: number | null },
) {
  const tf = await loadTfCore();
  const before = tf.memory().numTensors;
  const figures: ZooModelFigures = {
    forwardAllMs: null,
    forwardAllFreshMs: null,
    freshPhasePredictMs: null,
    forwardAllFreshRatio: null,
    bufferBytes: 0,
    predictMs: null,
    forwardAllRatio: null,
    gradCamMs: null,
    gradCamLayer: null,
    layers: 0,
    activationValues: 0,
    params: 0,
    forwardAllP10Ms: null,
    predictP10Ms: null,
    ratioP10: null,
    forwardAllRunsMs: [],
    forwardAllFreshRunsMs: [],
    predictRunsMs: [],
    leakedTensors: 0,
  };
  let runner: ZooRunner | null = null;
  try {
    const { model } = await loadZooModel(id);
    figures.params = model.countParams();
    runner = await ZooRunner.create(model);
    const size = runner.inputSize;
    const inputs = [inputLike(size, 1), inputLike(size, 2)];
    const buffers = new ForwardBuffers(2);
    const r = runner;
    let last: ForwardResult | undefined;
    /** `run(input)` and `bare(input)` interleaved run by run, the order alternating; their times. */
    const interleave = async (
      run: (input: Float32Array) => Promise<unknown>,
      bare: (input: Float32Array) => Promise<unknown>,
    ): Promise<[number[], number[]]> => {
      const timed = async (f: () => Promise<unknown>): Promise<number> => {
        const t0 = performance.now();
        await f();
        return performance.now() - t0;
      };
      const ts: [number[], number[]] = [[], []];
      for (let i = 0; i < o.warmup + o.runs; i++) {
        const input = inputs[i % 2]!;
        let a: number;
        let b: number;
        if (i % 2 === 0) {
          a = await timed(() => run(input));
          b = await timed(() => bare(input));
        } else {
          b = await timed(() => bare(input));
          a = await timed(() => run(input));
        }
        if (i >= o.warmup) {
          ts[0].push(a);
          ts[1].push(b);
        }
      }
      return ts;
    };
    const predict = (input: Float32Array) => r.predict(input);
    // The figure the target is about: forwardAll as the app runs it, with recycled arrays.
    const [all, bare] = await interleave(
      (input) => r.forwardAll(input, buffers).then((res) => (last = res)),
      predict,
    );
    // Then, separately (its allocations would trigger collections in the runs above), fresh arrays.
    const [fresh, bareFresh] = await interleave((input) => r.forwardAll(input), predict);
    if (last) {
      figures.layers = last.outputs.length;
      // Distinct arrays: a flatten layer shares its input's array.
      figures.activationValues = [...new Set(last.outputs.map((x) => x.values))].reduce(
        (n, v) => n + v.length,
        0,
      );
    }
    const a = median(all);
    const b = median(bare);
    const f = median(fresh);
    const bf = median(bareFresh);
    figures.forwardAllMs = round(a);
    figures.predictMs = round(b);
    figures.forwardAllRatio = round(a / b, 3);
    figures.forwardAllFreshMs = round(f);
    figures.freshPhasePredictMs = round(bf);
    figures.forwardAllFreshRatio = round(f / bf, 3);
    figures.bufferBytes = buffers.byteLength;
    const p10 = (xs: number[]) => [...xs].sort((u, v) => u - v)[Math.floor(xs.length / 10)]!;
    figures.forwardAllP10Ms = round(p10(all));
    figures.predictP10Ms = round(p10(bare));
    figures.ratioP10 = round(p10(all) / p10(bare), 3);
    figures.forwardAllRunsMs = all.map((t) => round(t, 2));
    figures.forwardAllFreshRunsMs = fresh.map((t) => round(t, 2));
    figures.predictRunsMs = bare.map((t) => round(t, 2));
    const layer = runner.gradCamLayers()[0];
    if (layer) {
      figures.gradCamLayer = layer;
      figures.gradCamMs = await timeGradCam(runner, inputs[0]!, layer, o.gradCamWarmup, o.gradCamRuns);
    }
    if (id === 'tiny-vgg')
      tinyVgg.ms = await timeGradCam(runner, inputs[0]!, TINY_VGG_LAST_CONV, o.gradCamWarmup, o.gradCamRuns);
  } catch (e) {
    figures.error = e instanceof Error ? e.message : String(e);
  } finally {
    runner?.dispose();
  }
  figures.leakedTensors = tf.memory().numTensors - before;
  return figures;
}

/**
 * Runs the zoo figures on the active backend (initialise it first), model after model, each
 * loaded from its committed files and disposed before the next. A model that fails to load or
 * run gets null figures and its `error`; the others still run.
 */
export async function zooBench(options: ZooBenchOptions = {}): Promise<ZooBenchResult> {
  const tf = await loadTfCore();
  const o = {
    warmup: options.warmup ?? 5,
    runs: options.runs ?? 30,
    gradCamWarmup: options.gradCamWarmup ?? 3,
    gradCamRuns: options.gradCamRuns ?? 15,
  };
  const ids = options.ids ?? ZOO_MODELS.map((m) => m.id);
  const tinyVgg = { ms: null as number | null };
  const models: ZooBenchResult['models'] = {};
  for (const id of ids) {
    models[id] = await benchModel(id, o, tinyVgg);
    await nextFrame();
  }
  return { models, gradCamMs: tinyVgg.ms, gradCamLayer: TINY_VGG_LAST_CONV, ...o, backend: tf.getBackend() };
}

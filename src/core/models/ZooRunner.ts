/**
 * Runs a zoo model for the `cnn-architecture` lesson and the `#/zoo` page, returning only plain
 * arrays (DESIGN.md: components never hold tensors):
 *
 * - `forwardAll`: one execution that yields every layer's activation, from a second, multi-output
 *   `tf.model({ inputs: model.inputs, outputs: [every non-input layer's output] })`. That model is a
 *   view over the same layer objects: it owns no weights of its own (building it creates no
 *   tensor and does not change the layers' reference counts), so it is never disposed separately.
 *   With a caller-owned `ForwardBuffers` the activations are written into recycled arrays (see
 *   `forwardBuffers.ts` for why and for how long they stay valid).
 * - `predict`: the bare `model.predict` + download the bench compares with.
 * - `gradCam`: Grad-CAM at a chosen layer (see `gradCam.ts`).
 * - `layerWeights`: a layer's kernel and bias as Float32Arrays, for the unit explanations.
 *
 * Ownership: `ZooRunner.create(model)` takes ownership of `model`. `dispose()` disposes it (every
 * weight variable), and with it everything the runner made; no other tensor outlives a call.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { loadTfCore, loadTfLayers } from '../tensor/initBackend';
import { describeModel } from './describeModel';
import type { LayerWeights } from './explainUnit';
import { copyFromWasmHeap, float32Data, type ForwardBuffers } from './forwardBuffers';
import { gradCamLayerNames, gradCamTensors, SCORE_LAYER } from './gradCam';
import type { ForwardResult, GradCamResult, LayerOutput, ModelGraph } from './zooTypes';

type Tf = typeof tfc;
type Layer = tfl.LayersModel['layers'][number];
type Weight = Layer['weights'][number];

/** Runs a zoo model and hands back plain arrays. Create with {@link ZooRunner.create}. */
export class ZooRunner {
  /** The model's layers as plain data (`describeModel`), in topological order, input first. */
  readonly graph: ModelGraph;
  /** The model's input side in pixels (inputs are inputSize × inputSize × 1). */
  readonly inputSize: number;
  private model: tfl.LayersModel | null;
  /** Multi-output view over the model's layers (shares their weights; see the module comment). */
  private readonly everyOutput: tfl.LayersModel;
  /** Names of the layers whose outputs the view yields, in its output order. */
  private readonly outputNames: readonly string[];
  /** The view's output symbolic tensors' names, for `execute`. */
  private readonly outputTensorNames: string[];
  private readonly weightCache = new Map<string, LayerWeights>();
  private readonly camLayers: readonly string[];

  private constructor(
    private readonly tf: Tf,
    model: tfl.LayersModel,
    everyOutput: tfl.LayersModel,
    outputNames: readonly string[],
    graph: ModelGraph,
  ) {
    this.model = model;
    this.everyOutput = everyOutput;
    this.outputNames = outputNames;
    this.outputTensorNames = everyOutput.outputs.map((o) => o.name);
    this.graph = graph;
    this.camLayers = gradCamLayerNames(graph);
    const shape = model.inputs[0]?.shape ?? [];
    const [, h, w, c] = shape;
    if (model.inputs.length !== 1 || shape.length !== 4 || h !== w || c !== 1 || typeof h !== 'number')
      throw new Error(
        `${model.name} does not take one square single-channel image: its input is [${shape.join(', ')}].`,
      );
    this.inputSize = h;
  }

  /**
   * Wraps `model` (taking ownership of it: {@link dispose} disposes it). Loads tfjs, describes the
   * model and builds the multi-output view over its layers once.
   * @throws Error (e.g. describeModel's UnsupportedModelError) for a model the runner cannot run;
   *   the caller then still owns `model`.
   */
  static async create(model: tfl.LayersModel): Promise<ZooRunner> {
    const [tf, layers] = await Promise.all([loadTfCore(), loadTfLayers()]);
    const graph = describeModel(model);
    const inputNames = new Set(model.inputLayers.map((l) => l.name));
    // A flatten layer's output holds its input's values in the same (row-major HWC) order: it is
    // not downloaded again but shares its input's array (see forwardAll).
    const outputNames = graph.layers
      .filter((l) => !inputNames.has(l.name) && l.kind !== 'flatten')
      .map((l) => l.name);
    const outputs = outputNames.map((name) => {
      const out = model.getLayer(name).output;
      if (Array.isArray(out))
        throw new Error(`layer ${name} has several outputs: the zoo does not use such layers`);
      return out;
    });
    const everyOutput = layers.model({ inputs: model.inputs, outputs, name: `${model.name}_every_output` });
    return new ZooRunner(tf, model, everyOutput, outputNames, graph);
  }

  private live(): tfl.LayersModel {
    if (!this.model)
      throw new Error('This model runner has been disposed: create a new one to run the model.');
    return this.model;
  }

  private inputTensor(input: Float32Array): tfc.Tensor4D {
    const s = this.inputSize;
    if (input.length !== s * s)
      throw new Error(`The model takes a ${s} × ${s} image (${s * s} values), not ${input.length} values.`);
    return this.tf.tensor4d(input, [1, s, s, 1]);
  }

  /**
   * Runs the model once and returns every layer's output (batch 1, HWC or vector), in graph order
   * with the input first (a copy of `input`); `prediction` is the last. One execution of the
   * multi-output view (the same kernels `predict` runs), then every activation is downloaded.
   * A flatten layer's output shares its input's `values` array (the same numbers in the same
   * order), so treat the arrays as read-only.
   *
   * Without `buffers`, every array is new (`await data()`, all in parallel) and the caller may keep
   * it as long as it likes. With `buffers` (a {@link ForwardBuffers} the caller owns), the layers'
   * arrays are recycled: **they stay valid until `depth` further calls with the same buffers**,
   * then hold a later result's values. They are filled straight from the wasm heap when wasm is
   * active ({@link copyFromWasmHeap}), else from `data()`. The input copy (`outputs[0].values`) is
   * always a new array, whatever `buffers`: consumers key caches on its identity and hand it to
   * later asynchronous work (Grad-CAM), and it is small (size² values). The result object, its
   * `outputs` array and each `LayerOutput` are new on every call.
   */
  async forwardAll(input: Float32Array, buffers?: ForwardBuffers): Promise<ForwardResult> {
    this.live();
    const x = this.inputTensor(input);
    // Claimed before any await, so that calls in flight together never share a set.
    const array = buffers?.claim();
    let outs: tfc.Tensor[] = [];
    try {
      // `execute` runs the graph once for all outputs, without predict's batching (a slice of the
      // input and a concat per output); the layers compute exactly what `predict` computes.
      if (this.outputTensorNames.length) {
        const y = this.everyOutput.execute(x, this.outputTensorNames);
        outs = Array.isArray(y) ? y : [y];
      }
      const data = array ? await this.readInto(outs, array) : await Promise.all(outs.map(float32Data));
      const byName = new Map<string, LayerOutput>();
      this.outputNames.forEach((name, i) =>
        byName.set(name, { name, shape: outs[i]!.shape.slice(1), values: data[i]! }),
      );
      const s = this.inputSize;
      const outputs = this.graph.layers.map((l): LayerOutput => {
        const downloaded = byName.get(l.name);
        if (downloaded) return downloaded;
        if (l.kind === 'flatten') {
          const source = byName.get(l.inputs[0]!);
          if (!source) throw new Error(`the input of ${l.name} was not computed`);
          const shared: LayerOutput = { name: l.name, shape: [...l.outputShape], values: source.values };
          byName.set(l.name, shared);
          return shared;
        }
        const copy: LayerOutput = { name: l.name, shape: [s, s, 1], values: input.slice() };
        byName.set(l.name, copy);
        return copy;
      });
      return { outputs, prediction: outputs[outputs.length - 1]! };
    } finally {
      this.tf.dispose([x, ...outs]);
    }
  }

  /** Every tensor's values written into the claimed set's arrays (heap copies first, then the rest awaited together). */
  private async readInto(
    outs: readonly tfc.Tensor[],
    array: (slot: number, length: number) => Float32Array,
  ): Promise<Float32Array[]> {
    const targets = outs.map((t, i) => array(i, t.size));
    const slow: Promise<void>[] = [];
    outs.forEach((t, i) => {
      const target = targets[i]!;
      if (!copyFromWasmHeap(this.tf, t, target)) slow.push(float32Data(t).then((d) => target.set(d)));
    });
    if (slow.length) await Promise.all(slow);
    return targets;
  }

  /** The bare `model.predict` of one image and the download of its output. */
  async predict(input: Float32Array): Promise<Float32Array> {
    const model = this.live();
    const x = this.inputTensor(input);
    let y: tfc.Tensor | undefined;
    try {
      y = model.predict(x) as tfc.Tensor;
      return await float32Data(y);
    } finally {
      this.tf.dispose(y ? [x, y] : [x]);
    }
  }

  /** Layers Grad-CAM can be taken at (conv-like, spatial output, feeding the logits), last first; empty for non-classifiers. */
  gradCamLayers(): string[] {
    return [...this.camLayers];
  }

  /**
   * Grad-CAM (Selvaraju et al., ICCV 2017) of class `classIndex` at `layer`: α_k = mean over
   * positions of ∂y_c/∂A^k with y_c the pre-softmax logit, map = ReLU(Σ_k α_k A^k) at the layer's
   * resolution (see `gradCam.ts`).
   * @throws Error for a model without class scores, an unknown class, or a layer without a spatial output.
   */
  async gradCam(input: Float32Array, classIndex: number, layer: string): Promise<GradCamResult> {
    const model = this.live();
    if (!this.graph.layers.some((l) => l.name === SCORE_LAYER))
      throw new Error(
        `${this.graph.name} is not a classifier (it has no class scores), so it has no Grad-CAM.`,
      );
    if (!this.camLayers.includes(layer)) {
      const known = this.graph.layers.find((l) => l.name === layer);
      throw new Error(
        known
          ? `Layer '${layer}' has no spatial output (shape [${known.outputShape.join(', ')}]): Grad-CAM needs feature maps${this.camLayers.length ? `: try '${this.camLayers[0]}'` : ', and this model has none'}.`
          : `${this.graph.name} has no layer called '${layer}'.`,
      );
    }
    const x = this.inputTensor(input);
    let t: ReturnType<typeof gradCamTensors> | undefined;
    try {
      t = gradCamTensors(this.tf, model, x, layer, classIndex);
      const [map, channelWeights, score] = await Promise.all([
        float32Data(t.map),
        float32Data(t.channelWeights),
        float32Data(t.score),
      ]);
      const [rows, columns] = t.map.shape as [number, number];
      return { layer, classIndex, rows, columns, map, channelWeights, score: score[0]! };
    } finally {
      this.tf.dispose(t ? [x, t.map, t.channelWeights, t.score] : [x]);
    }
  }

  /**
   * The layer's kernel and bias as plain arrays (tfjs layouts: conv2d [kh,kw,in,out], depthwise
   * [kh,kw,in,mult], conv2dTranspose [kh,kw,out,in], dense [in,out]), or nulls for a layer without
   * weights. Read once (a synchronous download) and cached.
   */
  layerWeights(name: string): LayerWeights {
    const model = this.live();
    const cached = this.weightCache.get(name);
    if (cached) return cached;
    const layer = model.layers.find((l) => l.name === name);
    if (!layer) throw new Error(`${model.name} has no layer called '${name}'.`);
    const find = (suffix: string): Weight | undefined =>
      layer.weights.find((w) => w.originalName.split('/').pop()!.endsWith(suffix));
    const kernel = find('kernel');
    const bias = find('bias');
    const read = (w: Weight | undefined) => (w ? Float32Array.from(w.read().dataSync()) : null);
    const result: LayerWeights = {
      kernel: read(kernel),
      kernelShape: kernel ? kernel.read().shape : [],
      bias: read(bias),
    };
    this.weightCache.set(name, result);
    return result;
  }

  /** Frees the model (its weights) and everything cached. Later calls throw; a second dispose does nothing. */
  dispose(): void {
    if (!this.model) return;
    const model = this.model;
    this.model = null;
    this.weightCache.clear();
    model.dispose();
  }
}

/**
 * What the layer table of `cnn-architecture` (step 2) derives from a model's graph and analysis:
 * the default layer, the input box the centre unit of a layer sees (`receptiveBox`), how the
 * layer's receptive field follows from its input's (the recurrence of Araujo, Norris & Sim, Distill
 * 2019: r = r′ + (k − 1)·d·j′, j = j′·s), and the points of the receptive-field-by-depth chart.
 * Plain data only.
 */
import { receptiveBox } from '../../core/models/analyseGraph';
import type { LayerAnalysis, ModelGraph } from '../../core/models/zooTypes';
import { centreUnit } from './featureMapsLayout';

/** The layer shown when the URL names none (or one the model lacks): the last layer with a spatial field. */
export function defaultLayerName(analysis: readonly LayerAnalysis[]): string {
  let name = analysis[0]?.name ?? '';
  for (const a of analysis) if (a.receptiveField) name = a.name;
  return name;
}

/** Index of the layer `name` in `analysis`, or of the default layer when there is none of that name. */
export function layerIndex(analysis: readonly LayerAnalysis[], name: string): number {
  const i = analysis.findIndex((a) => a.name === name);
  return i >= 0 ? i : analysis.findIndex((a) => a.name === defaultLayerName(analysis));
}

/** The input box the centre unit of `a` sees, and whether it extends past a size × size input; undefined for vector layers. */
export function centreBox(
  a: LayerAnalysis,
  size: number,
):
  | {
      row: number;
      column: number;
      row0: number;
      column0: number;
      rows: number;
      columns: number;
      pastEdge: boolean;
    }
  | undefined {
  if (!a.receptiveField || a.outputShape.length !== 3) return undefined;
  const { row, column } = centreUnit(a);
  const box = receptiveBox(a, row, column);
  if (!box) return undefined;
  const pastEdge =
    box.row0 < 0 || box.column0 < 0 || box.row0 + box.rows > size || box.column0 + box.columns > size;
  return { row, column, ...box, pastEdge };
}

/** How a layer's receptive field follows from its inputs'. */
export type FieldStep =
  | { kind: 'input' }
  | { kind: 'vector' }
  | {
      kind: 'kernel';
      previous: string;
      rPrev: number;
      jPrev: number;
      k: number;
      s: number;
      r: number;
      j: number;
    }
  | { kind: 'transpose' }
  | { kind: 'union' }
  | { kind: 'same' };

/**
 * The receptive-field step of layer `index` (rows axis): for a convolution or pooling, the
 * recurrence's numbers (k is the dilated kernel's span, (k − 1)·d + 1); otherwise which rule applies.
 */
export function fieldStep(graph: ModelGraph, analysis: readonly LayerAnalysis[], index: number): FieldStep {
  const layer = graph.layers[index];
  const a = analysis[index];
  if (!layer || !a) return { kind: 'vector' };
  if (layer.kind === 'input') return { kind: 'input' };
  if (!a.receptiveField) return { kind: 'vector' };
  if (layer.kind === 'conv2dTranspose') return { kind: 'transpose' };
  if (layer.inputs.length > 1) return { kind: 'union' };
  const prev = analysis.find((p) => p.name === layer.inputs[0]);
  if (layer.kernel && layer.strides && prev?.receptiveField) {
    const d = layer.dilation?.[0] ?? 1;
    return {
      kind: 'kernel',
      previous: prev.name,
      rPrev: prev.receptiveField.size[0],
      jPrev: prev.receptiveField.jump[0],
      k: (layer.kernel[0] - 1) * d + 1,
      s: layer.strides[0],
      r: a.receptiveField.size[0],
      j: a.receptiveField.jump[0],
    };
  }
  return { kind: 'same' };
}

/** One point of the receptive-field-by-depth chart. */
export interface DepthPoint {
  /** Position among the layers with a spatial field (0 = the input). */
  depth: number;
  name: string;
  /** Index in the graph. */
  index: number;
  /** Receptive-field size (rows axis) in input pixels. */
  size: number;
}

/** The layers with a spatial receptive field, in graph order, with their field size. */
export function depthPoints(analysis: readonly LayerAnalysis[]): DepthPoint[] {
  const out: DepthPoint[] = [];
  analysis.forEach((a, index) => {
    if (a.receptiveField && a.outputShape.length === 3)
      out.push({ depth: out.length, name: a.name, index, size: a.receptiveField.size[0] });
  });
  return out;
}

/**
 * Pure helpers of the feature-map overview (step 3 of `cnn-architecture`): which layers draw as
 * maps and which as vectors, one colour scale per layer, a channel pulled out of an HWC array,
 * which thumbnails to show, and the selected unit kept inside its layer. No React, no tensors.
 */
import type { ValueScale } from '../../core/viz/valuesToRgba';
import type { GraphLayer, LayerOutput, ModelGraph, UnitRef } from '../../core/models/zooTypes';

/** How many channel thumbnails a layer shows before "show all". */
export const THUMBNAIL_CAP = 8;

/** A layer's output drawn as maps (h × w × c) or as one vector strip. */
export type LayerLayout =
  { kind: 'maps'; rows: number; columns: number; channels: number } | { kind: 'vector'; length: number };

/** Maps for a 3-D output [h, w, c], a vector strip for anything else ([n]). */
export function layerLayout(shape: readonly number[]): LayerLayout {
  if (shape.length === 3) return { kind: 'maps', rows: shape[0]!, columns: shape[1]!, channels: shape[2]! };
  return { kind: 'vector', length: shape.reduce((a, b) => a * b, 1) };
}

/** One colour scale for all of a layer's channels, and the values it was made from. */
export interface LayerScale {
  scale: ValueScale;
  /** [lo, hi] of the colours. */
  range: [number, number];
  /** Smallest and largest value over every channel. */
  min: number;
  max: number;
}

/**
 * The colour scale of a layer, over all of its channels together (so channels are comparable):
 * viridis over [min, max] when no value is negative (a ReLU output, an input in 0…1), else the
 * diverging blue–orange map over ±max|v| (zero always the same light grey).
 */
export function layerScale(values: ArrayLike<number>): LayerScale {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(min <= max)) return { scale: 'viridis', range: [0, 1], min: 0, max: 0 };
  if (min >= 0) return { scale: 'viridis', range: [min, max > min ? max : min + 1], min, max };
  const m = Math.max(-min, max);
  return { scale: 'diverging', range: [-m, m], min, max };
}

/**
 * Channel `channel` of an HWC row-major array (h · w values, row-major), written into `out` when it
 * is given and long enough.
 */
export function channelValues(
  values: ArrayLike<number>,
  rows: number,
  columns: number,
  channels: number,
  channel: number,
  out?: Float32Array,
): Float32Array {
  const n = rows * columns;
  const dst = out && out.length >= n ? out.subarray(0, n) : new Float32Array(n);
  for (let i = 0, j = channel; i < n; i++, j += channels) dst[i] = values[j]!;
  return dst;
}

/** The flat index of a unit in its layer's output (HWC row-major; vectors: the channel is the index). */
export function unitIndex(
  shape: readonly number[],
  unit: Pick<UnitRef, 'row' | 'column' | 'channel'>,
): number {
  if (shape.length === 3) return (unit.row * shape[1]! + unit.column) * shape[2]! + unit.channel;
  return unit.channel;
}

const clamp = (v: number, lo: number, hi: number): number =>
  Math.min(hi, Math.max(lo, Number.isFinite(v) ? Math.round(v) : lo));

/** The unit moved inside the layer's shape (vectors: row = column = 0, the index in `channel`). */
export function clampUnit(shape: readonly number[], unit: UnitRef): UnitRef {
  const l = layerLayout(shape);
  if (l.kind === 'vector')
    return { layer: unit.layer, row: 0, column: 0, channel: clamp(unit.channel, 0, l.length - 1) };
  return {
    layer: unit.layer,
    row: clamp(unit.row, 0, l.rows - 1),
    column: clamp(unit.column, 0, l.columns - 1),
    channel: clamp(unit.channel, 0, l.channels - 1),
  };
}

/** The centre unit of channel `channel` of a layer (vectors: index `channel`). */
export function centreUnit(layer: Pick<GraphLayer, 'name' | 'outputShape'>, channel = 0): UnitRef {
  const l = layerLayout(layer.outputShape);
  if (l.kind === 'vector')
    return clampUnit(layer.outputShape, { layer: layer.name, row: 0, column: 0, channel });
  return clampUnit(layer.outputShape, {
    layer: layer.name,
    row: Math.floor(l.rows / 2),
    column: Math.floor(l.columns / 2),
    channel,
  });
}

/**
 * The unit of `to` at the same relative position as `from` (a click on another layer's channel
 * keeps looking at the same part of the image), in `channel`.
 */
export function carryUnit(
  from: UnitRef | undefined,
  fromShape: readonly number[] | undefined,
  to: GraphLayer,
  channel: number,
): UnitRef {
  const a = fromShape ? layerLayout(fromShape) : undefined;
  const b = layerLayout(to.outputShape);
  if (!from || a?.kind !== 'maps' || b.kind !== 'maps') return centreUnit(to, channel);
  const row = Math.floor(((from.row + 0.5) / a.rows) * b.rows);
  const column = Math.floor(((from.column + 0.5) / a.columns) * b.columns);
  return clampUnit(to.outputShape, { layer: to.name, row, column, channel });
}

/** The unit one step away (arrow keys): rows/columns on maps, the index on vectors (either axis). */
export function moveUnit(shape: readonly number[], unit: UnitRef, dRow: number, dColumn: number): UnitRef {
  const l = layerLayout(shape);
  if (l.kind === 'vector') return clampUnit(shape, { ...unit, channel: unit.channel + dColumn + dRow });
  return clampUnit(shape, { ...unit, row: unit.row + dRow, column: unit.column + dColumn });
}

/** The layer shown by default: the first convolution, else the first layer after the input. */
export function defaultLayer(graph: ModelGraph): GraphLayer {
  return (
    graph.layers.find((l) => l.kind === 'conv2d' || l.kind === 'depthwiseConv2d') ??
    graph.layers[1] ??
    graph.layers[0]!
  );
}

/**
 * The channels whose thumbnails a layer shows: all of them, or the first `cap` (plus the selected
 * channel when it lies beyond them).
 */
export function visibleChannels(
  count: number,
  showAll: boolean,
  selected?: number,
  cap = THUMBNAIL_CAP,
): number[] {
  const n = showAll ? count : Math.min(count, cap);
  const out = Array.from({ length: n }, (_, i) => i);
  if (selected !== undefined && selected >= n && selected < count) out.push(selected);
  return out;
}

/** The outputs of a forward pass by layer name, when they belong to `graph` (same names, same order). */
export function outputsFor(
  graph: ModelGraph,
  outputs: readonly LayerOutput[] | undefined,
): readonly LayerOutput[] | undefined {
  if (!outputs || outputs.length !== graph.layers.length) return undefined;
  return graph.layers.every((l, i) => outputs[i]!.name === l.name) ? outputs : undefined;
}

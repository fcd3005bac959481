/**
 * What a model's definition says about each layer, computed from the {@link ModelGraph} alone
 * (never from tfjs): output shape, trainable parameters, floating-point operations and receptive
 * field, for the `cnn-architecture` lesson and the `#/zoo` page.
 *
 * Output sizes per spatial axis (input n, kernel k, stride s, dilation d; TensorFlow's rules):
 * convolution and pooling ⌊(n + p_before + p_after − d(k − 1) − 1)/s⌋ + 1 with 'valid' p = 0 and
 * 'same' out = ⌈n/s⌉; transposed convolution 'valid' n·s + max(k − s, 0), 'same' n·s.
 *
 * Parameters: conv k_h·k_w·C_in·C_out + C_out; depthwise k_h·k_w·C_in·M + C_in·M; transposed conv
 * k_h·k_w·C_out·C_in + C_out; dense in·out + out (the bias term only with `useBias`).
 *
 * FLOPs of one forward pass (batch 1), a multiply-add counting 2:
 * - conv2d: every output unit 2·k_h·k_w·C_in (taps in the padding included, as the hardware does
 *   them), depthwise 2·k_h·k_w, dense 2·in;
 * - conv2dTranspose: 2·H_in·W_in·C_in·k_h·k_w·C_out (every input value times every tap and output
 *   channel, the scatter, including what 'same' crops away);
 * - plus, per output unit, 1 for the bias add and the activation's cost: 0 linear, 1 relu, sigmoid
 *   or tanh (one evaluation), 3 softmax (exp, add to the sum, divide);
 * - max pooling k_h·k_w − 1 comparisons per output unit; average pooling k_h·k_w (k_h·k_w − 1 adds,
 *   1 divide); global average pooling H·W per channel; add (inputs − 1) per unit; an activation
 *   layer its activation's cost per unit; input, flatten and concatenate 0 (they move data only).
 *
 * Receptive field per axis (Araujo, Norris & Sim, "Computing receptive fields of convolutional
 * neural networks", Distill 2019), as size r, jump j (input pixels between neighbouring units) and
 * start (the first input pixel seen by unit 0, negative in the padding): unit u sees input pixels
 * start + u·j … start + u·j + r − 1. Through a layer with kernel k, stride s, dilation d and
 * before-padding p (TensorFlow's 'same': p = ⌊total/2⌋):
 *
 *   r_out = r_in + (k − 1)·d·j_in,   j_out = j_in·s,   start_out = start_in − p·j_in
 *
 * (Araujo's centre form, centre_out = centre_in + ((k − 1)/2·d − p)·j_in, is the same field).
 */
import { convOutputShape, samePadding } from '../tensor/reference/convGeometry';
import { transposeOutputSize } from '../tensor/reference/conv2dTransposeRef';
import type { GraphLayer, LayerActivation, LayerAnalysis, ModelGraph } from './zooTypes';

interface Axis {
  size: number;
  jump: number;
  start: number;
}
type Field = readonly [Axis, Axis] | undefined;

/** Operations per unit of an activation function (see the module comment). */
export function activationFlops(a: LayerActivation | undefined): number {
  if (a === undefined || a === 'linear') return 0;
  return a === 'softmax' ? 3 : 1;
}

const product = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

function need<T>(v: T | undefined, layer: GraphLayer, what: string): T {
  if (v === undefined) throw new Error(`Layer '${layer.name}' (${layer.kind}) has no ${what}.`);
  return v;
}

/** Field through a kernel k, stride s, dilation d, before-padding p (the Distill recurrence). */
function throughKernel(f: Axis, k: number, s: number, d: number, p: number): Axis {
  return { size: f.size + (k - 1) * d * f.jump, jump: f.jump * s, start: f.start - p * f.jump };
}

/**
 * Field through a transposed convolution. Output q receives input o through tap t when
 * q = o·s − p + t (t = 0…k − 1), so the inputs reaching q are the whole numbers in
 * [(q + p − k + 1)/s, (q + p)/s]; their fields lie in start_in + (q + p − k + 1)·j_in/s …
 * start_in + (q + p)·j_in/s + r_in − 1, i.e.
 *
 *   r_out = r_in + (k − 1)·j_in/s,   j_out = j_in/s,   start_out = start_in + (p − k + 1)·j_in/s.
 *
 * The jump may be fractional. The box is the tightest one affine in q; because only whole input
 * positions count, a unit's real field can be up to (s − 1)·j_in/s pixels narrower on either side.
 */
function throughTranspose(f: Axis, k: number, s: number, p: number): Axis {
  return {
    size: f.size + ((k - 1) * f.jump) / s,
    jump: f.jump / s,
    start: f.start + ((p - k + 1) * f.jump) / s,
  };
}

/**
 * The union of several inputs' fields over `n` output positions, as one affine field: jump = the
 * largest input jump, start and end the lowest and highest edges over all inputs at u = 0 and
 * u = n − 1 (exact when the jumps agree, as for the zoo's skips; a bound otherwise).
 */
function union(fields: readonly Axis[], n: number): Axis {
  const jump = Math.max(...fields.map((f) => f.jump));
  const last = Math.max(n - 1, 0);
  let lo = Infinity;
  let hi = -Infinity;
  for (const f of fields)
    for (const u of [0, last]) {
      lo = Math.min(lo, f.start + u * (f.jump - jump));
      hi = Math.max(hi, f.start + f.size - 1 + u * (f.jump - jump));
    }
  return { size: hi - lo + 1, jump, start: lo };
}

interface Computed {
  shape: number[];
  params: number;
  flops: number;
  field: Field;
}

/** Shape, params, FLOPs and field of one layer given its inputs'. */
function analyseLayer(
  layer: GraphLayer,
  ins: readonly { shape: readonly number[]; field: Field }[],
): Computed {
  const first = ins[0];
  const bias = layer.useBias === false ? 0 : 1;
  const act = activationFlops(layer.activation);
  switch (layer.kind) {
    case 'input': {
      const shape = [...layer.outputShape];
      const field: Field = shape.length === 3 ? [axis0(), axis0()] : undefined;
      return { shape, params: 0, flops: 0, field };
    }
    case 'conv2d':
    case 'depthwiseConv2d':
    case 'maxPool':
    case 'avgPool': {
      const [H, W, C] = mapShape(layer, first);
      const [kh, kw] = need(layer.kernel, layer, 'kernel');
      const [sy, sx] = need(layer.strides, layer, 'strides');
      const [dy, dx] = layer.dilation ?? [1, 1];
      const padding = layer.padding ?? 'valid';
      const out = convOutputShape(H, W, kh, kw, { stride: [sy, sx], dilation: [dy, dx], padding });
      const pool = layer.kind === 'maxPool' || layer.kind === 'avgPool';
      const depthwise = layer.kind === 'depthwiseConv2d';
      const F = pool
        ? C
        : depthwise
          ? C * (layer.depthMultiplier ?? 1)
          : need(layer.filters, layer, 'filters');
      const units = out.height * out.width * F;
      const taps = kh * kw;
      const params = pool ? 0 : depthwise ? taps * F + bias * F : taps * C * F + bias * F;
      const perUnit =
        layer.kind === 'maxPool'
          ? taps - 1
          : layer.kind === 'avgPool'
            ? taps
            : 2 * taps * (depthwise ? 1 : C) + bias + act;
      const field: Field = first?.field && [
        throughKernel(first.field[0], kh, sy, dy, out.padding.top),
        throughKernel(first.field[1], kw, sx, dx, out.padding.left),
      ];
      return { shape: [out.height, out.width, F], params, flops: units * perUnit, field };
    }
    case 'conv2dTranspose': {
      const [H, W, C] = mapShape(layer, first);
      const [kh, kw] = need(layer.kernel, layer, 'kernel');
      const [sy, sx] = need(layer.strides, layer, 'strides');
      const padding = layer.padding ?? 'valid';
      const F = need(layer.filters, layer, 'filters');
      const oh = transposeOutputSize(H, kh, sy, padding);
      const ow = transposeOutputSize(W, kw, sx, padding);
      const top = padding === 'same' ? samePadding(oh, kh, sy, 1)[0] : 0;
      const left = padding === 'same' ? samePadding(ow, kw, sx, 1)[0] : 0;
      const field: Field = first?.field && [
        throughTranspose(first.field[0], kh, sy, top),
        throughTranspose(first.field[1], kw, sx, left),
      ];
      const flops = 2 * H * W * C * kh * kw * F + oh * ow * F * (bias + act);
      return { shape: [oh, ow, F], params: kh * kw * F * C + bias * F, flops, field };
    }
    case 'dense': {
      const n = product(need(first, layer, 'input').shape);
      const F = need(layer.filters, layer, 'units');
      return { shape: [F], params: n * F + bias * F, flops: F * (2 * n + bias + act), field: undefined };
    }
    case 'globalAvgPool': {
      const [H, W, C] = mapShape(layer, first);
      return { shape: [C], params: 0, flops: C * H * W, field: undefined };
    }
    case 'flatten':
      return { shape: [product(need(first, layer, 'input').shape)], params: 0, flops: 0, field: undefined };
    case 'activation': {
      const shape = [...need(first, layer, 'input').shape];
      return { shape, params: 0, flops: product(shape) * act, field: first?.field };
    }
    case 'add':
    case 'concatenate': {
      if (ins.length < 2) throw new Error(`Layer '${layer.name}' (${layer.kind}) needs at least two inputs.`);
      const shape = [...ins[0]!.shape];
      if (layer.kind === 'concatenate')
        shape[shape.length - 1] = ins.reduce((s, i) => s + (i.shape.at(-1) ?? 0), 0);
      const fields = ins.map((i) => i.field);
      const field: Field =
        shape.length === 3 && fields.every((f): f is readonly [Axis, Axis] => f !== undefined)
          ? [
              union(
                fields.map((f) => f[0]),
                shape[0]!,
              ),
              union(
                fields.map((f) => f[1]),
                shape[1]!,
              ),
            ]
          : undefined;
      const flops = layer.kind === 'add' ? product(shape) * (ins.length - 1) : 0;
      return { shape, params: 0, flops, field };
    }
  }
}

function axis0(): Axis {
  return { size: 1, jump: 1, start: 0 };
}

function mapShape(
  layer: GraphLayer,
  input: { shape: readonly number[] } | undefined,
): [number, number, number] {
  const s = need(input, layer, 'input').shape;
  if (s.length !== 3)
    throw new Error(
      `Layer '${layer.name}' (${layer.kind}) needs a height × width × channels input, got [${s.join(', ')}].`,
    );
  return [s[0]!, s[1]!, s[2]!];
}

/**
 * Shape, parameters, FLOPs and receptive field of every layer of `graph`, in the same order,
 * computed from the definition alone (see the module comment for every formula and what is counted).
 * @throws Error when a layer names an input that comes later or does not exist, or lacks a setting
 *   its kind needs; RangeError for impossible geometry (a kernel larger than its padded input).
 */
export function analyseGraph(graph: ModelGraph): LayerAnalysis[] {
  const done = new Map<string, { shape: readonly number[]; field: Field }>();
  return graph.layers.map((layer) => {
    const ins = layer.inputs.map((name) => {
      const i = done.get(name);
      if (!i)
        throw new Error(`Layer '${layer.name}' reads '${name}', which is not an earlier layer of the graph.`);
      return i;
    });
    const c = analyseLayer(layer, ins);
    done.set(layer.name, { shape: c.shape, field: c.field });
    const a: LayerAnalysis = {
      name: layer.name,
      kind: layer.kind,
      outputShape: c.shape,
      params: c.params,
      flops: c.flops,
    };
    if (c.field)
      a.receptiveField = {
        size: [c.field[0].size, c.field[1].size],
        jump: [c.field[0].jump, c.field[1].jump],
        start: [c.field[0].start, c.field[1].start],
      };
    return a;
  });
}

/** Total trainable parameters and FLOPs of a model: the sums over its layers. */
export function graphTotals(a: readonly LayerAnalysis[]): { params: number; flops: number } {
  return a.reduce((t, l) => ({ params: t.params + l.params, flops: t.flops + l.flops }), {
    params: 0,
    flops: 0,
  });
}

/** Tolerance for whole numbers reached through fractional jumps (multiples of 1/s). */
const EPS = 1e-9;

/**
 * The box of input pixels that the unit at (row, column) of a map layer sees:
 * rows ⌈start_r + row·j_r⌉ … ⌊start_r + row·j_r + r_r − 1⌋ and likewise for columns (exact for
 * whole-number fields; the rounding keeps the box to whole pixels after a transposed convolution).
 * It may extend past the image (the padding). Undefined for vector layers (their field is the
 * whole input).
 * @throws RangeError when (row, column) is outside the layer's output.
 */
export function receptiveBox(
  a: LayerAnalysis,
  row: number,
  column: number,
): { row0: number; column0: number; rows: number; columns: number } | undefined {
  const f = a.receptiveField;
  if (!f) return undefined;
  const [H, W] = a.outputShape;
  if (
    !Number.isInteger(row) ||
    row < 0 ||
    row >= H! ||
    !Number.isInteger(column) ||
    column < 0 ||
    column >= W!
  )
    throw new RangeError(`Unit (${row}, ${column}) is outside layer '${a.name}', whose maps are ${H}×${W}.`);
  const span = (k: 0 | 1, u: number) => {
    const lo = f.start[k] + u * f.jump[k];
    const first = Math.ceil(lo - EPS);
    return [first, Math.floor(lo + f.size[k] - 1 + EPS) - first + 1] as const;
  };
  const [row0, rows] = span(0, row);
  const [column0, columns] = span(1, column);
  return { row0, column0, rows, columns };
}

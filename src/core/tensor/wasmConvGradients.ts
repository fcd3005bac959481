/**
 * Fast convolution-gradient kernels for the tfjs wasm backend.
 *
 * tfjs-backend-wasm 4.22 registers no `Conv2DBackpropFilter`, no depthwise gradients, and its
 * `Conv2DBackpropInput` is a scalar loop, so a CNN cannot train on wasm at a useful speed. Every
 * kernel here is rewritten as one call of wasm's fast (XNNPACK) forward convolution plus cheap
 * data movement (transpose, reverse, pad, slice), using these identities for NHWC tensors, with
 * stride s, dilation d, kernel size k and top/left padding p (per axis):
 *
 *   y[b,o,co]   = Σ_{t,ci} x[b, o·s + t·d − p, ci] · W[t,ci,co]                     (forward)
 *   dW[t,ci,co] = Σ_{b,o}  xᵀ[ci, t·d + o·s − p, b] · dyᵀ[o, b, co]
 *               = conv(xᵀ, dyᵀ; stride d, dilation s, pad p)                             (filter gradient)
 *   dx[b,i,ci]  = Σ_{t,co} dŷ[b, i + p − t·d, co] · W[t,ci,co],   dŷ = dy with s−1 zeros between rows
 *               = conv(dŷ, rot180(W) with ci↔co; stride 1, dilation d, pad d(k−1) − p)  (input gradient)
 *
 * where xᵀ is x with its batch and channel axes swapped (the batch becomes the channels) and dyᵀ is dy
 * laid out as a filter. Depthwise convolution uses the same identities channel by channel, with
 * the batch folded into the channels. Each kernel is property-tested against the cpu backend.
 */
import {
  backend_util,
  getKernel,
  registerKernel,
  unregisterKernel,
  type KernelBackend,
  type KernelConfig,
  type KernelFunc,
  type NamedAttrMap,
  type NamedTensorInfoMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';

type Pair = [number, number];
type Pad = backend_util.Conv2DInfo['padInfo'];

/** Runs wasm kernels by name and frees every intermediate it made when `done` is called. */
class KernelScope {
  private readonly owned: TensorInfo[] = [];
  constructor(private readonly backend: KernelBackend) {}

  run(name: string, inputs: NamedTensorInfoMap, attrs: NamedAttrMap = {}): TensorInfo {
    const kernel = getKernel(name, 'wasm');
    if (!kernel) throw new Error(`wasm kernel ${name} is not registered`);
    const out = kernel.kernelFunc({ inputs, attrs, backend: this.backend }) as TensorInfo;
    this.owned.push(out);
    return out;
  }

  transpose(x: TensorInfo, perm: number[]): TensorInfo {
    return this.run('Transpose', { x }, { perm });
  }

  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run('Reshape', { x }, { shape });
  }

  slice(x: TensorInfo, begin: number[], size: number[]): TensorInfo {
    if (size.every((n, i) => n === x.shape[i])) return x;
    return this.run('Slice', { x }, { begin, size });
  }

  /**
   * Keeps one reference to `result` and releases every other reference this scope made. Views
   * (reshapes) share a buffer with their source and hold a reference count each, so releasing the
   * source leaves the buffer to the view.
   */
  done(result: TensorInfo): TensorInfo {
    for (const t of this.owned) if (t !== result) this.backend.disposeData(t.dataId);
    if (!this.owned.includes(result)) {
      // `result` is one of the kernel's inputs (a no-op slice): the caller needs its own reference.
      (this.backend as KernelBackend & { incRef(id: object): void }).incRef(result.dataId);
    }
    return result;
  }

  /**
   * A convolution (depthwise or not) with signed explicit padding: a negative pad crops the input
   * instead, which the identities above need when the forward padding exceeds the kernel's reach.
   */
  conv(
    depthwise: boolean,
    x: TensorInfo,
    filter: TensorInfo,
    strides: Pair,
    dilations: Pair,
    pad: { top: number; bottom: number; left: number; right: number },
  ): TensorInfo {
    const [b, h, w, c] = x.shape as [number, number, number, number];
    const cropTop = Math.max(0, -pad.top);
    const cropLeft = Math.max(0, -pad.left);
    const cropBottom = Math.max(0, -pad.bottom);
    const cropRight = Math.max(0, -pad.right);
    const input = this.slice(
      x,
      [0, cropTop, cropLeft, 0],
      [b, h - cropTop - cropBottom, w - cropLeft - cropRight, c],
    );
    const explicit: backend_util.ExplicitPadding = [
      [0, 0],
      [Math.max(0, pad.top), Math.max(0, pad.bottom)],
      [Math.max(0, pad.left), Math.max(0, pad.right)],
      [0, 0],
    ];
    const attrs = {
      strides,
      dilations,
      pad: explicit,
      dataFormat: 'NHWC',
      dimRoundingMode: undefined,
    } as unknown as NamedAttrMap;
    return this.run(depthwise ? 'DepthwiseConv2dNative' : 'Conv2D', { x: input, filter }, attrs);
  }

  /** dy with s−1 zero rows/columns inserted between its rows/columns (the "fractional stride"). */
  dilateSpatial(dy: TensorInfo, [sh, sw]: Pair): TensorInfo {
    if (sh === 1 && sw === 1) return dy;
    const [b, oh, ow, c] = dy.shape as [number, number, number, number];
    const six = this.reshape(dy, [b, oh, 1, ow, 1, c]);
    const padded = this.run(
      'PadV2',
      { x: six },
      {
        paddings: [
          [0, 0],
          [0, 0],
          [0, sh - 1],
          [0, 0],
          [0, sw - 1],
          [0, 0],
        ],
        constantValue: 0,
      },
    );
    const flat = this.reshape(padded, [b, oh * sh, ow * sw, c]);
    return this.slice(flat, [0, 0, 0, 0], [b, (oh - 1) * sh + 1, (ow - 1) * sw + 1, c]);
  }
}

interface Geometry {
  strides: Pair;
  dilations: Pair;
  kernel: Pair;
  input: Pair;
  output: Pair;
  pad: Pad;
}

function geometry(info: backend_util.Conv2DInfo): Geometry {
  return {
    strides: [info.strideHeight, info.strideWidth],
    dilations: [info.dilationHeight, info.dilationWidth],
    kernel: [info.filterHeight, info.filterWidth],
    input: [info.inHeight, info.inWidth],
    output: [info.outHeight, info.outWidth],
    pad: info.padInfo,
  };
}

/**
 * Padding of the filter-gradient convolution: the forward padding in front, and behind it just
 * enough for the last kernel tap's reach (the result is then cropped to the kernel size).
 */
function filterGradPad(g: Geometry): { top: number; bottom: number; left: number; right: number } {
  const reach = (axis: 0 | 1, start: number) =>
    Math.max(
      0,
      (g.kernel[axis] - 1) * g.dilations[axis] +
        (g.output[axis] - 1) * g.strides[axis] -
        start -
        (g.input[axis] - 1),
    );
  return { top: g.pad.top, bottom: reach(0, g.pad.top), left: g.pad.left, right: reach(1, g.pad.left) };
}

/** Padding of the input-gradient convolution over the zero-dilated dy. */
function inputGradPad(g: Geometry): { top: number; bottom: number; left: number; right: number } {
  const lead = (axis: 0 | 1, p: number) => (g.kernel[axis] - 1) * g.dilations[axis] - p;
  const trail = (axis: 0 | 1, p: number) => g.input[axis] - 1 + p - (g.output[axis] - 1) * g.strides[axis];
  return {
    top: lead(0, g.pad.top),
    bottom: trail(0, g.pad.top),
    left: lead(1, g.pad.left),
    right: trail(1, g.pad.left),
  };
}

function pairOf(v: number | number[] | undefined): Pair {
  if (v == null) return [1, 1];
  return typeof v === 'number' ? [v, v] : [v[0] ?? 1, v[1] ?? v[0] ?? 1];
}

interface ConvAttrs {
  strides: number | [number, number];
  dilations?: number | [number, number];
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  dataFormat?: 'NHWC' | 'NCHW';
}

/** The forward convolution's geometry for a gradient kernel's attributes. */
function convGeometry(
  xShape: [number, number, number, number],
  filterShape: [number, number, number, number],
  a: ConvAttrs,
  depthwise: boolean,
): Geometry {
  return geometry(
    backend_util.computeConv2DInfo(
      xShape,
      filterShape,
      a.strides,
      pairOf(a.dilations),
      a.pad,
      a.dimRoundingMode,
      depthwise,
    ),
  );
}

function assertNhwc(attrs: ConvAttrs, name: string): void {
  if (attrs.dataFormat === 'NCHW') throw new Error(`${name} on wasm supports NHWC only`);
}

/** dW for a regular convolution: [kh, kw, ci, co]. */
const conv2DBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const a = attrs as unknown as ConvAttrs & { filterShape: [number, number, number, number] };
  assertNhwc(a, 'Conv2DBackpropFilter');
  const g = convGeometry(x.shape as [number, number, number, number], a.filterShape, a, false);
  const [kh, kw, ci, co] = a.filterShape;
  const s = new KernelScope(backend as KernelBackend);
  const xT = s.transpose(x, [3, 1, 2, 0]); // [ci, H, W, b]
  const dyT = s.transpose(dy, [1, 2, 0, 3]); // [oh, ow, b, co]
  const raw = s.conv(false, xT, dyT, g.dilations, g.strides, filterGradPad(g)); // [ci, >=kh, >=kw, co]
  const cropped = s.slice(raw, [0, 0, 0, 0], [ci, kh, kw, co]);
  return s.done(s.transpose(cropped, [1, 2, 0, 3]));
};

/** dx for a regular convolution: [b, H, W, ci]. */
const conv2DBackpropInput: KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const a = attrs as unknown as ConvAttrs & { inputShape: [number, number, number, number] };
  assertNhwc(a, 'Conv2DBackpropInput');
  const g = convGeometry(a.inputShape, filter.shape as [number, number, number, number], a, false);
  const s = new KernelScope(backend as KernelBackend);
  const rotated = s.run('Reverse', { x: filter }, { dims: [0, 1] });
  const swapped = s.transpose(rotated, [0, 1, 3, 2]); // [kh, kw, co, ci]
  const dyD = s.dilateSpatial(dy, g.strides);
  return s.done(s.conv(false, dyD, swapped, [1, 1], g.dilations, inputGradPad(g)));
};

/** dW for a depthwise convolution: [kh, kw, c, m]. The batch is folded into the channels. */
const depthwiseBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const a = attrs as unknown as ConvAttrs & { filterShape: [number, number, number, number] };
  const [b, h, w, c] = x.shape as [number, number, number, number];
  const [kh, kw, , m] = a.filterShape;
  const g = convGeometry([b, h, w, c], a.filterShape, a, true);
  const [oh, ow] = g.output;
  const s = new KernelScope(backend as KernelBackend);
  const xFold = s.reshape(s.transpose(x, [1, 2, 0, 3]), [1, h, w, b * c]);
  const dy5 = s.reshape(dy, [b, oh, ow, c, m]);
  const perMultiplier: TensorInfo[] = [];
  for (let j = 0; j < m; j++) {
    const dyJ = m === 1 ? dy5 : s.slice(dy5, [0, 0, 0, 0, j], [b, oh, ow, c, 1]);
    const filter = s.reshape(s.transpose(s.reshape(dyJ, [b, oh, ow, c]), [1, 2, 0, 3]), [oh, ow, b * c, 1]);
    const raw = s.conv(true, xFold, filter, g.dilations, g.strides, filterGradPad(g));
    const cropped = s.slice(raw, [0, 0, 0, 0], [1, kh, kw, b * c]);
    const perBatch = s.reshape(cropped, [kh, kw, b, c]);
    perMultiplier.push(s.run('Sum', { x: perBatch }, { axis: [2], keepDims: false })); // [kh, kw, c]
  }
  const stacked =
    m === 1 ? perMultiplier[0]! : s.run('Pack', perMultiplier as unknown as NamedTensorInfoMap, { axis: 3 });
  return s.done(s.reshape(stacked, [kh, kw, c, m]));
};

/** dx for a depthwise convolution: [b, H, W, c]; one depthwise pass per channel multiplier. */
const depthwiseBackpropInput: KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const a = attrs as unknown as ConvAttrs & { inputShape: [number, number, number, number] };
  const [kh, kw, c, m] = filter.shape as [number, number, number, number];
  const g = convGeometry(a.inputShape, [kh, kw, c, m], a, true);
  const [b, oh, ow] = dy.shape as [number, number, number, number];
  const s = new KernelScope(backend as KernelBackend);
  const rotated = s.run('Reverse', { x: filter }, { dims: [0, 1] });
  const dy5 = s.reshape(dy, [b, oh, ow, c, m]);
  const parts: TensorInfo[] = [];
  for (let j = 0; j < m; j++) {
    const dyJ = m === 1 ? dy : s.reshape(s.slice(dy5, [0, 0, 0, 0, j], [b, oh, ow, c, 1]), [b, oh, ow, c]);
    const fJ = m === 1 ? rotated : s.slice(rotated, [0, 0, 0, j], [kh, kw, c, 1]);
    parts.push(s.conv(true, s.dilateSpatial(dyJ, g.strides), fJ, [1, 1], g.dilations, inputGradPad(g)));
  }
  return s.done(parts.length === 1 ? parts[0]! : s.run('AddN', parts as unknown as NamedTensorInfoMap));
};

/** The kernels this module provides, by tfjs kernel name. */
export const wasmConvGradientKernels: readonly KernelConfig[] = [
  { kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: conv2DBackpropFilter },
  { kernelName: 'Conv2DBackpropInput', backendName: 'wasm', kernelFunc: conv2DBackpropInput },
  {
    kernelName: 'DepthwiseConv2dNativeBackpropFilter',
    backendName: 'wasm',
    kernelFunc: depthwiseBackpropFilter,
  },
  {
    kernelName: 'DepthwiseConv2dNativeBackpropInput',
    backendName: 'wasm',
    kernelFunc: depthwiseBackpropInput,
  },
];

/**
 * Registers the kernels above for the wasm backend, replacing tfjs's slow `Conv2DBackpropInput`.
 * Idempotent; call after the wasm backend module is imported and before training.
 */
export function registerWasmConvGradients(): void {
  for (const config of wasmConvGradientKernels) {
    if (getKernel(config.kernelName, 'wasm')?.kernelFunc === config.kernelFunc) continue;
    if (getKernel(config.kernelName, 'wasm')) unregisterKernel(config.kernelName, 'wasm');
    registerKernel(config);
  }
}

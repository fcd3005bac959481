/**
 * Kernels for the tfjs wasm backend written in plain TypeScript over the wasm heap, for steps of
 * CNN training where tfjs-backend-wasm 4.22 is slow (profiled on TinyVGG, batch 32):
 *
 * - `MaxPoolGrad`: tfjs's wasm kernel revisits every window for every input pixel (19 ms of a
 *   120 ms training step; 7 ms here). Each pooling window is scanned once: the gradient dy of a
 *   window goes to the first maximum in row-major order (ties: first wins), exactly as the cpu
 *   backend does.
 * - `Sum` over leading axes (the bias gradient Σ_{b,y,x} dy[b,y,x,c], 2.5 ms for a 32×62×62×10
 *   tensor): computed as dyᵀ·1 with wasm's XNNPACK matrix product (1.5 ms, and it uses the thread
 *   pool). Other reductions go to tfjs's own kernel.
 * - `Identity`, and `Cast` to the same dtype (ReLU's gradient casts step(x) to float32): tfjs copies
 *   the whole buffer (3 copies of each large activation per step). Tensors are immutable, so the
 *   output can share the input's buffer with one more reference, as `Reshape` does here and as the
 *   cpu backend's `Identity` does.
 *
 * They read and write the backend's `Float32Array` heap views directly (no copies), and are
 * property-tested against the cpu backend.
 */
import {
  backend_util,
  getKernel,
  registerKernel,
  unregisterKernel,
  util,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';

/** The parts of tfjs's `BackendWasm` these kernels touch. */
interface WasmBackendLike {
  wasm: { HEAPF32: Float32Array };
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
}

/** A float32 view of a tensor's data on the wasm heap (re-read after any allocation: memory may grow). */
function heapView(backend: WasmBackendLike, t: TensorInfo): Float32Array {
  const entry = backend.dataIdMap.get(t.dataId);
  if (!entry) throw new Error('tensor is not on the wasm backend');
  const heap = backend.wasm.HEAPF32;
  return new Float32Array(heap.buffer, entry.memoryOffset, util.sizeFromShape(t.shape));
}

/** Gradient of max pooling (NHWC): routes each window's dy to the first maximum of that window. */
const maxPoolGrad: KernelFunc = ({ inputs, backend: b, attrs }) => {
  const backend = b as WasmBackendLike;
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const a = attrs as unknown as {
    filterSize: number | [number, number];
    strides: number | [number, number];
    pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
  };
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    a.filterSize,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
  );
  const dx = backend.makeOutput(input.shape, 'float32');
  const x = heapView(backend, input);
  const g = heapView(backend, dy);
  const out = heapView(backend, dx);
  out.fill(0);
  const { batchSize, inHeight, inWidth, inChannels: C, outHeight, outWidth } = info;
  const {
    strideHeight,
    strideWidth,
    dilationHeight,
    dilationWidth,
    effectiveFilterHeight,
    effectiveFilterWidth,
  } = info;
  const rowStride = inWidth * C;
  for (let bi = 0; bi < batchSize; bi++) {
    const xBatch = bi * inHeight * rowStride;
    for (let oy = 0; oy < outHeight; oy++) {
      const yCorner = oy * strideHeight - info.padInfo.top;
      let yMin = yCorner;
      while (yMin < 0) yMin += dilationHeight;
      const yMax = Math.min(inHeight, yCorner + effectiveFilterHeight);
      for (let ox = 0; ox < outWidth; ox++) {
        const xCorner = ox * strideWidth - info.padInfo.left;
        let xMin = xCorner;
        while (xMin < 0) xMin += dilationWidth;
        const xMax = Math.min(inWidth, xCorner + effectiveFilterWidth);
        const gBase = ((bi * outHeight + oy) * outWidth + ox) * C;
        for (let c = 0; c < C; c++) {
          let best = -Infinity;
          let where = -1;
          for (let iy = yMin; iy < yMax; iy += dilationHeight) {
            const row = xBatch + iy * rowStride + c;
            for (let ix = xMin; ix < xMax; ix += dilationWidth) {
              const at = row + ix * C;
              const v = x[at]!;
              if (v > best) {
                best = v;
                where = at;
              }
            }
          }
          if (where >= 0) out[where] = out[where]! + g[gBase + c]!;
        }
      }
    }
  }
  return dx;
};

/** A second reference to the same buffer (tensors are immutable; the backend counts references). */
function alias(backend: object, x: TensorInfo): TensorInfo {
  (backend as { incRef(dataId: object): void }).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

let tfjsIdentity: KernelFunc | null = null;
let tfjsCast: KernelFunc | null = null;

const identity: KernelFunc = (args) => {
  const { x } = args.inputs as { x: TensorInfo };
  return x.dtype === 'string' ? tfjsIdentity!(args) : alias(args.backend, x);
};

const cast: KernelFunc = (args) => {
  const { x } = args.inputs as { x: TensorInfo };
  const { dtype } = args.attrs as unknown as { dtype: string };
  return dtype === x.dtype && dtype !== 'string' ? alias(args.backend, x) : tfjsCast!(args);
};

let tfjsSum: KernelFunc | null = null;

/**
 * Sum over leading axes as xᵀ·1 (x as an N×C matrix, 1 a fresh vector of N ones: XNNPACK packs its
 * right operand, so the small one goes there); other sums go to tfjs.
 */
const sum: KernelFunc = (args) => {
  const backend = args.backend as WasmBackendLike & { disposeData(id: object): void };
  const { x } = args.inputs as { x: TensorInfo };
  const { axis, keepDims } = args.attrs as unknown as { axis: number | number[]; keepDims: boolean };
  const axes = util.parseAxisParam(axis, x.shape).sort((p, q) => p - q);
  const leading = axes.length > 0 && axes.length < x.shape.length && axes.every((ax, i) => ax === i);
  const rows = axes.reduce((n, ax) => n * x.shape[ax]!, 1);
  if (!leading || x.dtype !== 'float32' || rows < 1024) return tfjsSum!(args);
  const kept = x.shape.slice(axes.length);
  const width = util.sizeFromShape(kept);
  const matMul = getKernel('BatchMatMul', 'wasm')!.kernelFunc;
  const reshape = getKernel('Reshape', 'wasm')!.kernelFunc;
  const ones = backend.makeOutput([1, rows, 1], 'float32');
  heapView(backend, ones).fill(1);
  const matrix = reshape({ inputs: { x }, backend, attrs: { shape: [1, rows, width] } }) as TensorInfo;
  const product = matMul({
    inputs: { a: matrix, b: ones },
    backend,
    attrs: { transposeA: true, transposeB: false },
  }) as TensorInfo;
  const outShape = keepDims ? [...axes.map(() => 1), ...kept] : kept;
  const out = reshape({ inputs: { x: product }, backend, attrs: { shape: outShape } }) as TensorInfo;
  for (const t of [ones, matrix, product]) backend.disposeData(t.dataId);
  return out;
};

/**
 * Registers the kernels above for the wasm backend (replacing tfjs's). Idempotent; call after
 * the wasm backend module is imported.
 */
export function registerWasmHeapKernels(): void {
  const configs: KernelConfig[] = [
    { kernelName: 'MaxPoolGrad', backendName: 'wasm', kernelFunc: maxPoolGrad },
    { kernelName: 'Sum', backendName: 'wasm', kernelFunc: sum },
    { kernelName: 'Identity', backendName: 'wasm', kernelFunc: identity },
    { kernelName: 'Cast', backendName: 'wasm', kernelFunc: cast },
  ];
  for (const config of configs) {
    const existing = getKernel(config.kernelName, 'wasm');
    if (existing?.kernelFunc === config.kernelFunc) continue;
    if (!existing) throw new Error(`tfjs-backend-wasm has no ${config.kernelName} kernel to replace`);
    if (config.kernelName === 'Sum') tfjsSum = existing.kernelFunc;
    if (config.kernelName === 'Identity') tfjsIdentity = existing.kernelFunc;
    if (config.kernelName === 'Cast') tfjsCast = existing.kernelFunc;
    unregisterKernel(config.kernelName, 'wasm');
    // Keep tfjs's setup function: it binds the wasm function that the fallback calls.
    registerKernel({ ...config, setupFunc: existing.setupFunc });
  }
}

/**
 * Recycled output arrays for `ZooRunner.forwardAll`, and the fast download into them.
 *
 * Why: downloading every activation of a forward pass into FRESH Float32Arrays costs more than the
 * pass itself on the wasm backend. tfjs-backend-wasm 4.22's `readSync` returns
 * `HEAPU8.slice(…)`, a new allocation per tensor, and the first write to newly allocated pages
 * (the page faults and zeroing) is what costs: copying the same bytes into memory that was
 * written before was ~25× cheaper when profiled. Writing each result into arrays that are reused
 * from call to call removes that cost; {@link ForwardBuffers} is the pool and says who owns what.
 */
import type * as tfc from '@tensorflow/tfjs-core';

/**
 * A pool of output arrays for `ZooRunner.forwardAll(input, buffers)`, owned by the CALLER (one per
 * consumer, e.g. one per `useZooForward` hook instance; never shared between consumers that do not
 * coordinate).
 *
 * It holds `depth` sets of Float32Arrays and hands them out round-robin, one set per call: call k
 * writes into set k mod depth. Hence the contract: **the arrays of a result stay valid until
 * `depth` further calls with the same buffers** (call k's arrays are overwritten by call k + depth;
 * count every call, a failed one too; a call refused for a wrong input size claims nothing). With
 * depth 2 the previous result stays intact while the next one is computed. A set is claimed
 * synchronously when the call starts, so up to `depth` calls may be in flight at once without
 * sharing arrays.
 *
 * An array is reused only when the slot (the index of the downloaded output) asks for the same
 * length as last time; otherwise (another model) a new array replaces it in the pool, and the old
 * one, still referenced by its result, is simply no longer recycled.
 */
export class ForwardBuffers {
  /** Number of sets (results) that can be alive at once; ≥ 1. */
  readonly depth: number;
  private readonly sets: Float32Array[][];
  private turn = 0;

  /** @throws RangeError when `depth` is not a positive integer. */
  constructor(depth = 2) {
    if (!Number.isInteger(depth) || depth < 1)
      throw new RangeError(`ForwardBuffers needs a depth of at least 1, not ${depth}.`);
    this.depth = depth;
    this.sets = Array.from({ length: depth }, () => []);
  }

  /**
   * Claims the next set (round-robin) for one call and returns its allocator: `array(slot, length)`
   * gives that set's array for `slot`, reused when its length matches, else newly allocated. The
   * arrays' previous contents are stale: the caller overwrites them entirely.
   */
  claim(): (slot: number, length: number) => Float32Array {
    const set = this.sets[this.turn]!;
    this.turn = (this.turn + 1) % this.depth;
    return (slot, length) => {
      const old = set[slot];
      if (old && old.length === length) return old;
      const fresh = new Float32Array(length);
      set[slot] = fresh;
      return fresh;
    };
  }

  /** Bytes held by the pool (all sets). */
  get byteLength(): number {
    let n = 0;
    for (const set of this.sets) for (const a of set) if (a) n += a.byteLength;
    return n;
  }
}

/**
 * The parts of tfjs-backend-wasm 4.22's `BackendWasm` (`tf.backend()` while `wasm` is active) that
 * {@link copyFromWasmHeap} reads. They are internals, not public API: every one is checked.
 */
interface WasmBackendLike {
  /** tfjs-core `DataStorage`: `has` has no side effect (`get` would move the data across backends). */
  dataIdMap: { has(dataId: object): boolean; get(dataId: object): { memoryOffset?: unknown } | undefined };
  /** The Emscripten module; `HEAPU8` is replaced when the heap grows, so it is read each time. */
  wasm: { HEAPU8: Uint8Array };
}

function asWasmBackend(backend: unknown): WasmBackendLike | null {
  if (typeof backend !== 'object' || backend === null) return null;
  const b = backend as Partial<Record<'dataIdMap' | 'wasm', unknown>>;
  const map = b.dataIdMap as Partial<WasmBackendLike['dataIdMap']> | undefined;
  const wasm = b.wasm as { HEAPU8?: unknown } | undefined;
  if (!map || typeof map.has !== 'function' || typeof map.get !== 'function') return null;
  if (!wasm || !ArrayBuffer.isView(wasm.HEAPU8) || (wasm.HEAPU8 as Uint8Array).BYTES_PER_ELEMENT !== 1)
    return null;
  return backend as WasmBackendLike;
}

/**
 * Copies a float32 tensor's values straight from the wasm heap into `target`, without the fresh
 * allocation `t.data()` makes on this backend, and returns true; returns false (copying nothing)
 * whenever that is not possible, and the caller then falls back to `await t.data()` + `set`
 * (`ZooRunner.forwardAll` does).
 *
 * Relies on tfjs-backend-wasm 4.22 internals (hence the checks; any mismatch means false):
 * the active backend is `wasm` and has `dataIdMap` (a tfjs `DataStorage`) holding the tensor's
 * `dataId` with a numeric, 4-byte-aligned `memoryOffset` into the module's heap `wasm.HEAPU8`,
 * where the tensor's `size` float32 values lie contiguously (as `readSync` reads them). The view
 * is built from `HEAPU8.buffer` on every call, after the tensor was computed, because the heap's
 * buffer changes when wasm memory grows. wasm kernels run synchronously, so the values are final
 * when the op returns; call this before disposing `t`.
 */
export function copyFromWasmHeap(
  tf: Pick<typeof tfc, 'getBackend' | 'backend'>,
  t: tfc.Tensor,
  target: Float32Array,
): boolean {
  if (tf.getBackend() !== 'wasm' || t.dtype !== 'float32' || t.isDisposed || target.length !== t.size)
    return false;
  const backend = asWasmBackend(tf.backend());
  if (!backend || !backend.dataIdMap.has(t.dataId)) return false;
  const offset = backend.dataIdMap.get(t.dataId)?.memoryOffset;
  const heap = backend.wasm.HEAPU8.buffer;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset % 4 !== 0) return false;
  if (offset + t.size * 4 > heap.byteLength) return false;
  target.set(new Float32Array(heap, offset, t.size));
  return true;
}

/** The tensor's data as float32 via `data()` (a new array); throws for another dtype. */
export async function float32Data(t: tfc.Tensor): Promise<Float32Array> {
  const d = await t.data();
  if (!(d instanceof Float32Array)) throw new Error(`expected float32 data, got ${t.dtype}`);
  return d;
}

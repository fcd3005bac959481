/**
 * Fixed random permutations of pixel positions, for the step that shuffles a patch. A permutation
 * π of 0…n−1 is stored as an array: the permuted image's pixel i is the original's pixel π[i].
 */
import { mulberry32 } from '../../core/datasets/discPhantom';

/**
 * A uniformly random permutation of 0…n−1, drawn by the Fisher–Yates shuffle (Knuth, TAOCP
 * vol. 2, §3.4.2, Algorithm P) from the seeded generator mulberry32: the same seed gives the same
 * permutation on every machine.
 */
export function seededPermutation(n: number, seed: number): Int32Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a permutation needs a whole size ≥ 0, not ${n}`);
  const rand = mulberry32(seed);
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = p[i] as number;
    p[i] = p[j] as number;
    p[j] = t;
  }
  return p;
}

/** True when `p` holds every index 0…p.length−1 exactly once. */
export function isPermutation(p: ArrayLike<number>): boolean {
  const seen = new Uint8Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const v = p[i] as number;
    if (!Number.isInteger(v) || v < 0 || v >= p.length || seen[v]) return false;
    seen[v] = 1;
  }
  return true;
}

/** The inverse permutation: `inverse[p[i]] = i`, so applying p then its inverse changes nothing. */
export function invertPermutation(p: ArrayLike<number>): Int32Array {
  const inv = new Int32Array(p.length);
  for (let i = 0; i < p.length; i++) inv[p[i] as number] = i;
  return inv;
}

/** `out[i] = values[p[i]]`: the values moved to their permuted positions. */
export function applyPermutation(values: ArrayLike<number>, p: ArrayLike<number>): Float32Array {
  if (values.length !== p.length) {
    throw new RangeError(`${values.length} values cannot be permuted by a permutation of ${p.length}`);
  }
  const out = new Float32Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = values[p[i] as number] as number;
  return out;
}

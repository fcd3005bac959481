import { describe, expect, it } from 'vitest';
import { LBP_BINS, lbpCodes, lbpHistogram, riu2Code } from '../../../../src/core/datasets/lbp';

/** A 3×3 image from a centre and its neighbours in the order E, NE, N, NW, W, SW, S, SE. */
function ring(centre: number, [e, ne, n, nw, w, sw, s, se]: number[]): number[] {
  return [nw!, n!, ne!, w!, centre, e!, sw!, s!, se!];
}

describe('LBP (uniform, rotation-invariant, 8 neighbours)', () => {
  it('riu2 codes: uniform patterns give their number of ones, others 9', () => {
    expect(riu2Code([0, 0, 0, 0, 0, 0, 0, 0])).toBe(0);
    expect(riu2Code([1, 1, 1, 1, 1, 1, 1, 1])).toBe(8);
    expect(riu2Code([1, 1, 1, 0, 0, 0, 0, 0])).toBe(3);
    expect(riu2Code([0, 0, 0, 0, 0, 1, 1, 1])).toBe(3); // rotation-invariant
    expect(riu2Code([1, 0, 0, 0, 0, 0, 0, 1])).toBe(2); // wraps around
    expect(riu2Code([1, 0, 1, 0, 0, 0, 0, 0])).toBe(9); // 4 changes
  });

  it('compares each neighbour with the centre (≥ gives 1), in circular order', () => {
    // neighbours E, NE, N brighter than the centre 5, the rest darker: three contiguous ones → 3
    expect([...lbpCodes(ring(5, [9, 9, 9, 1, 1, 1, 1, 1]), 3, 3)]).toEqual([3]);
    // E and W only: two separate runs → 9
    expect([...lbpCodes(ring(5, [9, 1, 1, 1, 9, 1, 1, 1]), 3, 3)]).toEqual([9]);
    // bits 1,0,1,1,1,0,0,1 (neighbour = centre counts as 1): 4 changes → 9
    expect([...lbpCodes(ring(5, [6, 4, 7, 7, 7, 3, 2, 5]), 3, 3)]).toEqual([9]);
    // a flat patch: every neighbour equals the centre → 8; a bright dot → 0
    expect([...lbpCodes(new Float32Array(9).fill(3), 3, 3)]).toEqual([8]);
    expect([...lbpCodes(ring(5, [0, 0, 0, 0, 0, 0, 0, 0]), 3, 3)]).toEqual([0]);
  });

  it('histogram of a 4×3 image [0 0 0 0; 0 5 0 0; 0 0 0 0]: the dot is code 0, its right neighbour code 8', () => {
    const h = lbpHistogram([0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0], 4, 3);
    const expected = new Array(LBP_BINS).fill(0);
    expected[0] = 0.5;
    expected[8] = 0.5;
    expect(h).toEqual(expected);
  });
});

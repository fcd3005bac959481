import { describe, expect, it } from 'vitest';
import { buildTwoLayerNet } from '../../../../src/core/autodiff/buildTwoLayerNet';
import { layoutGraph } from '../../../../src/core/viz/layoutGraph';

describe('layoutGraph', () => {
  it('a chain: one column per node, all on one row', () => {
    const pos = layoutGraph([
      { id: 0, inputs: [] },
      { id: 1, inputs: [0] },
      { id: 2, inputs: [1] },
    ]);
    expect([...pos.values()]).toEqual([
      { column: 0, y: 0 },
      { column: 1, y: 0 },
      { column: 2, y: 0 },
    ]);
  });

  it('operations sit right of all inputs, leaves just left of their first consumer; a column keeps rows ≥ 1 apart', () => {
    const net = buildTwoLayerNet({
      x: [1, 2],
      w1: [
        [1, 2],
        [3, 4],
      ],
      b1: [0, 0],
      w2: [1, 1],
      b2: 0,
      target: 1,
    });
    const nodes = net.graph.nodes();
    const pos = layoutGraph(nodes);
    for (const n of nodes) {
      const p = pos.get(n.id)!;
      for (const i of n.inputs) expect(pos.get(i)!.column).toBeLessThan(p.column);
      if (n.inputs.length === 0) {
        const consumer = nodes.find((m) => m.inputs.includes(n.id))!;
        expect(p.column).toBe(pos.get(consumer.id)!.column - 1);
      }
      expect(p.y).toBeGreaterThanOrEqual(0);
    }
    const byCol = new Map<number, number[]>();
    for (const p of pos.values()) byCol.set(p.column, [...(byCol.get(p.column) ?? []), p.y]);
    for (const ys of byCol.values()) {
      const s = [...ys].sort((a, b) => a - b);
      for (let k = 1; k < s.length; k++) expect(s[k]! - s[k - 1]!).toBeGreaterThanOrEqual(1 - 1e-9);
    }
    expect(Math.min(...[...pos.values()].map((p) => p.y))).toBe(0);
  });

  it('an operation with inputs far apart sits between them', () => {
    const pos = layoutGraph([
      { id: 0, inputs: [] },
      { id: 1, inputs: [] },
      { id: 2, inputs: [] },
      { id: 3, inputs: [0, 2] },
    ]);
    expect(pos.get(3)!.y).toBeCloseTo((pos.get(0)!.y + pos.get(2)!.y) / 2, 12);
  });
});

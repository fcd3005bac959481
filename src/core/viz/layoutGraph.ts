/**
 * Places the nodes of a computational graph for drawing: an operation sits one column right of
 * its right-most input, a leaf one column left of its first consumer, so data flows left to right.
 * Vertically, an operation aims for the mean height of its inputs (barycentre placement; Sugiyama,
 * Tagawa & Toda, IEEE Trans. SMC 1981;11:109–125) and a leaf for the height of its consumer's other
 * inputs; then each column is pushed apart so that nodes stay at least one row apart.
 */

/** A node to place: its id and the ids of its inputs (list in topological order, inputs first). */
export interface LayoutInput {
  id: number;
  inputs: readonly number[];
}

/** Column (integer, 0-based) and height `y` (in rows, ≥ 0; nodes of a column differ by ≥ 1). */
export interface LayoutPosition {
  column: number;
  y: number;
}

function mean(xs: readonly number[]): number | undefined {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
}

/** Spreads the wanted heights `want` (sorted by want, ties by order) so that neighbours are ≥ 1 apart, moving each as little as possible. */
function separate(want: { id: number; y: number }[]): Map<number, number> {
  const sorted = [...want].sort((a, b) => a.y - b.y || a.id - b.id);
  // Pool-adjacent-violators on y_i − i: the least-squares placement with gaps ≥ 1.
  const blocks: { start: number; n: number; sum: number }[] = [];
  sorted.forEach((w, i) => {
    blocks.push({ start: i, n: 1, sum: w.y - i });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.sum / a.n <= b.sum / b.n) break;
      blocks.splice(blocks.length - 2, 2, { start: a.start, n: a.n + b.n, sum: a.sum + b.sum });
    }
  });
  const out = new Map<number, number>();
  for (const b of blocks) {
    for (let k = 0; k < b.n; k++) out.set(sorted[b.start + k]?.id ?? 0, b.sum / b.n + b.start + k);
  }
  return out;
}

/** Lays out a DAG given in topological order; returns a position per id, heights shifted to start at 0. */
export function layoutGraph(nodes: readonly LayoutInput[]): Map<number, LayoutPosition> {
  const consumers = new Map<number, number[]>();
  for (const n of nodes) for (const i of n.inputs) consumers.set(i, [...(consumers.get(i) ?? []), n.id]);
  const column = new Map<number, number>();
  for (const n of nodes) {
    if (n.inputs.length) column.set(n.id, 1 + Math.max(...n.inputs.map((i) => column.get(i) ?? 0)));
  }
  for (const n of nodes) {
    if (n.inputs.length) continue;
    const cs = (consumers.get(n.id) ?? []).map((c) => column.get(c) ?? 1);
    column.set(n.id, cs.length ? Math.min(...cs) - 1 : 0);
  }
  const shift = Math.min(0, ...column.values());
  for (const [id, c] of column) column.set(id, c - shift);
  const maxCol = Math.max(0, ...column.values());

  const y = new Map<number, number>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const firstUse = (n: LayoutInput): [number, number] => {
    const c = (consumers.get(n.id) ?? [])[0];
    return c === undefined ? [n.id, 0] : [c, byId.get(c)?.inputs.indexOf(n.id) ?? 0];
  };
  for (let c = 0; c <= maxCol; c++) {
    const here = nodes.filter((n) => column.get(n.id) === c);
    const ops = here.filter((n) => n.inputs.length > 0);
    const leaves = here.filter((n) => n.inputs.length === 0);
    const opWant = ops.map((n) => ({ id: n.id, y: mean(n.inputs.map((i) => y.get(i) ?? 0)) ?? 0 }));
    for (const w of opWant) y.set(w.id, w.y);
    // Leaves sit beside the placed inputs of their first consumer, in the order that consumer reads them.
    const sortedLeaves = [...leaves].sort((a, b) => {
      const [ca, ia] = firstUse(a);
      const [cb, ib] = firstUse(b);
      return ca - cb || ia - ib;
    });
    let next = Math.max(-1, ...[...y.values()]) + 1;
    const leafWant = sortedLeaves.map((n) => {
      const consumer = byId.get((consumers.get(n.id) ?? [])[0] ?? -1);
      const placed = (consumer?.inputs ?? [])
        .map((i) => y.get(i))
        .filter((v): v is number => v !== undefined);
      const target = c === 0 ? undefined : mean(placed);
      return { id: n.id, y: target === undefined ? next++ : target + 0.5 };
    });
    for (const [id, v] of separate([...opWant, ...leafWant])) y.set(id, v);
  }
  const low = Math.min(...y.values());
  return new Map(nodes.map((n) => [n.id, { column: column.get(n.id) ?? 0, y: (y.get(n.id) ?? 0) - low }]));
}

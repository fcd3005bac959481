/**
 * Pure helpers of the unit detail panel: the terms of a weighted sum grouped into one small grid
 * per input channel (a convolution's patch, kernel slice and products), the largest terms of a
 * dense unit, and pool/elementwise sources laid out as a window. Every number comes from
 * `explainUnit`; nothing here computes an activation.
 */
import type { LayerActivation, UnitTerm } from '../../core/models/zooTypes';

/** One cell of a grid: the item at (row, column) of the window, or null where there is none. */
export type GridCells<T> = (T | null)[][];

/**
 * Items with a source position laid out on the grid of their distinct rows × distinct columns
 * (sorted), or null when they do not fill it one-to-one (not a window).
 */
export function windowGrid<
  T extends { source?: { row: number; column: number }; row?: number; column?: number },
>(items: readonly T[]): GridCells<T> | null {
  const pos = (t: T): [number, number] =>
    t.source ? [t.source.row, t.source.column] : [t.row ?? 0, t.column ?? 0];
  const rows = [...new Set(items.map((t) => pos(t)[0]))].sort((a, b) => a - b);
  const cols = [...new Set(items.map((t) => pos(t)[1]))].sort((a, b) => a - b);
  if (rows.length * cols.length !== items.length) return null;
  const grid: GridCells<T> = rows.map(() => cols.map(() => null));
  for (const t of items) {
    const [r, c] = pos(t);
    const cell = grid[rows.indexOf(r)]!;
    const j = cols.indexOf(c);
    if (cell[j] !== null) return null;
    cell[j] = t;
  }
  return grid;
}

/** The terms of one input channel of a weighted sum, with their partial sum. */
export interface ChannelTerms {
  layer: string;
  channel: number;
  terms: readonly UnitTerm[];
  /** Σ products of this channel's terms. */
  partial: number;
  /** The terms laid out as a window, or null (then they are listed). */
  grid: GridCells<UnitTerm> | null;
}

/** The terms of a weighted sum grouped by (source layer, channel), in first-seen order. */
export function termsByChannel(terms: readonly UnitTerm[]): ChannelTerms[] {
  const groups = new Map<string, UnitTerm[]>();
  for (const t of terms) {
    const key = `${t.source.layer}\u0000${t.source.channel}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(t);
  }
  return [...groups.values()].map((g) => ({
    layer: g[0]!.source.layer,
    channel: g[0]!.source.channel,
    terms: g,
    partial: g.reduce((s, t) => s + t.product, 0),
    grid: windowGrid(g),
  }));
}

/** The channels to draw as grids: those with the largest |partial sum|, at most `max`, in channel order. */
export function strongestChannels(groups: readonly ChannelTerms[], max: number): ChannelTerms[] {
  if (groups.length <= max) return [...groups];
  const keep = new Set([...groups].sort((a, b) => Math.abs(b.partial) - Math.abs(a.partial)).slice(0, max));
  return groups.filter((g) => keep.has(g));
}

/** The `k` terms with the largest |product| (ties: input order), and the count and sum of the rest. */
export function largestTerms(
  terms: readonly UnitTerm[],
  k: number,
): { top: UnitTerm[]; restCount: number; restSum: number } {
  const order = terms
    .map((t, i) => i)
    .sort((a, b) => Math.abs(terms[b]!.product) - Math.abs(terms[a]!.product) || a - b);
  const topIdx = order.slice(0, k);
  const restIdx = order.slice(k);
  return {
    top: topIdx.map((i) => terms[i]!),
    restCount: restIdx.length,
    restSum: restIdx.reduce((s, i) => s + terms[i]!.product, 0),
  };
}

/** Σ of the products of `terms` (the sum the reference formed, re-added for the check shown). */
export function sumProducts(terms: readonly UnitTerm[]): number {
  let s = 0;
  for (const t of terms) s += t.product;
  return s;
}

/** The name of an activation as the panel writes it, or null for the identity ('linear'). */
export function activationName(a: LayerActivation | undefined): string | null {
  switch (a) {
    case 'relu':
      return 'ReLU';
    case 'sigmoid':
    case 'softmax':
    case 'tanh':
      return a;
    default:
      return null;
  }
}

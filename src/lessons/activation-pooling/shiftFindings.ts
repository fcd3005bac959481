/**
 * What the measured translation-invariance curves show, as numbers and yes/no facts the step-3
 * texts are chosen and filled from: no statement of the lesson about the experiment is typed in.
 */
import type { Lang } from '../../core/lessons/types';
import {
  gridShiftError,
  shiftRepresentations,
  shiftUnit,
  type RepresentationId,
  type ShiftExperimentOptions,
  type ShiftExperimentResult,
} from '../../core/tensor/shiftExperiment';
import { fillPlaceholders } from '../../i18n/translate';
import { fmt } from './activationPoolingData';
import { representationNames } from './activationPoolingTexts';
import { shiftTexts as T } from './shiftTexts';

/** Facts read off the curves of one run (P = pool size, K = largest shift). */
export interface ShiftFindings {
  /** d(1) of conv-pool, two-stage and global divided by d(1) of conv (NaN when K < 1). */
  ratioAt1: { pool: number; two: number; global: number };
  /** d_conv-pool(s) / d_conv(s) for s = 1 … min(P − 1, K). */
  belowP: number[];
  /** True when every ratio of `belowP` is < 1 (and there is one). */
  poolHelpsBelowP: boolean;
  /** The one-cell check at s = P, when P ≤ K. */
  atP: null | {
    p: number;
    /** Largest |pooled(x_P)[y, x] − pooled(x_0)[y − u_y, x − u_x]| over the overlap. */
    maxAbsDiff: number;
    compared: number;
    /** d_conv-pool(P), compared at the same positions. */
    distance: number;
    /** distance / d_conv(P). */
    ratio: number;
  };
  /** Shifts where the realigned conv-pool distance is 0, and the largest realigned distance elsewhere. */
  realignedZeros: number[];
  realignedMaxOther: number;
  /** True when the realigned distance is 0 exactly at the multiples of P (≤ K) and nowhere else. */
  zerosAreMultiples: boolean;
  /** Largest global distance over all shifts, and its ratio to d_conv(1). */
  globalMax: number;
  globalMaxRatio: number;
  /** Representations ranked by mean distance over shifts 1 … K, most invariant first. */
  ranking: { id: RepresentationId; mean: number }[];
}

const curveOf = (r: ShiftExperimentResult, id: RepresentationId): number[] =>
  r.curves.find((c) => c.id === id)?.distances ?? [];

/**
 * Reads the facts of {@link ShiftFindings} off a run of the experiment; for the one-cell check it
 * recomputes the pooled maps at shifts 0 and P with the same options.
 */
export function shiftFindings(options: ShiftExperimentOptions, result: ShiftExperimentResult): ShiftFindings {
  const P = options.poolSize;
  const K = result.shifts.length - 1;
  const conv = curveOf(result, 'conv');
  const pool = curveOf(result, 'conv-pool');
  const two = curveOf(result, 'two-stage');
  const glob = curveOf(result, 'global');
  const over = (a: number[], s: number): number => (a[s] ?? NaN) / (conv[s] ?? NaN);
  const belowP = result.shifts.filter((s) => s >= 1 && s < P).map((s) => over(pool, s));

  let atP: ShiftFindings['atP'] = null;
  if (P <= K) {
    const [uy, ux] = shiftUnit(options.direction);
    const check = gridShiftError(
      shiftRepresentations(options, 0).convPool,
      shiftRepresentations(options, P).convPool,
      uy,
      ux,
    );
    atP = { p: P, ...check, distance: pool[P] ?? NaN, ratio: over(pool, P) };
  }

  const realignedZeros = result.shifts.filter((s) => result.realigned[s] === 0);
  const others = result.shifts.filter((s) => result.realigned[s] !== 0).map((s) => result.realigned[s]!);
  const multiples = result.shifts.filter((s) => s % P === 0);
  const globalMax = Math.max(...glob);
  const ranking = result.curves
    .map((c) => {
      const rest = c.distances.slice(1);
      return { id: c.id, mean: rest.length ? rest.reduce((a, b) => a + b, 0) / rest.length : NaN };
    })
    .sort((a, b) => a.mean - b.mean);
  return {
    ratioAt1: { pool: over(pool, 1), two: over(two, 1), global: over(glob, 1) },
    belowP,
    poolHelpsBelowP: belowP.length > 0 && belowP.every((r) => r < 1),
    atP,
    realignedZeros,
    realignedMaxOther: others.length ? Math.max(...others) : 0,
    zerosAreMultiples:
      realignedZeros.length === multiples.length && realignedZeros.every((s, i) => s === multiples[i]),
    globalMax,
    globalMaxRatio: globalMax / (conv[1] ?? NaN),
    ranking,
  };
}

/** The sentences of "What these numbers show", each chosen and filled from the findings. */
export function findingTexts(f: ShiftFindings, p: number, lang: Lang): string[] {
  const P = (r: number): string => fmt(100 * r);
  const out = [
    fillPlaceholders(T.below[lang], {
      pool: P(f.ratioAt1.pool),
      two: P(f.ratioAt1.two),
      global: P(f.ratioAt1.global),
    }),
  ];
  if (f.belowP.length) {
    const lo = P(Math.min(...f.belowP));
    const hi = P(Math.max(...f.belowP));
    const one = f.belowP.length === 1;
    const template = f.poolHelpsBelowP
      ? one
        ? T.belowHelpsOne
        : T.belowHelps
      : one
        ? T.belowMixedOne
        : T.belowMixed;
    out.push(fillPlaceholders(template[lang], { last: f.belowP.length, lo, hi }));
  }
  if (f.atP) {
    const a = f.atP;
    const vals = { p: a.p, n: a.compared, diff: fmt(a.maxAbsDiff), d: fmt(a.distance), pct: P(a.ratio) };
    out.push(fillPlaceholders((a.maxAbsDiff === 0 ? T.exactShift : T.notExactShift)[lang], vals));
    const zeros = f.realignedZeros.join(', ');
    out.push(
      fillPlaceholders((f.zerosAreMultiples ? T.aliasing : T.aliasingMixed)[lang], {
        zeros: zeros || T.none[lang],
        max: fmt(f.realignedMaxOther),
      }),
    );
  } else out.push(fillPlaceholders(T.noExactShift[lang], { p }));
  out.push(fillPlaceholders(T.global[lang], { max: fmt(f.globalMax), pct: P(f.globalMaxRatio) }));
  const best = f.ranking[0];
  const worst = f.ranking[f.ranking.length - 1];
  if (best && worst)
    out.push(
      fillPlaceholders(T.mostInvariant[lang], {
        name: representationNames[best.id][lang],
        mean: fmt(best.mean),
        worst: representationNames[worst.id][lang],
        worstMean: fmt(worst.mean),
      }),
    );
  return out;
}

/**
 * What the measured translation-invariance curves show, as numbers and yes/no facts the step-3
 * texts are chosen and filled from: no statement of the lesson about the experiment is typed in.
 * Every sentence is guarded by the facts it states, so it stays true on any slice, crop, direction,
 * border or pool size, including a uniform crop (r(x_0) all zeros) and content that looks the same
 * after a shift (d = 0).
 */
import type { Lang } from '../../core/lessons/types';
import { gridShiftError } from '../../core/tensor/representationDistance';
import {
  shiftUnit,
  type RepresentationId,
  type ShiftDirection,
  type ShiftExperimentResult,
} from '../../core/tensor/shiftExperiment';
import { fillPlaceholders } from '../../i18n/translate';
import { fmt } from './activationPoolingData';
import { representationNames } from './activationPoolingTexts';
import { shiftTexts as T } from './shiftTexts';

/** Facts read off the curves of one run (P = pool size, K = largest shift). */
export interface ShiftFindings {
  poolSize: number;
  /** r(x_0) after conv is all zeros (a uniform crop): no representation has a scale. */
  flat: boolean;
  /** When not flat: the representations whose r(x_0) is all zeros, left out of the comparisons. */
  zeroReference: RepresentationId[];
  /** d_conv(1); NaN when K < 1. */
  convAt1: number;
  /** d(1) / d_conv(1) of each compared representation but conv; empty unless d_conv(1) > 0. */
  ratioAt1: { id: RepresentationId; ratio: number }[];
  /**
   * d_conv-pool(s) / d_conv(s) for s = 1 … min(P − 1, K); empty unless conv-pool is compared and
   * every d_conv(s) there is > 0.
   */
  belowP: number[];
  /** How many ratios of `belowP` are < 1 (pooling lowered the distance). */
  belowPHelped: number;
  /** The one-cell check at s = P, when P ≤ K and conv-pool is compared. */
  atP: null | {
    /** Largest |pooled(x_P)[y, x] − pooled(x_0)[y − u_y, x − u_x]| over the overlap, and its size. */
    maxAbsDiff: number;
    compared: number;
    /** d_conv-pool(P), compared at the same positions. */
    distance: number;
  };
  /** The realigned conv-pool curve, when conv-pool is compared. */
  realigned: null | {
    /** Shifts where it is exactly 0. */
    zeros: number[];
    /** Its largest value at the other shifts (0 when there are none). */
    maxOther: number;
    /** True when it is 0 exactly at the multiples of P (≤ K) and nowhere else. */
    zerosAreMultiples: boolean;
  };
  /** Largest distance over shifts 1 … K after global average pooling and after conv alone (not flat). */
  global: null | { max: number; convMax: number };
  /** The compared representations ranked by mean distance over shifts 1 … K, most invariant first. */
  ranking: { id: RepresentationId; mean: number }[];
}

/** What {@link shiftFindings} reads besides the result. */
export interface FindingsOptions {
  poolSize: number;
  direction: ShiftDirection;
}

const curveOf = (r: ShiftExperimentResult, id: RepresentationId): number[] =>
  r.curves.find((c) => c.id === id)?.distances ?? [];
const mean = (a: number[]): number => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : NaN);

/** Reads the facts of {@link ShiftFindings} off a run of the experiment. */
export function shiftFindings(o: FindingsOptions, result: ShiftExperimentResult): ShiftFindings {
  const P = o.poolSize;
  const K = result.shifts.length - 1;
  const conv = curveOf(result, 'conv');
  const pool = curveOf(result, 'conv-pool');
  const moved = result.shifts.slice(1);
  const flat = result.referenceNorms.conv === 0;
  const zeroReference = flat
    ? []
    : result.curves.filter((c) => result.referenceNorms[c.id] === 0).map((c) => c.id);
  const compared = flat ? [] : result.curves.filter((c) => !zeroReference.includes(c.id));
  const poolCompared = compared.some((c) => c.id === 'conv-pool');
  const convAt1 = conv[1] ?? NaN;

  const ratioAt1 =
    convAt1 > 0
      ? compared.filter((c) => c.id !== 'conv').map((c) => ({ id: c.id, ratio: c.distances[1]! / convAt1 }))
      : [];
  const below = moved.filter((s) => s < P);
  const belowP =
    poolCompared && below.every((s) => conv[s]! > 0) ? below.map((s) => pool[s]! / conv[s]!) : [];

  let atP: ShiftFindings['atP'] = null;
  let realigned: ShiftFindings['realigned'] = null;
  if (poolCompared) {
    if (P <= K) {
      const [uy, ux] = shiftUnit(o.direction);
      atP = { ...gridShiftError(result.convPool[0]!, result.convPool[P]!, uy, ux), distance: pool[P]! };
    }
    const zeros = result.shifts.filter((s) => result.realigned[s] === 0);
    const others = result.shifts.filter((s) => result.realigned[s] !== 0).map((s) => result.realigned[s]!);
    const multiples = result.shifts.filter((s) => s % P === 0);
    realigned = {
      zeros,
      maxOther: others.length ? Math.max(...others) : 0,
      zerosAreMultiples: zeros.length === multiples.length && zeros.every((s, i) => s === multiples[i]),
    };
  }
  const maxMoved = (id: RepresentationId): number => Math.max(...curveOf(result, id).slice(1));
  return {
    poolSize: P,
    flat,
    zeroReference,
    convAt1,
    ratioAt1,
    belowP,
    belowPHelped: belowP.filter((r) => r < 1).length,
    atP,
    realigned,
    global: flat || K < 1 ? null : { max: maxMoved('global'), convMax: maxMoved('conv') },
    ranking:
      K < 1
        ? []
        : compared
            .map((c) => ({ id: c.id, mean: mean(c.distances.slice(1)) }))
            .sort((a, b) => a.mean - b.mean),
  };
}

const pct = (r: number): string => fmt(100 * r);

/** The sentence about shifts smaller than P, chosen by how many of them pooling helped. */
function belowText(f: ShiftFindings, lang: Lang): string {
  const n = f.belowP.length;
  const vals = {
    last: n,
    helped: f.belowPHelped,
    lo: pct(Math.min(...f.belowP)),
    hi: pct(Math.max(...f.belowP)),
  };
  const template =
    f.belowPHelped === n
      ? n === 1
        ? T.belowHelpsOne
        : T.belowHelps
      : f.belowPHelped === 0
        ? n === 1
          ? T.belowNotOne
          : T.belowNever
        : T.belowMixed;
  return fillPlaceholders(template[lang], vals);
}

/** The sentences about the one-cell shift at P and the realigned curve. */
function cellTexts(f: ShiftFindings, lang: Lang): string[] {
  const out: string[] = [];
  const a = f.atP;
  if (!a) out.push(fillPlaceholders(T.noExactShift[lang], { p: f.poolSize }));
  else {
    const vals = { p: f.poolSize, n: a.compared, diff: fmt(a.maxAbsDiff), d: fmt(a.distance) };
    const template = a.distance === 0 ? T.samePooled : a.maxAbsDiff === 0 ? T.exactShift : T.notExactShift;
    out.push(fillPlaceholders(template[lang], vals));
  }
  const r = f.realigned;
  if (r) {
    const zeros = r.zeros.join(', ');
    const template =
      r.maxOther === 0 ? T.realignedAllZero : r.zerosAreMultiples ? T.aliasing : T.aliasingMixed;
    out.push(fillPlaceholders(template[lang], { zeros: zeros || T.none[lang], max: fmt(r.maxOther) }));
  }
  return out;
}

/** The sentences of "What these numbers show", each chosen and filled from the findings. */
export function findingTexts(f: ShiftFindings, lang: Lang): string[] {
  if (f.flat) return [T.flat[lang]];
  const name = (id: RepresentationId): string => representationNames[id][lang];
  const out: string[] = [];
  if (f.zeroReference.length)
    out.push(fillPlaceholders(T.zeroReference[lang], { names: f.zeroReference.map(name).join(T.and[lang]) }));
  if (f.convAt1 === 0) out.push(T.convStill[lang]);
  if (f.ratioAt1.length)
    out.push(
      fillPlaceholders(T.below[lang], {
        d: fmt(f.convAt1),
        list: f.ratioAt1
          .map((r) => fillPlaceholders(T.ratioItem[lang], { name: name(r.id), pct: pct(r.ratio) }))
          .join(T.listSep[lang]),
      }),
    );
  if (f.belowP.length) out.push(belowText(f, lang));
  if (f.realigned) out.push(...cellTexts(f, lang));
  if (f.global)
    out.push(fillPlaceholders(T.global[lang], { max: fmt(f.global.max), convMax: fmt(f.global.convMax) }));
  const best = f.ranking[0];
  const worst = f.ranking[f.ranking.length - 1];
  if (best && worst && f.ranking.length > 1)
    out.push(
      best.mean === worst.mean
        ? fillPlaceholders(T.allEqual[lang], { mean: fmt(best.mean) })
        : fillPlaceholders(T.mostInvariant[lang], {
            name: name(best.id),
            mean: fmt(best.mean),
            worst: name(worst.id),
            worstMean: fmt(worst.mean),
          }),
    );
  return out;
}

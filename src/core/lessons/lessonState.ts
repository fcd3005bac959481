/**
 * Lesson state <-> URL query. The step is 1-based in the URL (`?step=2` is the second step) and
 * 0-based in {@link LessonState}. Only the current step's parameters are kept. Every input is
 * sanitised: an out-of-range number is clamped and snapped to its grid, an unknown enum value or a
 * malformed number falls back to the default, unknown keys are dropped. Nothing here throws.
 */
import type {
  LessonDef,
  LessonState,
  NumberParamDef,
  ParamDef,
  ParamValues,
  StepDef,
  TextParamDef,
} from './types';
import { parseStrictNumber } from './parseStrictNumber';
import { formatHash, parseHash, queryValue } from './route';

/** Number of decimals in the shortest decimal form of `x` (for exact grid snapping). */
function decimals(x: number): number {
  const s = String(x);
  const e = s.indexOf('e-');
  if (e >= 0) return Number(s.slice(e + 2)) + (s.split('.')[1]?.split('e')[0]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}

/**
 * Clamps `value` to `[min, max]` and snaps it to `min + k·step`, `k` an integer. Idempotent:
 * `snapNumber(def, snapNumber(def, v)) === snapNumber(def, v)`.
 */
export function snapNumber(def: NumberParamDef, value: number): number {
  if (!Number.isFinite(value)) return def.default;
  const { min, max, step } = def;
  if (!(step > 0) || max <= min) return Math.min(Math.max(value, min), Math.max(min, max));
  const kMax = Math.floor((max - min) / step + 1e-9);
  const k = Math.min(Math.max(Math.round((value - min) / step), 0), kMax);
  const digits = Math.min(15, Math.max(decimals(min), decimals(step)));
  // `+ 0` turns -0 into 0, so the value survives String() -> Number() unchanged.
  return Number((min + k * step).toFixed(digits)) + 0;
}

/** True when `raw` is an acceptable value of a text parameter: short enough and matching its pattern in full. */
export function isValidText(def: TextParamDef, raw: string): boolean {
  if (raw.length > def.maxLength) return false;
  try {
    return new RegExp(`^(?:${def.pattern})$`).test(raw);
  } catch {
    return false;
  }
}

/** Parses one raw URL value for `def`; returns the default when it is missing or malformed. */
export function coerceParam(def: ParamDef, raw: string | undefined): number | string {
  if (raw === undefined) return def.default;
  if (def.kind === 'enum') return def.options.some((o) => o.value === raw) ? raw : def.default;
  if (def.kind === 'text') return isValidText(def, raw) ? raw : def.default;
  const value = parseStrictNumber(raw.trim());
  return value === null ? def.default : snapNumber(def, value);
}

/** The default values of a step's parameters. */
export function defaultParams(step: StepDef | undefined): ParamValues {
  return Object.fromEntries((step?.params ?? []).map((p) => [p.id, p.default]));
}

/**
 * The parameters a step opens with when the learner moves to it from another step: for a
 * parameter marked `carry` that both steps have (same id and kind), the value the learner already
 * has, coerced to the new step's rules; the default for every other parameter (each step opens as
 * its link without parameters would).
 */
export function carriedParams(
  from: StepDef | undefined,
  current: ParamValues,
  to: StepDef | undefined,
): ParamValues {
  const kinds = new Map((from?.params ?? []).map((p) => [p.id, p.kind]));
  return Object.fromEntries(
    (to?.params ?? []).map((p) => {
      const value = current[p.id];
      if (!p.carry || value === undefined || kinds.get(p.id) !== p.kind) return [p.id, p.default];
      return [p.id, coerceParam(p, String(value))];
    }),
  );
}

/** Clamps a 0-based step index into the lesson (non-integers are truncated, NaN gives 0). */
export function clampStep(lesson: LessonDef, step: number): number {
  const last = Math.max(0, lesson.steps.length - 1);
  if (!Number.isFinite(step)) return 0;
  return Math.min(Math.max(Math.trunc(step), 0), last);
}

/** Sanitises a state: clamps the step, coerces each of its step's parameters, drops unknown ones. */
export function normalizeState(lesson: LessonDef, state: LessonState): LessonState {
  const step = clampStep(lesson, state.step);
  const def = lesson.steps[step];
  const params = Object.fromEntries(
    (def?.params ?? []).map((p) => {
      const v = Object.prototype.hasOwnProperty.call(state.params, p.id) ? state.params[p.id] : undefined;
      return [p.id, v === undefined ? p.default : coerceParam(p, String(v))];
    }),
  );
  return { step, params };
}

/** Reads a lesson state from raw query parameters (as produced by `parseHash`). */
export function stateFromQuery(lesson: LessonDef, query: Readonly<Record<string, string>>): LessonState {
  const rawStep = queryValue(query, 'step')?.trim() ?? '';
  const stepNumber = /^[-+]?\d+$/.test(rawStep) ? Number(rawStep) - 1 : 0;
  const step = clampStep(lesson, stepNumber);
  const params = Object.fromEntries(
    (lesson.steps[step]?.params ?? []).map((p) => [p.id, coerceParam(p, queryValue(query, p.id))]),
  );
  return { step, params };
}

/** Writes a (normalised) state as query parameters: `step` first (1-based), then every parameter. */
export function stateToQuery(lesson: LessonDef, state: LessonState): Record<string, string> {
  const s = normalizeState(lesson, state);
  // fromEntries: a parameter id such as `__proto__` stays an own, plain property.
  return Object.fromEntries([
    ['step', String(s.step + 1)],
    ...(lesson.steps[s.step]?.params ?? []).map((p) => [p.id, String(s.params[p.id])]),
  ]);
}

/** The full hash for a lesson state, e.g. `#/lesson/ai-ml-dl?step=2&highlight=ml`. */
export function serializeLessonHash(lesson: LessonDef, state: LessonState): string {
  return formatHash({ page: 'lesson', lessonId: lesson.id, query: stateToQuery(lesson, state) });
}

/** Parses a hash back into a state of `lesson`; `null` when the hash is not a route to that lesson. */
export function parseLessonHash(lesson: LessonDef, hash: string): LessonState | null {
  const route = parseHash(hash);
  if (route.page !== 'lesson' || route.lessonId !== lesson.id) return null;
  return stateFromQuery(lesson, route.query);
}

/**
 * Builders and readers of the `train-classifier` lesson's step parameters (shared by the data, setup
 * and experiment parameters), and the patch of URL values a widget writes.
 */
import type { EnumParamDef, NumberParamDef, ParamValues } from '../../core/lessons/types';
import { paramNumber, paramString } from '../paramValue';

/** Values to write to the URL, by parameter id. */
export type ParamPatch = Record<string, number | string>;

/** A hidden number parameter (the widget's panel draws its control). */
export const num = (
  id: string,
  en: string,
  zh: string,
  min: number,
  max: number,
  step: number,
  def: number,
): NumberParamDef => ({
  kind: 'number',
  id,
  label: { en, zh },
  min,
  max,
  step,
  default: def,
  hidden: true,
});

/** A hidden on/off enum parameter. */
export const onOff = (id: string, en: string, zh: string, def: 'on' | 'off'): EnumParamDef => ({
  kind: 'enum',
  id,
  label: { en, zh },
  options: [
    { value: 'on', label: { en: 'On', zh: '开' } },
    { value: 'off', label: { en: 'Off', zh: '关' } },
  ],
  default: def,
  hidden: true,
});

/** Largest seed a link names (the panels accept 0 … 2³¹ − 1). */
export const MAX_SEED = 2 ** 31 - 1;

/** The value of a number parameter (its default when missing). */
export const n = (values: ParamValues, def: NumberParamDef): number =>
  paramNumber(values[def.id], def.default);
/** The value of an enum parameter (its default when missing). */
export const s = (values: ParamValues, def: EnumParamDef): string => paramString(values[def.id], def.default);
/** `value` when it is one of the options, else the default. */
export const enumValue = (def: EnumParamDef, value: string): string =>
  def.options.some((o) => o.value === value) ? value : def.default;

/** The entries of `next` whose values differ from `current` (what a widget must write to the URL). */
export function changedParams(current: ParamValues, next: ParamPatch): ParamPatch {
  return Object.fromEntries(Object.entries(next).filter(([id, v]) => current[id] !== v));
}

/** A key equal for equal values of `defs` (to memoise what is derived from them across renders). */
export function paramsKey(values: ParamValues, defs: readonly { id: string }[]): string {
  return defs.map((d) => String(values[d.id])).join('|');
}

/** Number formatting for the pixel probe and the window read-outs. */

/** U+2212 MINUS SIGN: typographically correct for negative numbers ("−823 HU", not "-823 HU"). */
export const MINUS_SIGN = '\u2212';

/**
 * A number with at most `maxDecimals` decimals, trailing zeros dropped, and U+2212 for negatives:
 * 40 → "40", −823 → "−823", 12.25 → "12.25", 0.1 + 0.2 → "0.3". Non-finite values → "—".
 */
export function formatNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return '\u2014';
  const f = 10 ** maxDecimals;
  const rounded = Math.round(Math.abs(value) * f) / f;
  if (rounded === 0) return '0';
  const text = String(rounded);
  return value < 0 ? MINUS_SIGN + text : text;
}

/**
 * A modality value with its unit, as the probe shows it: `formatModalityValue(-823, 'HU')` →
 * "−823 HU" (U+2212 minus, a space, the unit); no unit → the number alone. Hounsfield units:
 * PS3.3 C.8.2.1.1.4 (CT), unit from Rescale Type (0028,1054), PS3.3 C.11.1.1.2.
 */
export function formatModalityValue(value: number, unit: string): string {
  const n = formatNumber(value);
  return unit ? `${n} ${unit}` : n;
}

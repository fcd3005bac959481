/**
 * Number formats of the `#/zoo` page (the same in English and Chinese: digits, SI prefixes and
 * unit symbols). Negative numbers take U+2212 (as `formatNumber`).
 */
import { formatNumber } from '../../core/imaging/display/formatModalityValue';

/** A whole number with thousands separators: 6212 → "6,212". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '\u2014';
  const s = Math.round(Math.abs(n)).toLocaleString('en-US');
  return n < 0 ? `\u2212${s}` : s;
}

/** Floating-point operations with an SI prefix: 1.23 MFLOP, 456 kFLOP, 12 FLOP. */
export function formatFlops(n: number): string {
  if (n >= 1e6) return `${formatNumber(n / 1e6, n >= 1e8 ? 0 : n >= 1e7 ? 1 : 2)} MFLOP`;
  if (n >= 1e3) return `${formatNumber(n / 1e3, n >= 1e5 ? 0 : 1)} kFLOP`;
  return `${formatCount(n)} FLOP`;
}

/** Bytes in SI units (1 KB = 1000 bytes): 24.9 KB, 1.2 MB. */
export function formatBytes(n: number): string {
  if (n >= 1e6) return `${formatNumber(n / 1e6, 2)} MB`;
  if (n >= 1e3) return `${formatNumber(n / 1e3, 1)} KB`;
  return `${formatCount(n)} B`;
}

/** Milliseconds with about three significant digits: 0.412 ms, 4.12 ms, 41.2 ms, 412 ms. */
export function formatMs(ms: number): string {
  const decimals = ms >= 100 ? 0 : ms >= 10 ? 1 : ms >= 1 ? 2 : 3;
  return `${formatNumber(ms, decimals)} ms`;
}

/**
 * A fraction 0…1 as a percentage with one decimal: 0.9375 → "93.8 %". A fraction strictly between
 * 0 and 1 never reads "0 %" or "100 %": "< 0.1 %" and "> 99.9 %" instead.
 */
export function formatPercent(fraction: number): string {
  if (fraction > 0 && fraction < 0.0005) return '< 0.1 %';
  if (fraction < 1 && fraction > 0.9995) return '> 99.9 %';
  return `${formatNumber(fraction * 100, 1)} %`;
}

/** A probability with three decimals: "0.982". */
export function formatProbability(p: number): string {
  return Number.isFinite(p) ? p.toFixed(3) : '\u2014';
}

/** A quantity with a unit and up to `decimals` decimals: formatQuantity(12.345, 'mm', 1) → "12.3 mm". */
export function formatQuantity(value: number, unit: string, decimals = 1): string {
  return `${formatNumber(value, decimals)} ${unit}`;
}

/** Number formatting of the neurons lesson: U+2212 minus, thousands separators, no Latin letters. */

const MINUS = '\u2212';
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** `v` with at most `decimals` decimals, trailing zeros dropped: 0.795 → "0.795", −1 → "−1". */
export function fmtNum(v: number, decimals = 3): string {
  if (!Number.isFinite(v)) return '—';
  const r = Number(v.toFixed(decimals));
  if (r === 0) return '0';
  return r < 0 ? MINUS + String(-r) : String(r);
}

/** `v` with exactly `decimals` decimals: 0.9996 → "1.000", −0.0049 → "−0.005". */
export function fmtFixed(v: number, decimals = 3): string {
  if (!Number.isFinite(v)) return '—';
  const s = Math.abs(v).toFixed(decimals);
  return v < 0 && Number(s) !== 0 ? MINUS + s : s;
}

/** A whole number with thousands separators: 524416 → "524,416". */
export function fmtInt(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const s = String(Math.round(Math.abs(v))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return v < 0 ? MINUS + s : s;
}

/**
 * `sig` significant digits, fixed notation for 10⁻³ ≤ |v| < 10⁶, else m×10ⁿ with superscript
 * digits (never "e").
 */
export function fmtSig(v: number, sig = 6): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) {
    const decimals = Math.max(0, sig - 1 - Math.floor(Math.log10(a)));
    return fmtNum(v, Math.min(15, decimals));
  }
  const [m, e] = v.toExponential(sig - 1).split('e');
  const mant = String(Number(m)).replace('-', MINUS);
  const exp = [...String(Number(e))].map((c) => (c === '-' ? '⁻' : (SUPERSCRIPT[Number(c)] ?? c))).join('');
  return `${mant}×10${exp}`;
}

/** A fraction as a percentage with one decimal: 0.6875 → "68.8%". */
export function fmtPercent(v: number): string {
  return Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '—';
}

/** Bytes in megabytes (2²⁰ bytes): up to one decimal below 100 MB, whole numbers above. */
export function fmtMb(bytes: number): string {
  const mb = bytes / 2 ** 20;
  if (mb >= 100) return `${fmtInt(mb)} MB`;
  if (mb >= 0.1) return `${fmtNum(mb, 1)} MB`;
  return `${fmtNum(mb, 3)} MB`;
}

/** A value in parentheses when negative, for sums written out: −1 → "(−1)". */
export function fmtTerm(v: number, decimals = 3): string {
  const s = fmtNum(v, decimals);
  return s.startsWith(MINUS) ? `(${s})` : s;
}

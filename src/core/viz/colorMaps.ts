/**
 * Colour-blind-safe colours for the drawings: viridis and cividis for magnitudes (perceptually
 * uniform, readable with deuteranopia; van der Walt & Smith 2015, Nuñez et al., PLoS ONE
 * 2018;13:e0199239), a diverging blue–orange map for signed values (zero = light grey), and the
 * Okabe–Ito palette for categories (Okabe & Ito, "Color Universal Design", 2002).
 */
import { interpolateCividis, interpolateLab, interpolateViridis } from 'd3';

/** The eight Okabe–Ito colours: black, orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple. */
export const OKABE_ITO = [
  '#000000',
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
] as const;

const clamp01 = (t: number): number => (Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0);

/** Viridis at t in [0, 1] (clamped). */
export function viridis(t: number): string {
  return interpolateViridis(clamp01(t));
}

/** Cividis at t in [0, 1] (clamped). */
export function cividis(t: number): string {
  return interpolateCividis(clamp01(t));
}

/** The ends and the middle of {@link blueOrange}. */
export const DIVERGING_STOPS = { negative: '#0072B2', zero: '#f2f2f2', positive: '#D55E00' } as const;

const toNegative = interpolateLab(DIVERGING_STOPS.zero, DIVERGING_STOPS.negative);
const toPositive = interpolateLab(DIVERGING_STOPS.zero, DIVERGING_STOPS.positive);

/** Diverging blue (−1) – light grey (0) – orange (+1) for signed values, t clamped to [−1, 1]. */
export function blueOrange(t: number): string {
  const c = Number.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
  return c < 0 ? toNegative(-c) : toPositive(c);
}

/** Relative luminance of an `#rrggbb` or `rgb(r, g, b)` colour (WCAG 2.1 definition). */
export function luminance(color: string): number {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  const parts = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : rgb ? rgb.slice(1).map(Number) : [0, 0, 0];
  const lin = parts.map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (lin[0] ?? 0) + 0.7152 * (lin[1] ?? 0) + 0.0722 * (lin[2] ?? 0);
}

/** Black or white, whichever has the higher WCAG contrast on `background`. */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  const l = luminance(background);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

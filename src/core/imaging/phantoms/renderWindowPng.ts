/**
 * A minimal window/level renderer for the sample gallery's PNGs. Deliberately local and small: the
 * app's display pipeline lives in src/core/imaging/display/.
 */

import { encode } from 'fast-png';

/**
 * The linear VOI LUT function of DICOM PS3.3 C.11.2.1.2.1 with output range 0…255:
 * x ≤ c − ½ − (w − 1)/2 → 0; x > c − ½ + (w − 1)/2 → 255; otherwise
 * y = ((x − (c − ½)) / (w − 1) + ½) · 255, rounded to the nearest grey level.
 * `invert` gives the MONOCHROME1 display (255 − y).
 */
export function windowToGrey(
  values: ArrayLike<number>,
  center: number,
  width: number,
  invert = false,
): Uint8Array {
  if (!(width >= 1)) throw new RangeError(`Window width ${width} must be ≥ 1 (PS3.3 C.11.2.1.2)`);
  const out = new Uint8Array(values.length);
  const low = center - 0.5 - (width - 1) / 2;
  const high = center - 0.5 + (width - 1) / 2;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] ?? 0;
    let y: number;
    if (x <= low) y = 0;
    else if (x > high) y = 255;
    else y = Math.round(((x - (center - 0.5)) / (width - 1) + 0.5) * 255);
    out[i] = invert ? 255 - y : y;
  }
  return out;
}

/** An 8-bit greyscale PNG (fast-png's encoder: deterministic for the same input). */
export function greyPng(grey: Uint8Array, rows: number, columns: number): Uint8Array {
  return encode({ width: columns, height: rows, data: grey, depth: 8, channels: 1 });
}

/**
 * The PNG encoder of the sample gallery; its grey levels come from the app's own window
 * (src/core/imaging/display/applyWindow.ts, used by makeSampleSet.ts).
 */

import { encode } from 'fast-png';

/** An 8-bit greyscale PNG (fast-png's encoder: deterministic for the same input). */
export function greyPng(grey: Uint8Array, rows: number, columns: number): Uint8Array {
  return encode({ width: columns, height: rows, data: grey, depth: 8, channels: 1 });
}

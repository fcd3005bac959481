/**
 * What every phantom generator returns: modality values, the ground truth of its lesions (mask,
 * boxes, labels) and a tissue map, so that a lesson can show, and a test can check, exactly what
 * was drawn.
 */

import type { Millimetre } from '../types';

/** An axis-aligned box in pixel units, e.g. a lesion's bounding box (detection ground truth). */
export interface PhantomBox {
  /** First row inside the box. */
  row: number;
  /** First column inside the box. */
  column: number;
  /** Rows covered. */
  height: number;
  /** Columns covered. */
  width: number;
  /** What is in the box, e.g. 'nodule', 'haemorrhage', 'tumour'. */
  label: string;
}

/** Values a phantom's labels may take (kept flat so they can be written to JSON). */
export type PhantomLabelValue = number | string | boolean;

/** One generated image. */
export interface PhantomImage {
  /**
   * Row-major modality values: Hounsfield units for CT, arbitrary signal units for MR, and for
   * the radiograph the log-attenuation scaled to the 12-bit stored range 0…4095.
   */
  image: Float32Array;
  rows: number;
  columns: number;
  /** [row spacing, column spacing] in mm (DICOM PS3.3 C.7.6.2.1.1 order). */
  pixelSpacing: [Millimetre, Millimetre];
  /** Ground-truth facts, e.g. { hasNodule: true, lesionHu: 40, lesionDiameterMm: 8 }. */
  labels: Record<string, PhantomLabelValue>;
  /** Lesion mask, row-major: 1 = lesion, 0 = not. */
  masks: Uint8Array;
  /** Bounding boxes of the lesions (one per lesion), each containing its mask. */
  boxes: PhantomBox[];
  /**
   * Tissue index per pixel before blur and noise (see each generator's `tissueNames`), for
   * segmentation exercises and for tests that sample a structure.
   */
  tissues: Uint8Array;
  /** Name of each tissue index in `tissues`. */
  tissueNames: readonly string[];
}

/**
 * The bounding box of the pixels where `mask[i] === value`, or undefined if there are none.
 */
export function maskBox(
  mask: Uint8Array,
  rows: number,
  columns: number,
  label: string,
  value = 1,
): PhantomBox | undefined {
  let top = rows;
  let bottom = -1;
  let left = columns;
  let right = -1;
  for (let r = 0; r < rows; r++) {
    const base = r * columns;
    for (let c = 0; c < columns; c++) {
      if (mask[base + c] !== value) continue;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  if (bottom < 0) return undefined;
  return { row: top, column: left, height: bottom - top + 1, width: right - left + 1, label };
}

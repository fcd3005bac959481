/**
 * The fixed set-up of the backprop lesson's tiny CNN and of its chest-CT patches: network shape,
 * lung window, nodule sizes and pixel spacing. Plain constants with no generator behind them, so
 * that lesson texts can quote them without loading the patch generators or the training code.
 */
import { CT_PATCH_SPACING_MM } from '../datasets/ctPatchSpacing';
import { requireWindowPreset } from '../imaging/display/windowPresets';
import type { TinyCnnShape } from './buildTinyCnn';

export { CT_PATCH_SPACING_MM };

/** The tiny CNN of the lesson: 8×8 patches, a 3×3 kernel, 2×2 max pooling (6×6 → 3×3), 9 dense weights. */
export const TINY_CNN_SHAPE: TinyCnnShape = { size: 8, kernel: 3, pool: 2 };

const lung = requireWindowPreset('lung');

/** The lung window used to scale CT patches (width and level in HU): the viewer's `lung` preset. */
export const LUNG_WINDOW = { width: lung.width, level: lung.center } as const;

/** Range of the nodule diameters in CT patches, mm (uniform). */
export const NODULE_DIAMETER_MM = [6, 10] as const;

/**
 * The pixel size of the lessons' chest-CT phantom patches, on its own so that lesson texts can
 * quote it without loading the patch generators.
 */

/** Pixel size of the lesson's CT patches: 32 px × 0.7 mm = a 22.4 mm field of lung. */
export const CT_PATCH_SPACING_MM = 0.7;

/** A synthetic CT slice for the widget tests, as if the learner had opened their own file. */
import { windowToUnit } from '../../../src/core/models/preprocessSlice';
import type { LessonSlice } from '../../../src/lessons/shared/lessonSlice';

/**
 * A `width × height` {@link LessonSlice} whose pixel (row, column) holds `hu(row, column)` HU:
 * id 'own', name 'synthetic', 0.7 mm pixels, lung window (level −600, width 1500) with the
 * intensities windowed from it; `extra` replaces any field.
 */
export function ctLessonSlice(
  width: number,
  height: number,
  hu: (row: number, column: number) => number,
  extra: Partial<LessonSlice> = {},
): LessonSlice {
  const values = new Float32Array(width * height);
  for (let row = 0; row < height; row++)
    for (let column = 0; column < width; column++) values[row * width + column] = hu(row, column);
  const window = { center: -600, width: 1500 };
  return {
    id: 'own',
    name: 'synthetic',
    width,
    height,
    values,
    unit: 'HU',
    window,
    intensity: values.map((v) => windowToUnit(v, window.center, window.width)),
    spacingMm: 0.7,
    ...extra,
  };
}

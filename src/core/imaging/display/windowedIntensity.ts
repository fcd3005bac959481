/**
 * What a network is fed from a slice: the display grey levels of a VOI window (PS3.3 C.11.2.1.2.1,
 * {@link applyWindow}) divided by 255, so that every value lies in [0, 1]. The same pre-processing
 * the lessons show as "window → normalise".
 */
import { applyWindow } from './applyWindow';
import type { VoiWindow } from './voiWindow';

/**
 * Windowed, normalised intensities: `applyWindow(values, c, w)[i] / 255`, each in [0, 1].
 * @throws RangeError for a window width below 1 (as {@link applyWindow}).
 */
export function windowedIntensity(values: Float32Array, window: VoiWindow): Float32Array {
  const grey = applyWindow(values, window.center, window.width);
  const out = new Float32Array(grey.length);
  for (let i = 0; i < grey.length; i++) out[i] = grey[i]! / 255;
  return out;
}

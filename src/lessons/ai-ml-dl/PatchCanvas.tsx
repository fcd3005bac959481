import { useMemo } from 'react';
import type { RenderableImage } from '../../core/imaging/display/renderToRgba';
import { requireWindowPreset } from '../../core/imaging/display/windowPresets';
import { WindowedImage } from '../radiology-images/WindowedImage';

/** The lung window the patches are shown in. */
const LUNG_WINDOW = requireWindowPreset('lung');

/**
 * One HU patch through the display pipeline ({@link WindowedImage}) in the lung window, enlarged
 * by CSS with crisp pixels. Purely visual: the caption next to it carries the meaning.
 */
export function PatchCanvas({
  image,
  size,
  scale = 3,
  label,
}: {
  image: Float32Array;
  size: number;
  scale?: number;
  label: string;
}) {
  const frame = useMemo<RenderableImage>(
    () => ({
      values: image,
      rows: size,
      columns: size,
      samplesPerPixel: 1,
      photometricInterpretation: 'MONOCHROME2',
    }),
    [image, size],
  );
  return (
    <div className="aimldl-patch" style={{ width: size * scale }}>
      <WindowedImage image={frame} window={LUNG_WINDOW} label={label} />
    </div>
  );
}

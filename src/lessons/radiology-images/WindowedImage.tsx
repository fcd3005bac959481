import { useEffect, useRef } from 'react';
import { renderToRgba, type RenderableImage } from '../../core/imaging/display/renderToRgba';
import type { VoiWindow } from '../../core/imaging/display/voiWindow';

/**
 * A still image: one frame through the display pipeline ({@link renderToRgba}) into a canvas at its
 * native size, scaled by CSS. For side-by-side comparisons where the full Viewer would not fit.
 */
export function WindowedImage({
  image,
  window,
  label,
  testId,
}: {
  image: RenderableImage;
  window: VoiWindow | null;
  label: string;
  testId?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    canvas.width = image.columns;
    canvas.height = image.rows;
    const rgba = renderToRgba(image, window);
    ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba), image.columns, image.rows), 0, 0);
  }, [image, window]);
  return <canvas ref={ref} className="windowed-image" role="img" aria-label={label} data-testid={testId} />;
}

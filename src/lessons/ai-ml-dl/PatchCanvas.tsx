import { useEffect, useRef } from 'react';

/**
 * One HU patch drawn in a window (grey = (HU − (centre − width/2)) / width, clipped), enlarged with
 * crisp pixels. Purely visual: the caption next to it carries the meaning.
 */
export function PatchCanvas({
  image,
  size,
  center = -600,
  width = 1500,
  scale = 3,
  label,
}: {
  image: Float32Array;
  size: number;
  center?: number;
  width?: number;
  scale?: number;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext?.('2d');
    if (!canvas || !ctx) return;
    const data = ctx.createImageData(size, size);
    const low = center - width / 2;
    for (let i = 0; i < size * size; i++) {
      const g = Math.round(255 * Math.min(1, Math.max(0, ((image[i] ?? low) - low) / width)));
      data.data[4 * i] = g;
      data.data[4 * i + 1] = g;
      data.data[4 * i + 2] = g;
      data.data[4 * i + 3] = 255;
    }
    ctx.putImageData(data, 0, 0);
  }, [image, size, center, width]);
  return (
    <canvas
      ref={ref}
      className="aimldl-patch"
      width={size}
      height={size}
      style={{ width: size * scale, height: size * scale }}
      role="img"
      aria-label={label}
    />
  );
}

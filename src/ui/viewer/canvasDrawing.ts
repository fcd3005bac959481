/**
 * Canvas drawing for the viewer (DOM, no React): frame → RGBA → an offscreen canvas at native size,
 * then drawn scaled into the visible canvas with the crosshair on top. Every function tolerates a
 * missing 2D context (jsdom, a lost context) by drawing nothing.
 */
import { renderToRgba } from '../../core/imaging/display/renderToRgba';
import type { DisplayFrame } from '../../core/imaging/display/displayFrame';
import type { VoiWindow } from '../../core/imaging/display/voiWindow';
import { imageToCanvas, type ImageLayout } from './viewTransform';

/** Reused buffers of one viewer: the RGBA bytes, their ImageData and the native-size canvas. */
export interface FrameBuffers {
  rgba: Uint8ClampedArray<ArrayBuffer> | null;
  imageData: ImageData | null;
  offscreen: HTMLCanvasElement | null;
}

/** Empty buffers. */
export function createFrameBuffers(): FrameBuffers {
  return { rgba: null, imageData: null, offscreen: null };
}

/**
 * Windows `frame` into `buffers.offscreen` (allocated or resized only when the image size changes).
 * Returns false when there is no 2D context to draw with.
 */
export function renderFrame(
  buffers: FrameBuffers,
  frame: DisplayFrame,
  window: VoiWindow,
  invert: boolean,
): boolean {
  const { rows, columns } = frame;
  if (!buffers.offscreen) buffers.offscreen = document.createElement('canvas');
  const off = buffers.offscreen;
  if (off.width !== columns || off.height !== rows) {
    off.width = columns;
    off.height = rows;
  }
  const ctx = off.getContext('2d');
  if (!ctx) return false;
  const n = rows * columns * 4;
  if (!buffers.rgba || buffers.rgba.length !== n) {
    buffers.rgba = new Uint8ClampedArray(n);
    buffers.imageData = null;
  }
  renderToRgba(frame, window, { invert }, buffers.rgba);
  if (!buffers.imageData || buffers.imageData.width !== columns || buffers.imageData.height !== rows) {
    buffers.imageData = new ImageData(buffers.rgba, columns, rows);
  }
  ctx.putImageData(buffers.imageData, 0, 0);
  return true;
}

/**
 * Draws the offscreen image into `canvas` (sized to its CSS box × devicePixelRatio) at `layout`,
 * without smoothing when magnified, plus the crosshair at `crosshair` when given.
 */
export function drawView(
  canvas: HTMLCanvasElement,
  buffers: FrameBuffers,
  layout: ImageLayout | null,
  cssWidth: number,
  cssHeight: number,
  crosshair: { row: number; column: number } | null,
): void {
  const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const w = Math.max(1, Math.round(cssWidth * dpr));
  const h = Math.max(1, Math.round(cssHeight * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#000000';
  ctx.fillRect(0, 0, cssWidth, cssHeight);
  const off = buffers.offscreen;
  if (!off || !layout) return;
  ctx.imageSmoothingEnabled = layout.scaleX < 1;
  const iw = off.width * layout.scaleX;
  const ih = off.height * layout.scaleY;
  ctx.drawImage(off, layout.offsetX, layout.offsetY, iw, ih);
  if (crosshair) drawCrosshair(ctx, layout, crosshair, iw, ih);
}

/** Two-tone lines (dark under light) through the pixel's centre, and a box around the pixel when it is large enough. */
function drawCrosshair(
  ctx: CanvasRenderingContext2D,
  layout: ImageLayout,
  p: { row: number; column: number },
  iw: number,
  ih: number,
): void {
  const { x, y } = imageToCanvas(p.row, p.column, layout);
  const gap = Math.max(6, layout.scaleX);
  const segments: [number, number, number, number][] = [
    [layout.offsetX, y, x - gap, y],
    [x + gap, y, layout.offsetX + iw, y],
    [x, layout.offsetY, x, y - gap],
    [x, y + gap, x, layout.offsetY + ih],
  ];
  for (const [width, colour] of [
    [3, 'rgba(0, 0, 0, 0.85)'],
    [1, '#ffd54a'],
  ] as const) {
    ctx.lineWidth = width;
    ctx.strokeStyle = colour;
    ctx.beginPath();
    for (const [x0, y0, x1, y1] of segments) {
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1, y1);
    }
    if (layout.scaleX >= 6) {
      ctx.rect(x - layout.scaleX / 2, y - layout.scaleY / 2, layout.scaleX, layout.scaleY);
    }
    ctx.stroke();
  }
}

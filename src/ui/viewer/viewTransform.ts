/**
 * Pure geometry of the viewer: where the image sits in the canvas for a zoom and pan, and which
 * image pixel lies under a canvas point. Canvas coordinates are CSS pixels from the canvas's
 * top-left corner; image coordinates are (row, column), 0-based.
 */

/** Zoom relative to "fit to view" (1 = the whole image fits), and pan in CSS pixels. */
export interface ViewState {
  zoom: number;
  panX: number;
  panY: number;
}

/** The view that fits the whole image, centred. */
export const FIT_VIEW: ViewState = { zoom: 1, panX: 0, panY: 0 };

/** Zoom limits, relative to fit. */
export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 64;

/** Where the image is drawn: CSS px per image pixel (x, y) and the image's top-left corner. */
export interface ImageLayout {
  scaleX: number;
  scaleY: number;
  offsetX: number;
  offsetY: number;
}

/** Size of the drawing surface and of the image. */
export interface Geometry {
  viewWidth: number;
  viewHeight: number;
  rows: number;
  columns: number;
  /** Height of a pixel over its width (row spacing / column spacing); 1 for square pixels. */
  pixelAspect?: number;
}

/**
 * The layout of the image: the fit scale is min(viewW / columns, viewH / (rows × aspect)), times
 * `view.zoom`; the image is centred, then moved by the pan.
 */
export function layoutFor(g: Geometry, view: ViewState): ImageLayout {
  const aspect = g.pixelAspect && g.pixelAspect > 0 ? g.pixelAspect : 1;
  const fit = Math.min(g.viewWidth / g.columns, g.viewHeight / (g.rows * aspect));
  const scaleX = fit * view.zoom;
  const scaleY = scaleX * aspect;
  return {
    scaleX,
    scaleY,
    offsetX: (g.viewWidth - g.columns * scaleX) / 2 + view.panX,
    offsetY: (g.viewHeight - g.rows * scaleY) / 2 + view.panY,
  };
}

/** The image pixel under canvas point (x, y), or null outside the image. */
export function canvasToImage(
  x: number,
  y: number,
  layout: ImageLayout,
  rows: number,
  columns: number,
): { row: number; column: number } | null {
  const column = Math.floor((x - layout.offsetX) / layout.scaleX);
  const row = Math.floor((y - layout.offsetY) / layout.scaleY);
  if (!Number.isFinite(row) || !Number.isFinite(column)) return null;
  if (row < 0 || column < 0 || row >= rows || column >= columns) return null;
  return { row, column };
}

/** The canvas point at the centre of pixel (row, column). */
export function imageToCanvas(row: number, column: number, layout: ImageLayout): { x: number; y: number } {
  return {
    x: layout.offsetX + (column + 0.5) * layout.scaleX,
    y: layout.offsetY + (row + 0.5) * layout.scaleY,
  };
}

/** `zoom` kept within [MIN_ZOOM, MAX_ZOOM]. */
export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/**
 * Zooms by `factor` keeping the image point under canvas point (x, y) where it is (wheel zoom);
 * with (x, y) at the view's centre it zooms about the centre (buttons, keys).
 */
export function zoomAt(view: ViewState, factor: number, x: number, y: number, g: Geometry): ViewState {
  const before = layoutFor(g, view);
  const zoom = clampZoom(view.zoom * factor);
  const after = layoutFor(g, { zoom, panX: 0, panY: 0 });
  // The image coordinate (in pixels) under (x, y) must stay under (x, y).
  const u = (x - before.offsetX) / before.scaleX;
  const v = (y - before.offsetY) / before.scaleY;
  return { zoom, panX: x - u * after.scaleX - after.offsetX, panY: y - v * after.scaleY - after.offsetY };
}

/** Zooms by `factor` about the view's centre (buttons and keys): the pan scales with the zoom. */
export function zoomAboutCentre(view: ViewState, factor: number): ViewState {
  const zoom = clampZoom(view.zoom * factor);
  const k = zoom / view.zoom;
  return { zoom, panX: view.panX * k, panY: view.panY * k };
}

/**
 * Zoom factor for a wheel event: exp(−deltaY × 0.0015) with deltaY in pixels (lines count 16 px,
 * pages 800 px; WheelEvent.deltaMode 0/1/2), so a 100 px mouse-wheel notch zooms by about 1.16 and
 * small trackpad deltas zoom smoothly. Limited to ×2 or ÷2 per event.
 */
export function wheelZoomFactor(deltaY: number, deltaMode = 0): number {
  const px = deltaY * (deltaMode === 1 ? 16 : deltaMode === 2 ? 800 : 1);
  return Math.min(2, Math.max(0.5, Math.exp(-px * 0.0015)));
}

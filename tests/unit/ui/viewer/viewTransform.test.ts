import { describe, expect, it } from 'vitest';
import {
  canvasToImage,
  FIT_VIEW,
  imageToCanvas,
  layoutFor,
  MAX_ZOOM,
  wheelZoomFactor,
  zoomAboutCentre,
  zoomAt,
} from '../../../../src/ui/viewer/viewTransform';

describe('layoutFor', () => {
  it('fits a 4×4 image into 400×400 at 100 px per pixel', () => {
    expect(layoutFor({ viewWidth: 400, viewHeight: 400, rows: 4, columns: 4 }, FIT_VIEW)).toEqual({
      scaleX: 100,
      scaleY: 100,
      offsetX: 0,
      offsetY: 0,
    });
  });

  it('letterboxes a wide image and centres it', () => {
    // 8 columns × 2 rows in 400×400: fit = min(400/8, 400/2) = 50; image 400×100, top at (400 − 100)/2 = 150.
    expect(layoutFor({ viewWidth: 400, viewHeight: 400, rows: 2, columns: 8 }, FIT_VIEW)).toEqual({
      scaleX: 50,
      scaleY: 50,
      offsetX: 0,
      offsetY: 150,
    });
  });

  it('applies zoom, pan and non-square pixels', () => {
    // 4×4, pixels twice as tall as wide: fit = min(400/4, 400/(4·2)) = 50; zoom 2 → 100 × 200 px per pixel.
    const l = layoutFor(
      { viewWidth: 400, viewHeight: 400, rows: 4, columns: 4, pixelAspect: 2 },
      { zoom: 2, panX: 10, panY: -20 },
    );
    expect(l).toEqual({ scaleX: 100, scaleY: 200, offsetX: 10, offsetY: (400 - 800) / 2 - 20 });
  });
});

describe('canvas ↔ image coordinates', () => {
  const layout = { scaleX: 100, scaleY: 100, offsetX: 0, offsetY: 0 };

  it('maps a canvas point to the pixel under it', () => {
    expect(canvasToImage(250, 150, layout, 4, 4)).toEqual({ row: 1, column: 2 });
    expect(canvasToImage(0, 0, layout, 4, 4)).toEqual({ row: 0, column: 0 });
    expect(canvasToImage(399.9, 399.9, layout, 4, 4)).toEqual({ row: 3, column: 3 });
  });

  it('returns null outside the image', () => {
    expect(canvasToImage(400, 10, layout, 4, 4)).toBeNull();
    expect(canvasToImage(-0.1, 10, layout, 4, 4)).toBeNull();
    const letterboxed = { scaleX: 50, scaleY: 50, offsetX: 0, offsetY: 150 };
    expect(canvasToImage(10, 100, letterboxed, 2, 8)).toBeNull();
    expect(canvasToImage(10, 160, letterboxed, 2, 8)).toEqual({ row: 0, column: 0 });
  });

  it('imageToCanvas gives the pixel centre, which maps back to the same pixel', () => {
    const l = { scaleX: 37, scaleY: 21, offsetX: -13, offsetY: 7 };
    expect(imageToCanvas(2, 3, l)).toEqual({ x: -13 + 3.5 * 37, y: 7 + 2.5 * 21 });
    for (let r = 0; r < 5; r++)
      for (let c = 0; c < 6; c++) {
        const p = imageToCanvas(r, c, l);
        expect(canvasToImage(p.x, p.y, l, 5, 6)).toEqual({ row: r, column: c });
      }
  });
});

describe('zoom', () => {
  const g = { viewWidth: 400, viewHeight: 400, rows: 4, columns: 4 };

  it('zoomAt keeps the point under the cursor fixed', () => {
    const v = zoomAt(FIT_VIEW, 2, 300, 100, g);
    // Before: (300, 100) is image point (3, 1) in pixel units; after zooming ×2 it must still be at (300, 100).
    const l = layoutFor(g, v);
    expect((300 - l.offsetX) / l.scaleX).toBeCloseTo(3);
    expect((100 - l.offsetY) / l.scaleY).toBeCloseTo(1);
    expect(v.zoom).toBe(2);
  });

  it('zoomAboutCentre scales the pan and clamps the zoom', () => {
    expect(zoomAboutCentre({ zoom: 2, panX: 10, panY: -4 }, 2)).toEqual({ zoom: 4, panX: 20, panY: -8 });
    expect(zoomAboutCentre({ zoom: MAX_ZOOM, panX: 0, panY: 0 }, 2).zoom).toBe(MAX_ZOOM);
  });
});

describe('wheelZoomFactor', () => {
  it('zooms in for negative deltaY and out for positive, e^(∓0.15) per 100 px', () => {
    expect(wheelZoomFactor(-100)).toBeCloseTo(Math.exp(0.15), 12);
    expect(wheelZoomFactor(100)).toBeCloseTo(Math.exp(-0.15), 12);
    expect(wheelZoomFactor(0)).toBe(1);
  });

  it('converts lines and pages to pixels, and limits one event to ×2 / ÷2', () => {
    expect(wheelZoomFactor(-3, 1)).toBeCloseTo(Math.exp(48 * 0.0015), 12);
    expect(wheelZoomFactor(-1, 2)).toBe(2);
    expect(wheelZoomFactor(5000)).toBe(0.5);
  });
});

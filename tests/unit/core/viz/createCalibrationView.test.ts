// @vitest-environment jsdom
/**
 * The reliability diagram engine: one marker per non-empty bin at (mean predicted, observed rate),
 * its area proportional to the count, the diagonal, and a histogram bar per bin whose height is
 * proportional to the count.
 */
import { describe, expect, it } from 'vitest';
import { calibrationBins } from '../../../../src/core/training/calibration';
import {
  CALIBRATION_LAYOUT as L,
  createCalibrationView,
  markerRadius,
} from '../../../../src/core/viz/createCalibrationView';
import { domHostPerTest } from '../../helpers/domHost';

const makeHost = domHostPerTest();

// Five bins of width 0.2. Bin 0: 0.1, 0.1 (labels 0, 0) → mean 0.1, observed 0.
// Bin 2: 0.5 (1) → mean 0.5, observed 1. Bin 4: 0.9, 0.9, 0.9, 1.0 (1, 1, 0, 1) → mean 0.925, observed 0.75.
const probs = [0.1, 0.1, 0.5, 0.9, 0.9, 0.9, 1.0];
const labels = [0, 0, 1, 1, 1, 0, 1];
const bins = calibrationBins(probs, labels, 5);

const W = 340;
const M = L.margin;
const px = (v: number): number => M.left + v * (W - M.left - M.right);
const py = (v: number): number => M.top + L.plotHeight - v * L.plotHeight;

describe('createCalibrationView', () => {
  it('markerRadius: area proportional to count', () => {
    expect(markerRadius(4, 4)).toBe(L.maxRadius);
    expect(markerRadius(1, 4)).toBe(L.maxRadius / 2);
    expect(markerRadius(0, 4)).toBe(0);
    expect(markerRadius(1, 1000)).toBe(L.minRadius);
  });

  it('draws the markers, the histogram and the diagonal at the scales', () => {
    const host = makeHost();
    const view = createCalibrationView(host, { title: 'Calibration', description: 'bins' });
    view.update({
      bins,
      xLabel: 'mean predicted',
      yLabel: 'observed',
      histogramLabel: 'predictions',
      binText: (b) => `${b.count}`,
    });
    const svg = host.querySelector('[data-testid="calibration-view"]')!;
    expect(svg.getAttribute('data-bins')).toBe('5');
    expect(svg.getAttribute('data-total')).toBe('7');
    const markers = [...host.querySelectorAll('.calibration-view__markers circle')];
    expect(markers.map((m) => Number(m.getAttribute('data-count')))).toEqual([2, 1, 4]);
    const expected = [
      [0.1, 0, 2],
      [0.5, 1, 1],
      [0.925, 0.75, 4],
    ];
    markers.forEach((m, i) => {
      const [mean, observed, count] = expected[i]!;
      expect(Number(m.getAttribute('cx'))).toBeCloseTo(px(mean!), 9);
      expect(Number(m.getAttribute('cy'))).toBeCloseTo(py(observed!), 9);
      expect(Number(m.getAttribute('r'))).toBeCloseTo(L.maxRadius * Math.sqrt(count! / 4), 12);
    });
    expect(markers[2]!.querySelector('title')?.textContent).toBe('4');
    const bars = [...host.querySelectorAll('.calibration-view__histogram rect')];
    expect(bars.map((b) => Number(b.getAttribute('height')))).toEqual([
      L.histogramHeight / 2,
      0,
      L.histogramHeight / 4,
      0,
      L.histogramHeight,
    ]);
    // Bars stand on the x axis.
    const histBottom = M.top + L.plotHeight + L.gap + L.histogramHeight;
    expect(Number(bars[4]!.getAttribute('y')) + Number(bars[4]!.getAttribute('height'))).toBe(histBottom);
    expect(Number(bars[1]!.getAttribute('x'))).toBeCloseTo(px(0.2) + 0.5, 9);
    const diagonal = host.querySelector('.calibration-view__diagonal')!;
    expect(Number(diagonal.getAttribute('y1'))).toBe(py(0));
    expect(Number(diagonal.getAttribute('x2'))).toBe(px(1));
    expect(host.querySelector('.calibration-view__histogram-label')?.textContent).toBe('predictions');
    view.destroy();
    expect(host.innerHTML).toBe('');
  });
});

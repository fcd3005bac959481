// @vitest-environment jsdom
/** The training-curves engine: positions against hand-computed scales, decimation, moving average. */
import { describe, expect, it } from 'vitest';
import {
  CURVES_LAYOUT,
  batchX,
  createTrainingCurvesView,
  decimate,
  movingAverage,
  type CurvePoint,
  type CurvesRun,
  type TrainingCurvesTexts,
} from '../../../../src/core/viz/createTrainingCurvesView';
import type { BatchRecord, EpochRecord } from '../../../../src/core/training/trainingTypes';
import { domHostPerTest } from '../../helpers/domHost';

const makeHost = domHostPerTest();

const texts: TrainingCurvesTexts = {
  title: 'Curves',
  description: 'Loss and accuracy',
  xLabel: 'epoch',
  lossLabel: 'loss',
  accuracyLabel: 'accuracy',
  batchLabel: 'batch',
  averageLabel: 'average',
  trainEpochLabel: 'training',
  validationLabel: 'validation',
};

function epoch(
  e: number,
  trainLoss: number,
  valLoss: number | null,
  trainAcc = 0.5,
  valAcc = 0.5,
): EpochRecord {
  return {
    epoch: e,
    trainLoss,
    trainAccuracy: trainAcc,
    validationLoss: valLoss,
    validationAccuracy: valLoss === null ? null : valAcc,
    validationAuc: null,
    trainMs: 1,
  };
}

/** Parses a polyline's points. */
function points(el: Element | null): [number, number][] {
  const text = el?.getAttribute('points') ?? '';
  if (text === '') return [];
  return text.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
}

describe('helpers', () => {
  it('batchX: batch k of epoch e at e − 1 + k/B', () => {
    const B = 4;
    expect(batchX({ step: 1, epoch: 1, loss: 0, accuracy: 0 }, B)).toBe(0.25);
    expect(batchX({ step: 4, epoch: 1, loss: 0, accuracy: 0 }, B)).toBe(1);
    expect(batchX({ step: 6, epoch: 2, loss: 0, accuracy: 0 }, B)).toBe(1.5);
  });

  it('movingAverage: trailing means, hand-worked', () => {
    expect(movingAverage([2, 4, 6, 8], 2)).toEqual([2, 3, 5, 7]);
    expect(movingAverage([1, 2, 3, 4, 5], 3)).toEqual([1, 1.5, 2, 3, 4]);
    expect(movingAverage([5, 7], 1)).toEqual([5, 7]);
  });

  it('decimate keeps short series whole and long ones within the limit, with first, last and extremes', () => {
    const short: CurvePoint[] = [
      [0, 1],
      [1, 2],
    ];
    expect(decimate(short, 10)).toEqual(short);
    const n = 5000;
    const pts: CurvePoint[] = Array.from({ length: n }, (_, i) => [
      i,
      Math.sin(i / 37) + (i === 2345 ? 9 : 0) - (i === 4321 ? 7 : 0),
    ]);
    const d = decimate(pts, 800);
    expect(d.length).toBeLessThanOrEqual(800);
    expect(d.length).toBeGreaterThan(700);
    expect(d[0]).toEqual(pts[0]);
    expect(d[d.length - 1]).toEqual(pts[n - 1]);
    const ys = d.map((p) => p[1]);
    expect(Math.max(...ys)).toBe(Math.max(...pts.map((p) => p[1])));
    expect(Math.min(...ys)).toBe(Math.min(...pts.map((p) => p[1])));
    expect(d).toContainEqual(pts[2345]);
    expect(d).toContainEqual(pts[4321]);
    for (let i = 1; i < d.length; i++) expect(d[i]![0]).toBeGreaterThan(d[i - 1]![0]);
  });
});

describe('createTrainingCurvesView', () => {
  const { width: W, panelHeight: PH, margin: M } = CURVES_LAYOUT;
  /** x in [0, xMax] and y in [0, yMax] to SVG units inside a panel. */
  const px = (x: number, xMax: number) => M.left + (x / xMax) * (W - M.left - M.right);
  const py = (y: number, yMax: number) => PH - M.bottom - (y / yMax) * (PH - M.bottom - M.top);

  const B = 2;
  const batches: BatchRecord[] = [
    { step: 1, epoch: 1, loss: 1, accuracy: 0.25 },
    { step: 2, epoch: 1, loss: 0.5, accuracy: 0.5 },
    { step: 3, epoch: 2, loss: 0.75, accuracy: 0.75 },
    { step: 4, epoch: 2, loss: 0.25, accuracy: 1 },
  ];
  const run: CurvesRun = {
    id: 'current',
    label: 'now',
    batchesPerEpoch: B,
    batches,
    epochs: [epoch(1, 0.75, 0.5, 0.375, 0.5), epoch(2, 0.5, 0.25, 0.875, 0.75)],
  };

  it('works with default texts and no planned epochs', () => {
    const host = makeHost();
    const view = createTrainingCurvesView(host, {});
    view.update({ batches, epochs: run.epochs, batchesPerEpoch: B, runs: [] });
    expect(host.querySelector('svg title')?.textContent).toBe('Training curves');
    // x spans the 2 epochs drawn.
    const val = points(host.querySelector('[data-series="current-loss-val"] polyline'));
    expect(val[1]![0]).toBeCloseTo(px(2, 2), 1);
    view.destroy();
  });

  it('places batches, the moving average and epoch points on the scales; counts in data attributes', () => {
    const host = makeHost();
    const view = createTrainingCurvesView(host, { texts });
    view.update({ batches, batchesPerEpoch: B, epochs: run.epochs, runs: [], plannedEpochs: 4 });
    const svg = host.querySelector('svg[data-testid="training-curves"]')!;
    expect(svg.getAttribute('data-batches')).toBe('4');
    expect(svg.getAttribute('data-epochs')).toBe('2');
    expect(svg.querySelector('title')?.textContent).toBe('Curves');
    const loss = host.querySelector('[data-panel="loss"]')!;
    // x spans the 4 planned epochs; max loss 1 gives the loss axis 0…1.
    const batchLine = points(loss.querySelector('[data-series="current-loss-batch"] polyline'));
    expect(batchLine).toEqual(
      [
        [0.5, 1],
        [1, 0.5],
        [1.5, 0.75],
        [2, 0.25],
      ].map(([x, y]) => [expect.closeTo(px(x!, 4), 1), expect.closeTo(py(y!, 1), 1)]),
    );
    // Window round(B/2) = 1 → the average equals the batches here.
    const avg = points(loss.querySelector('[data-series="current-loss-avg"] polyline'));
    expect(avg).toEqual(batchLine);
    const val = points(loss.querySelector('[data-series="current-loss-val"] polyline'));
    expect(val).toEqual([
      [expect.closeTo(px(1, 4), 1), expect.closeTo(py(0.5, 1), 1)],
      [expect.closeTo(px(2, 4), 1), expect.closeTo(py(0.25, 1), 1)],
    ]);
    expect(loss.querySelectorAll('[data-series="current-loss-val"] path')).toHaveLength(2);
    const acc = host.querySelector('[data-panel="accuracy"]')!;
    const trainAcc = points(acc.querySelector('[data-series="current-accuracy-train"] polyline'));
    expect(trainAcc).toEqual([
      [expect.closeTo(px(1, 4), 1), expect.closeTo(py(0.375, 1), 1)],
      [expect.closeTo(px(2, 4), 1), expect.closeTo(py(0.875, 1), 1)],
    ]);
    // Validation dashed, training solid: lines differ without colour.
    expect(
      loss.querySelector('[data-series="current-loss-val"] polyline')?.getAttribute('stroke-dasharray'),
    ).toBeTruthy();
    expect(
      loss.querySelector('[data-series="current-loss-train"] polyline')?.getAttribute('stroke-dasharray'),
    ).toBeNull();
    view.destroy();
    expect(host.innerHTML).toBe('');
  });

  it('draws earlier runs faded with a legend entry, updates in place, and skips missing validation', () => {
    const host = makeHost();
    const view = createTrainingCurvesView(host, { texts });
    const earlier: CurvesRun = {
      ...run,
      id: 'run1',
      label: 'Run 1',
      epochs: [epoch(1, 2, null), epoch(2, 1, null)],
    };
    view.update({ batches: [], epochs: [], batchesPerEpoch: 1, runs: [earlier], plannedEpochs: 2 });
    const loss = host.querySelector('[data-panel="loss"]')!;
    const g = loss.querySelector('[data-series="run1-loss-train"]')!;
    expect(Number(g.getAttribute('opacity'))).toBeLessThan(1);
    // Max loss 2 → axis 0…2; x spans 2 epochs.
    expect(points(g.querySelector('polyline'))).toEqual([
      [expect.closeTo(px(1, 2), 1), expect.closeTo(py(2, 2), 1)],
      [expect.closeTo(px(2, 2), 1), expect.closeTo(py(1, 2), 1)],
    ]);
    expect(points(loss.querySelector('[data-series="run1-loss-val"] polyline'))).toEqual([]);
    expect([...host.querySelectorAll('.training-curves-view__key text')].map((t) => t.textContent)).toContain(
      'Run 1',
    );
    expect(host.querySelector('svg')?.getAttribute('data-batches')).toBe('0');

    view.update({ batches, batchesPerEpoch: B, epochs: run.epochs, runs: [earlier], plannedEpochs: 2 });
    expect(host.querySelectorAll('svg')).toHaveLength(1);
    expect(host.querySelector('svg')?.getAttribute('data-batches')).toBe('4');
    expect(host.querySelectorAll('[data-panel="loss"] g.training-curves-view__series')).toHaveLength(7);
    view.destroy();
  });

  it('decimates thousands of batches to at most 800 points per series', () => {
    const n = 6000;
    const many: BatchRecord[] = Array.from({ length: n }, (_, i) => ({
      step: i + 1,
      epoch: Math.floor(i / 100) + 1,
      loss: 1 / (1 + i / 100),
      accuracy: 0.5,
    }));
    const host = makeHost();
    const view = createTrainingCurvesView(host, { texts });
    view.update({
      batches: many,
      epochs: [],
      batchesPerEpoch: 100,
      runs: [],
    });
    const line = points(host.querySelector('[data-series="current-loss-batch"] polyline'));
    expect(line.length).toBeLessThanOrEqual(800);
    expect(line[0]).toEqual([expect.closeTo(px(0.01, 60), 1), expect.closeTo(py(1, 1), 1)]);
    expect(line[line.length - 1]![0]).toBeCloseTo(px(60, 60), 1);
    expect(host.querySelector('svg')?.getAttribute('data-batches')).toBe(String(n));
    view.destroy();
  });
});

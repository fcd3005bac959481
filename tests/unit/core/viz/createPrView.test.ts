// @vitest-environment jsdom
/**
 * The PR engine: the step curve whose area is the average precision, the guessing baseline at the
 * prevalence, and the operating point at the threshold, all where the scales put them.
 */
import { describe, expect, it } from 'vitest';
import { averagePrecision, precisionRecallCurve } from '../../../../src/core/training/binaryMetrics';
import {
  createPrView,
  PR_MARGIN,
  prStepVertices,
  type PrViewState,
} from '../../../../src/core/viz/createPrView';
import { domHostPerTest } from '../../helpers/domHost';

const makeHost = domHostPerTest();

// Sorted descending: 0.9 (1), 0.7 (0), 0.6 (1), 0.2 (0), 0.1 (1). P = 3.
// t = 0.9: TP 1, FP 0 → R 1/3, P 1; t = 0.7: TP 1, FP 1 → R 1/3, P 1/2; t = 0.6: TP 2, FP 1 → R 2/3, P 2/3;
// t = 0.2: TP 2, FP 2 → R 2/3, P 1/2; t = 0.1: TP 3, FP 2 → R 1, P 3/5.
// AP = 1/3·1 + 0·½ + 1/3·2/3 + 0·½ + 1/3·3/5 = 1/3 + 2/9 + 1/5 = (15 + 10 + 9)/45 = 34/45.
const scores = [0.9, 0.7, 0.6, 0.2, 0.1];
const labels = [1, 0, 1, 0, 1];
const points = precisionRecallCurve(scores, labels);

const S = 320;
const M = PR_MARGIN;
const px = (r: number): number => M.left + r * (S - M.left - M.right);
const py = (p: number): number => S - M.bottom - p * (S - M.top - M.bottom);

function state(threshold: number): PrViewState {
  return {
    points,
    ap: averagePrecision(scores, labels),
    apText: 'AP = 0.756',
    prevalence: 3 / 5,
    baselineText: 'guessing: 0.60',
    threshold,
    pointText: 'here',
    xLabel: 'recall',
    yLabel: 'precision',
  };
}

describe('createPrView', () => {
  it('the step vertices enclose the average precision', () => {
    const v = prStepVertices(points);
    expect(v).toEqual([
      [0, 1],
      [1 / 3, 1],
      [1 / 3, 1 / 2],
      [2 / 3, 2 / 3],
      [2 / 3, 1 / 2],
      [1, 3 / 5],
    ]);
    // Area under d3's step-before curve: each segment (x₀→x₁) at the height of its end point.
    let area = 0;
    for (let k = 1; k < v.length; k++) area += (v[k]![0] - v[k - 1]![0]) * v[k]![1];
    expect(area).toBeCloseTo(34 / 45, 12);
    expect(averagePrecision(scores, labels)).toBeCloseTo(34 / 45, 12);
    expect(prStepVertices([])).toEqual([]);
  });

  it('draws the curve, the baseline, AP and the operating point', () => {
    const host = makeHost();
    const view = createPrView(host, { title: 'PR', description: 'curve' });
    view.update(state(0.5));
    const svg = host.querySelector('[data-testid="pr-view"]')!;
    expect(Number(svg.getAttribute('data-ap'))).toBeCloseTo(34 / 45, 12);
    expect(Number(svg.getAttribute('data-baseline'))).toBe(0.6);
    expect(host.querySelector('.pr-view__ap')?.textContent).toBe('AP = 0.756');
    const base = host.querySelector('.pr-view__baseline')!;
    expect(Number(base.getAttribute('y1'))).toBeCloseTo(py(0.6), 9);
    expect(Number(base.getAttribute('x2'))).toBe(px(1));
    // Step-before: from each vertex, up or down to the next height, then across; the path starts at
    // (0, P₁) and ends at (1, 3/5).
    const d = host.querySelector('.pr-view__curve')!.getAttribute('d')!;
    expect(d.startsWith(`M${px(0)},${py(1)}`)).toBe(true);
    const nums = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(nums.at(-2)).toBeCloseTo(px(1), 2);
    expect(nums.at(-1)).toBeCloseTo(py(3 / 5), 2);
    // Between recall 1/3 and 2/3 the curve runs at the precision of the point at 2/3 (2/3).
    const pairs = d
      .slice(1)
      .split('L')
      .map((v) => v.split(',').map(Number));
    expect(pairs).toContainEqual([expect.closeTo(px(1 / 3), 2), expect.closeTo(py(2 / 3), 2)]);
    expect(pairs).toContainEqual([expect.closeTo(px(2 / 3), 2), expect.closeTo(py(2 / 3), 2)]);
    // Threshold 0.5 → scores ≥ 0.5 are the top three: point t = 0.6, (2/3, 2/3).
    const point = host.querySelector('[data-testid="pr-point"]')!;
    expect(point.getAttribute('data-index')).toBe('2');
    expect(Number(point.getAttribute('cx'))).toBeCloseTo(px(2 / 3), 9);
    expect(Number(point.getAttribute('cy'))).toBeCloseTo(py(2 / 3), 9);
    // Above every score nothing is called positive: precision is undefined, no point.
    view.update(state(0.95));
    expect(point.getAttribute('display')).toBe('none');
    view.update(state(0.1));
    expect(Number(point.getAttribute('data-recall'))).toBe(1);
    expect(Number(point.getAttribute('data-precision'))).toBeCloseTo(0.6, 12);
    view.destroy();
    expect(host.innerHTML).toBe('');
  });
});

// @vitest-environment jsdom
/**
 * The ROC engine: the curve's vertices and the operating point sit where the scales put them, the
 * AUC is exposed, the handle is an ARIA slider whose keys move the threshold one distinct score at
 * a time, and dragging moves it to the nearest point of the curve; each move calls `onThreshold`.
 */
import { describe, expect, it, vi } from 'vitest';
import { rocAuc, rocCurve, type RocPoint } from '../../../../src/core/training/rocAuc';
import {
  createRocView,
  keyThreshold,
  nearestPointIndex,
  operatingPointIndex,
  ROC_MARGIN,
  thresholdOfPoint,
  type RocViewState,
} from '../../../../src/core/viz/createRocView';
import { domHostPerTest } from '../../helpers/domHost';

const makeHost = domHostPerTest();

// Scores and labels worked by hand. Sorted descending: 0.9 (1), 0.8 (1), 0.8 (0), 0.6 (0), 0.3 (1), 0.1 (0).
// P = 3, N = 3. Points (Fawcett's algorithm 2, ties together):
//   t = ∞: (0, 0); t = 0.9: (0, 1/3); t = 0.8 (two tied scores, one positive and one negative,
//   taken together → TP 2, FP 1): (1/3, 2/3); t = 0.6: (2/3, 2/3); t = 0.3: (2/3, 1); t = 0.1: (1, 1).
const scores = [0.9, 0.8, 0.8, 0.6, 0.3, 0.1];
const labels = [1, 1, 0, 0, 1, 0];
const points = rocCurve(scores, labels);
// AUC by counting pairs (positive above negative, ties ½): positives 0.9, 0.8, 0.3 vs negatives 0.8, 0.6, 0.1:
// 0.9 beats 3; 0.8 ties 0.8 (½) and beats 0.6, 0.1 → 2.5; 0.3 beats 0.1 → 1. (3 + 2.5 + 1) / 9 = 6.5/9.
const AUC = 6.5 / 9;

const S = 320;
const M = ROC_MARGIN;
const px = (fpr: number): number => M.left + fpr * (S - M.left - M.right);
const py = (tpr: number): number => S - M.bottom - tpr * (S - M.top - M.bottom);

function state(threshold: number): RocViewState {
  return {
    points,
    auc: rocAuc(scores, labels),
    threshold,
    aucText: 'AUC = 0.722',
    xLabel: '1 − specificity',
    yLabel: 'sensitivity',
    handleLabel: 'Threshold',
    valueText: (t: number, p: RocPoint) => `t ${t}: se ${p.tpr.toFixed(2)}, sp ${(1 - p.fpr).toFixed(2)}`,
  };
}

describe('ROC helpers', () => {
  it('the hand-worked curve', () => {
    expect(points.map((p) => [p.fpr, p.tpr, p.threshold])).toEqual([
      [0, 0, Infinity],
      [0, 1 / 3, 0.9],
      [1 / 3, 2 / 3, 0.8],
      [2 / 3, 2 / 3, 0.6],
      [2 / 3, 1, 0.3],
      [1, 1, 0.1],
    ]);
  });

  it('operatingPointIndex: the last point whose threshold is ≥ t', () => {
    expect(operatingPointIndex(points, 0.5)).toBe(3); // scores ≥ 0.5 are those ≥ 0.6
    expect(operatingPointIndex(points, 0.8)).toBe(2); // equality counts as positive
    expect(operatingPointIndex(points, 0.95)).toBe(0);
    expect(operatingPointIndex(points, 0)).toBe(5);
    expect(operatingPointIndex([], 0.5)).toBe(-1);
  });

  it('thresholdOfPoint maps the ∞ point to 1 for probabilities', () => {
    expect(thresholdOfPoint(points, 0)).toBe(1);
    expect(thresholdOfPoint(points, 2)).toBe(0.8);
    const top = rocCurve([1, 0.5], [1, 0]);
    expect(thresholdOfPoint(top, 0)).toBe(1); // a score of 1: the ∞ point has no threshold ≤ 1
  });

  it('keys step to the next distinct score', () => {
    expect(keyThreshold(points, 0.5, 'ArrowUp')).toBe(0.8);
    expect(keyThreshold(points, 0.5, 'ArrowRight')).toBe(0.8);
    expect(keyThreshold(points, 0.5, 'ArrowDown')).toBe(0.3);
    expect(keyThreshold(points, 0.5, 'ArrowLeft')).toBe(0.3);
    expect(keyThreshold(points, 0.6, 'ArrowUp')).toBe(0.8);
    expect(keyThreshold(points, 0.9, 'ArrowUp')).toBe(1);
    expect(keyThreshold(points, 1, 'ArrowUp')).toBe(1);
    expect(keyThreshold(points, 0.1, 'ArrowDown')).toBe(0.1);
    expect(keyThreshold(points, 0.5, 'Home')).toBe(0.1);
    expect(keyThreshold(points, 0.5, 'End')).toBe(1);
    expect(keyThreshold(points, 0.5, 'PageDown')).toBe(0.1);
    expect(keyThreshold(points, 0.5, 'a')).toBeNull();
  });

  it('nearestPointIndex', () => {
    expect(nearestPointIndex(points, 0.3, 0.7)).toBe(2);
    expect(nearestPointIndex(points, 0.9, 0.95)).toBe(5);
  });
});

describe('createRocView', () => {
  it('draws the curve, the AUC and the operating point at the scales', () => {
    const host = makeHost();
    const view = createRocView(host, { title: 'ROC', description: 'curve' });
    view.update(state(0.5));
    const svg = host.querySelector('[data-testid="roc-view"]')!;
    expect(svg.getAttribute('role')).toBe('group');
    expect(Number(svg.getAttribute('data-auc'))).toBeCloseTo(AUC, 12);
    expect(host.querySelector('.roc-view__auc')?.textContent).toBe('AUC = 0.722');
    const d = host.querySelector('.roc-view__curve')!.getAttribute('d')!;
    const vertices = d
      .slice(1)
      .split('L')
      .map((v) => v.split(',').map(Number));
    expect(vertices).toHaveLength(6);
    vertices.forEach(([x, y], i) => {
      // d3-path writes 3 decimals.
      expect(x).toBeCloseTo(px(points[i]!.fpr), 2);
      expect(y).toBeCloseTo(py(points[i]!.tpr), 2);
    });
    const handle = host.querySelector('[data-testid="roc-handle"]')!;
    // Threshold 0.5 → point 3, (2/3, 2/3).
    expect(Number(handle.getAttribute('cx'))).toBeCloseTo(px(2 / 3), 6);
    expect(Number(handle.getAttribute('cy'))).toBeCloseTo(py(2 / 3), 6);
    expect(handle.getAttribute('role')).toBe('slider');
    expect(handle.getAttribute('tabindex')).toBe('0');
    expect(handle.getAttribute('aria-label')).toBe('Threshold');
    expect(handle.getAttribute('aria-valuenow')).toBe('0.5');
    expect(handle.getAttribute('aria-valuetext')).toBe('t 0.5: se 0.67, sp 0.33');
    const diagonal = host.querySelector('.roc-view__diagonal')!;
    expect(Number(diagonal.getAttribute('x1'))).toBe(px(0));
    expect(Number(diagonal.getAttribute('y2'))).toBe(py(1));
    view.destroy();
    expect(host.innerHTML).toBe('');
  });

  it('keyboard: arrows move the threshold to the next distinct score and call back', () => {
    const onThreshold = vi.fn();
    const host = makeHost();
    const view = createRocView(host, { title: 'ROC', description: 'curve', onThreshold });
    view.update(state(0.5));
    const handle = host.querySelector<SVGCircleElement>('[data-testid="roc-handle"]')!;
    const key = (k: string): KeyboardEvent => {
      const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
      handle.dispatchEvent(e);
      return e;
    };
    expect(key('ArrowUp').defaultPrevented).toBe(true);
    expect(onThreshold).toHaveBeenLastCalledWith(0.8);
    expect(handle.getAttribute('aria-valuenow')).toBe('0.8');
    expect(Number(handle.getAttribute('cx'))).toBeCloseTo(px(1 / 3), 6);
    expect(Number(handle.getAttribute('cy'))).toBeCloseTo(py(2 / 3), 6);
    key('ArrowUp');
    expect(onThreshold).toHaveBeenLastCalledWith(0.9);
    key('ArrowDown');
    key('ArrowDown');
    expect(onThreshold).toHaveBeenLastCalledWith(0.6);
    expect(handle.getAttribute('data-index')).toBe('3');
    expect(key('x').defaultPrevented).toBe(false);
    expect(onThreshold).toHaveBeenCalledTimes(4);
    view.destroy();
  });

  it('drag: the pointer picks the nearest curve point', () => {
    const onThreshold = vi.fn();
    const host = makeHost();
    const view = createRocView(host, { title: 'ROC', description: 'curve', onThreshold });
    view.update(state(0.5));
    const svg = host.querySelector<SVGSVGElement>('svg')!;
    // Drawn at twice its viewBox size, 10 px from the page's corner.
    svg.getBoundingClientRect = () =>
      ({ left: 10, top: 10, width: 2 * S, height: 2 * S, right: 10 + 2 * S, bottom: 10 + 2 * S }) as DOMRect;
    const at = (type: string, fpr: number, tpr: number): void => {
      svg.dispatchEvent(
        new PointerEvent(type, {
          clientX: 10 + 2 * px(fpr),
          clientY: 10 + 2 * py(tpr),
          pointerId: 1,
          button: 0,
          bubbles: true,
          cancelable: true,
        }),
      );
    };
    at('pointerdown', 0.05, 0.3); // nearest: (0, 1/3), threshold 0.9
    expect(onThreshold).toHaveBeenLastCalledWith(0.9);
    at('pointermove', 0.7, 0.95); // nearest: (2/3, 1), threshold 0.3
    expect(onThreshold).toHaveBeenLastCalledWith(0.3);
    at('pointerup', 0.7, 0.95);
    at('pointermove', 0, 0); // no longer dragging
    expect(onThreshold).toHaveBeenCalledTimes(2);
    expect(svg.getAttribute('data-threshold')).toBe('0.3');
    view.destroy();
  });

  it('an empty curve (one class) draws no curve and hides the handle', () => {
    const host = makeHost();
    const view = createRocView(host, { title: 'ROC', description: 'curve' });
    view.update({ ...state(0.5), points: [], auc: Number.NaN });
    expect(host.querySelector('.roc-view__curve')?.getAttribute('d')).toBeNull();
    expect(host.querySelector('[data-testid="roc-handle"]')?.getAttribute('display')).toBe('none');
    expect(host.querySelector('svg')?.hasAttribute('data-auc')).toBe(false);
    view.destroy();
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { SCATTER_COLOURS, clipLine, createScatterPlot } from '../../../src/core/viz/scatterPlot';

const base = {
  points: [
    { x: 0, y: 0, cls: 0 as const },
    { x: 1, y: 2, cls: 1 as const },
    { x: 2, y: 1, cls: 1 as const },
  ],
  xLabel: 'Mean HU',
  yLabel: 'Blob filter',
  classNames: ['No nodule', 'Nodule'] as const,
  title: 'A plot',
  description: 'Three points',
  boundaryLabel: 'decision boundary',
  reducedMotion: true,
};

describe('clipLine', () => {
  it('x − y = 0 in [0, 2]²: the diagonal from (0, 0) to (2, 2)', () => {
    expect(clipLine({ wx: 1, wy: -1, b: 0 }, [0, 2], [0, 2])).toEqual([
      [0, 0],
      [2, 2],
    ]);
  });

  it('a vertical line x = 1 (wy = 0) spans the box from bottom to top', () => {
    expect(clipLine({ wx: 2, wy: 0, b: -2 }, [0, 4], [-1, 3])).toEqual([
      [1, -1],
      [1, 3],
    ]);
  });

  it('a line outside the box, or no line at all, gives null', () => {
    expect(clipLine({ wx: 1, wy: 0, b: -10 }, [0, 4], [0, 4])).toBeNull();
    expect(clipLine({ wx: 0, wy: 0, b: 1 }, [0, 4], [0, 4])).toBeNull();
  });
});

describe('createScatterPlot', () => {
  it('draws one mark per point, circles and triangles in two colours, with an accessible name', () => {
    const el = document.createElement('div');
    const plot = createScatterPlot(el, base);
    const svg = el.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(el.querySelector(`#${titleId}`)!.textContent).toBe('A plot');
    expect(el.querySelector(`#${descId}`)!.textContent).toBe('Three points');
    const marks = [...svg.querySelectorAll('path[data-cls]')];
    expect(marks.map((m) => m.getAttribute('data-cls'))).toEqual(['0', '1', '1']);
    expect(marks[0]!.getAttribute('fill')).toBe(SCATTER_COLOURS[0]);
    expect(marks[1]!.getAttribute('fill')).toBe(SCATTER_COLOURS[1]);
    // different shapes, not only colours
    expect(marks[0]!.getAttribute('d')).not.toBe(marks[1]!.getAttribute('d'));
    expect(svg.textContent).toContain('Mean HU');
    expect(svg.textContent).toContain('Nodule');
    expect(el.querySelector('[data-testid="scatter-boundary"]')!.getAttribute('display')).toBe('none');
    expect((marks[1] as SVGElement).style.transform).toMatch(/^translate\(/);
    expect((marks[1] as SVGElement).style.transition).toBe(''); // reduced motion: no movement
    plot.update({ reducedMotion: false });
    expect((marks[1] as SVGElement).style.transition).toContain('transform');
    plot.destroy();
    expect(el.querySelector('svg')).toBeNull();
  });

  it('shows the boundary when given and follows updates', () => {
    const el = document.createElement('div');
    const plot = createScatterPlot(el, { ...base, boundary: { wx: 1, wy: -1, b: 0 } });
    const line = el.querySelector('[data-testid="scatter-boundary"]')!;
    expect(line.getAttribute('display')).toBeNull();
    expect(el.querySelector('svg')!.textContent).toContain('decision boundary');
    plot.update({ points: [...base.points, { x: 3, y: 3, cls: 0 }], boundary: null });
    expect(el.querySelectorAll('path[data-cls]')).toHaveLength(4);
    expect(line.getAttribute('display')).toBe('none');
    expect(el.querySelector('svg')!.textContent).not.toContain('decision boundary');
    plot.destroy();
  });
});

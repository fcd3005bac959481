// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { arrowDelta, pixelAt, SliceOverview } from '../../../src/lessons/shared/SliceOverview';
import type { LessonSlice } from '../../../src/lessons/shared/lessonSlice';

afterEach(() => cleanup());

const slice: LessonSlice = {
  id: 'own',
  name: 'test.png',
  width: 100,
  height: 50,
  values: new Float32Array(5000),
  unit: '',
  window: { center: 0.5, width: 1 },
  intensity: new Float32Array(5000),
};

describe('SliceOverview', () => {
  it('maps a click to the slice pixel under it, clamped into the slice', () => {
    const rect = { left: 10, top: 20, width: 200, height: 100 };
    expect(pixelAt({ clientX: 10, clientY: 20 }, rect, 100, 50)).toEqual([0, 0]);
    expect(pixelAt({ clientX: 110, clientY: 70 }, rect, 100, 50)).toEqual([25, 50]);
    expect(pixelAt({ clientX: 999, clientY: 999 }, rect, 100, 50)).toEqual([49, 99]);
    expect(pixelAt({ clientX: 0, clientY: 0 }, { ...rect, width: 0 }, 100, 50)).toBeNull();
  });

  it('arrow keys nudge (Shift: big) and do not reach the page; other keys pass', () => {
    expect(arrowDelta('ArrowUp')).toEqual([-1, 0]);
    expect(arrowDelta('ArrowRight')).toEqual([0, 1]);
    expect(arrowDelta('a')).toBeNull();
    const onNudge = vi.fn();
    const onPage = vi.fn();
    window.addEventListener('keydown', onPage);
    render(
      <SliceOverview
        slice={slice}
        lang="en"
        box={{ top: 1, left: 2, width: 10, height: 10 }}
        label="Move the crop"
        testId="ov"
        data={{ top: 1 }}
        onPoint={vi.fn()}
        onNudge={onNudge}
      />,
    );
    const ov = screen.getByTestId('ov');
    expect(ov.getAttribute('data-top')).toBe('1');
    expect(ov.getAttribute('aria-label')).toBe('Move the crop');
    fireEvent.keyDown(ov, { key: 'ArrowLeft' });
    fireEvent.keyDown(ov, { key: 'ArrowDown', shiftKey: true });
    expect(onNudge.mock.calls).toEqual([
      [0, -1, false],
      [1, 0, true],
    ]);
    expect(onPage).not.toHaveBeenCalled();
    fireEvent.keyDown(ov, { key: 'x' });
    expect(onPage).toHaveBeenCalledTimes(1);
    window.removeEventListener('keydown', onPage);
  });
});

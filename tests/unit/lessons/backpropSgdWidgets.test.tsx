// @vitest-environment jsdom
/**
 * The backprop-sgd widgets in a DOM: what each shows for given parameters, and that its controls
 * change parameters (the URL) through `setParam`. The last block walks the lesson through the real
 * lesson page (and the real widget registry), checking that the link follows the widget.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParamValues, StepDef } from '../../../src/core/lessons/types';
import { defaultParams } from '../../../src/core/lessons/lessonState';
import { backpropSgd } from '../../../src/lessons/backprop-sgd/backpropSgd';
import { fmt } from '../../../src/lessons/backprop-sgd/backpropSgdData';
import { GradientCheckWidget } from '../../../src/lessons/backprop-sgd/GradientCheckWidget';
import {
  BackwardWalkWidget,
  ForwardWalkWidget,
  TwoLayerWalkWidget,
} from '../../../src/lessons/backprop-sgd/GraphWalkWidget';
import { KernelSgdWidget } from '../../../src/lessons/backprop-sgd/KernelSgdWidget';
import { LossRaceWidget } from '../../../src/lessons/backprop-sgd/LossRaceWidget';
import { MiniBatchWidget } from '../../../src/lessons/backprop-sgd/MiniBatchWidget';

vi.mock(
  '../../../src/core/tensor/initBackend',
  async () => (await import('../ui/fakeBackend')).fakeBackend.module,
);

afterEach(() => cleanup());

const stepById = (id: string): StepDef => backpropSgd.steps.find((s) => s.id === id)!;
function props(stepId: string, params: ParamValues = {}, lang: 'en' | 'zh' = 'en') {
  const step = stepById(stepId);
  const setParam = vi.fn();
  return { lesson: backpropSgd, step, params: { ...defaultParams(step), ...params }, lang, setParam };
}

describe('graph walk widgets', () => {
  it('forward: step and back move the node parameter; the current node is written out with KaTeX', () => {
    const p = props('forward', { node: 3 });
    const { container } = render(<ForwardWalkWidget {...p} />);
    expect(screen.getByTestId('graph-walk').getAttribute('data-node')).toBe('3');
    expect(container.querySelectorAll('g.graph-view__node')).toHaveLength(12);
    const math = screen.getByTestId('walk-math');
    expect(math.querySelector('.katex')).not.toBeNull();
    expect(math.querySelector('annotation')?.textContent).toContain('0.72 + 0.36 + (-0.3) = 0.78');
    fireEvent.click(screen.getByTestId('walk-step'));
    expect(p.setParam).toHaveBeenLastCalledWith('node', 4);
    fireEvent.click(screen.getByTestId('walk-back'));
    expect(p.setParam).toHaveBeenLastCalledWith('node', 2);
    fireEvent.click(screen.getByTestId('walk-reset'));
    expect(p.setParam).toHaveBeenLastCalledWith('node', 0);
    expect(screen.getByTestId('walk-status').textContent).toContain('3 of 6');
  });

  it('forward at the start: no formula, back disabled; at the end: step disabled, the loss reported', () => {
    const first = render(<ForwardWalkWidget {...props('forward', { node: 0 })} />);
    expect(screen.queryByTestId('walk-math')).toBeNull();
    expect((screen.getByTestId('walk-back') as HTMLButtonElement).disabled).toBe(true);
    first.unmount();
    render(<ForwardWalkWidget {...props('forward', { node: 6 })} />);
    expect((screen.getByTestId('walk-step') as HTMLButtonElement).disabled).toBe(true);
    const L = (1 / (1 + Math.exp(-0.78)) - 1) ** 2;
    expect(screen.getByTestId('walk-status').textContent).toContain(`L = ${fmt(L)}`);
  });

  it('backward: chain-rule lines for the node, and the gradient summary at the end', () => {
    const { unmount } = render(<BackwardWalkWidget {...props('backward', { node: 3 })} />);
    const lines = [...screen.getByTestId('walk-math').querySelectorAll('annotation')].map(
      (a) => a.textContent ?? '',
    );
    expect(lines[0]).toContain('\\frac{\\partial a}{\\partial z} = a\\,(1 - a)');
    expect(lines[1]).toContain('\\frac{\\partial L}{\\partial z} =');
    expect(screen.queryByTestId('walk-summary')).toBeNull();
    unmount();
    render(<BackwardWalkWidget {...props('backward', { node: 6 })} />);
    const summary = screen.getByTestId('walk-summary');
    expect(summary.querySelectorAll('li')).toHaveLength(3);
  });

  it('play under prefers-reduced-motion jumps straight to the end', () => {
    const mm = vi
      .fn()
      .mockReturnValue({ matches: true, addEventListener: vi.fn(), removeEventListener: vi.fn() });
    vi.stubGlobal('matchMedia', mm);
    try {
      const p = props('forward', { node: 1 });
      render(<ForwardWalkWidget {...p} />);
      fireEvent.click(screen.getByTestId('walk-play'));
      expect(p.setParam).toHaveBeenLastCalledWith('node', 6);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('play advances one node at a time', async () => {
    vi.useFakeTimers();
    try {
      const p = props('forward', { node: 2 });
      render(<ForwardWalkWidget {...p} />);
      fireEvent.click(screen.getByTestId('walk-play'));
      await act(async () => {
        vi.advanceTimersByTime(1000);
      });
      expect(p.setParam).toHaveBeenLastCalledWith('node', 3);
      fireEvent.click(screen.getByTestId('walk-pause'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('two-layer: the pass parameter picks the pass; 26 nodes are drawn', () => {
    const { container } = render(
      <TwoLayerWalkWidget {...props('two-layer', { pass: 'backward', node: 2 })} />,
    );
    expect(screen.getByTestId('graph-walk').getAttribute('data-pass')).toBe('backward');
    expect(container.querySelectorAll('g.graph-view__node')).toHaveLength(26);
    expect(screen.getByTestId('walk-status').textContent).toContain('2 of 14');
  });

  it('speaks Chinese', () => {
    render(<ForwardWalkWidget {...props('forward', { node: 0 }, 'zh')} />);
    expect(screen.getByTestId('walk-step').textContent).toContain('下一步');
    expect(screen.getByTestId('walk-status').textContent).toContain('前向传播');
  });
});

describe('gradient check widget', () => {
  it('ε = 10⁻⁵: the central difference agrees with backprop; ε = 10⁻¹²: it does not', () => {
    const { unmount } = render(
      <GradientCheckWidget {...props('gradient-check', { weight: 'w1', eps: -5 })} />,
    );
    expect(screen.getByTestId('check-verdict').textContent).toMatch(/Agreement to \d+ significant digits/);
    const tex = [...screen.getByTestId('check-math').querySelectorAll('annotation')]
      .map((a) => a.textContent)
      .join('\n');
    expect(tex).toContain('10^{-5}');
    unmount();
    render(<GradientCheckWidget {...props('gradient-check', { weight: 'b', eps: -12 })} />);
    expect(screen.getByTestId('check-verdict').textContent).toContain('Poor agreement');
  });
});

describe('kernel SGD widget', () => {
  it('shows the kernel, its gradient and the kernel after the step, with the losses; the buttons move the step count', () => {
    const p = props('kernel-sgd', { steps: 2 });
    render(<KernelSgdWidget {...p} />);
    for (const id of ['kernel-before', 'kernel-gradient', 'kernel-after']) {
      expect(screen.getByTestId(id).querySelectorAll('g.heatmap-view__cell')).toHaveLength(9);
    }
    expect(screen.getByTestId('kernel-status').textContent).toContain('SGD step 3 (mini-batch 3 of 4');
    expect(screen.getByTestId('kernel-losses').textContent).toMatch(
      /Loss on this mini-batch: [\d.]+ → [\d.]+/,
    );
    fireEvent.click(screen.getByTestId('kernel-take'));
    expect(p.setParam).toHaveBeenLastCalledWith('steps', 3);
    fireEvent.click(screen.getByTestId('kernel-undo'));
    expect(p.setParam).toHaveBeenLastCalledWith('steps', 1);
  });
});

describe('loss race widget', () => {
  it('one row per optimizer with its outcome; a too-large η makes SGD diverge', () => {
    render(<LossRaceWidget {...props('loss-surfaces', { surface: 'bowl', lr: 0.5, momentum: 0 })} />);
    const rows = within(screen.getByTestId('race-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-optimizer'))).toEqual([
      'sgd',
      'momentum',
      'nesterov',
      'rmsprop',
      'adam',
    ]);
    expect(rows[0]!.getAttribute('data-status')).toBe('diverged');
    expect(screen.getByTestId('race-curvature').textContent).toContain('2/λ = 2');
    expect(document.querySelectorAll('.contour-view__path')).toHaveLength(5);
  });

  it('the η ≈ 1/λ button sets the log learning rate', () => {
    const p = props('loss-surfaces', { surface: 'rosenbrock', lr: -1 });
    render(<LossRaceWidget {...p} />);
    fireEvent.click(screen.getByTestId('race-suggest'));
    const v = p.setParam.mock.calls.at(-1);
    expect(v?.[0]).toBe('lr');
    // λ at (−1.2, 1) = largest eigenvalue of [[1330, 480], [480, 200]].
    const lambda = 765 + Math.hypot(565, 480);
    expect(v?.[1]).toBeCloseTo(Math.round(10 * Math.log10(1 / lambda)) / 10, 12);
  });
});

describe('mini-batch widget', () => {
  it('four panels and a table: the mean cosine rises and the spread falls with B', () => {
    render(<MiniBatchWidget {...props('mini-batch')} />);
    for (const b of [1, 8, 32, 256])
      expect(screen.getByTestId(`batch-panel-${b}`).querySelectorAll('circle').length).toBe(200);
    const rows = within(screen.getByTestId('minibatch-table')).getAllByRole('row').slice(1);
    const cos = rows.map((r) => Number(r.querySelectorAll('td')[0]!.textContent));
    const spread = rows.map((r) => Number(r.querySelectorAll('td')[1]!.textContent));
    for (let i = 1; i < 4; i++) {
      expect(cos[i]!).toBeGreaterThan(cos[i - 1]!);
      expect(spread[i]!).toBeLessThan(spread[i - 1]!);
    }
  });
});

describe('the lesson on the real lesson page', () => {
  it('the Step button writes node=1 into the link, and the link reopens it', async () => {
    const { renderApp } = await import('../ui/testUtils');
    renderApp('#/lesson/backprop-sgd?step=1');
    const step = await screen.findByTestId('walk-step', {}, { timeout: 10_000 });
    fireEvent.click(step);
    await waitFor(() => expect(window.location.hash).toBe('#/lesson/backprop-sgd?step=1&node=1'));
    await waitFor(() => expect(screen.getByTestId('graph-walk').getAttribute('data-node')).toBe('1'));
    cleanup();
    renderApp('#/lesson/backprop-sgd?step=5&lr=0.5&steps=4');
    await waitFor(() => expect(screen.getByTestId('kernel-sgd').getAttribute('data-steps')).toBe('4'), {
      timeout: 10_000,
    });
  });
});

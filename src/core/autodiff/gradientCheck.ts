/**
 * Numerical gradient checks: nudge one leaf by ±ε, re-run the forward pass and compare the change
 * of the output with the gradient from the backward pass. The central difference
 * (f(θ + ε) − f(θ − ε)) / 2ε has truncation error O(ε²), the forward difference
 * (f(θ + ε) − f(θ)) / ε has O(ε); both suffer round-off ~ machine-ε·|f| / ε as ε shrinks
 * (Nocedal & Wright, "Numerical Optimization", 2nd ed., Springer 2006, §8.1).
 */
import type { Graph, NodeId } from './Graph';

/** The output at θ − ε, θ and θ + ε for one leaf, with the two difference quotients. */
export interface FiniteDifference {
  eps: number;
  minus: number;
  base: number;
  plus: number;
  /** (f(θ + ε) − f(θ − ε)) / 2ε. */
  central: number;
  /** (f(θ + ε) − f(θ)) / ε. */
  forward: number;
}

/** Evaluates `output` with `leaf` nudged by −ε and +ε; restores the leaf and the graph afterwards. */
export function finiteDifference(graph: Graph, output: NodeId, leaf: NodeId, eps: number): FiniteDifference {
  if (!(eps > 0)) throw new RangeError('ε must be positive');
  const theta = graph.value(leaf);
  graph.forward();
  const base = graph.value(output);
  const at = (v: number): number => {
    graph.setValue(leaf, v);
    graph.forward();
    return graph.value(output);
  };
  const plus = at(theta + eps);
  const minus = at(theta - eps);
  at(theta);
  return { eps, minus, base, plus, central: (plus - minus) / (2 * eps), forward: (plus - base) / eps };
}

/** |a − b| / max(|a|, |b|), or 0 when both are 0: the usual gradient-check error measure. */
export function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/** One row of a gradient-check sweep over ε. */
export interface GradientCheckRow extends FiniteDifference {
  /** ∂output/∂leaf from the backward pass. */
  backprop: number;
  centralError: number;
  forwardError: number;
}

/** Checks the backprop gradient of `output` with respect to `leaf` for ε = 10^e, e in `exponents`. */
export function gradientCheckSweep(
  graph: Graph,
  output: NodeId,
  leaf: NodeId,
  exponents: readonly number[],
): GradientCheckRow[] {
  graph.forward();
  const backprop = graph.backward(output)[leaf] ?? 0;
  return exponents.map((e) => {
    const fd = finiteDifference(graph, output, leaf, Math.pow(10, e));
    return {
      ...fd,
      backprop,
      centralError: relativeDifference(fd.central, backprop),
      forwardError: relativeDifference(fd.forward, backprop),
    };
  });
}

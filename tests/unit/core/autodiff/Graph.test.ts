/**
 * The scalar graph against hand-worked values: each operation's forward value and derivative
 * against its closed form (written with Math here), fan-out accumulation, re-evaluation after a
 * leaf changes, and the backward trace.
 */
import { describe, expect, it } from 'vitest';
import { backwardTrace } from '../../../../src/core/autodiff/backwardTrace';
import { Graph } from '../../../../src/core/autodiff/Graph';
import { sigmoid } from '../../../../src/core/autodiff/sigmoid';

const sig = (x: number): number => 1 / (1 + Math.exp(-x));

describe('Graph: each operation', () => {
  // [name, build(g, a) -> node, f(a), f'(a)] for unary operations at several points.
  const unary: [string, (g: Graph, a: number) => number, (a: number) => number, (a: number) => number][] = [
    ['neg', (g, a) => g.neg(a), (a) => -a, () => -1],
    ['exp', (g, a) => g.exp(a), Math.exp, Math.exp],
    ['log', (g, a) => g.log(a), Math.log, (a) => 1 / a],
    ['relu', (g, a) => g.relu(a), (a) => Math.max(0, a), (a) => (a > 0 ? 1 : 0)],
    ['sigmoid', (g, a) => g.sigmoid(a), sig, (a) => sig(a) * (1 - sig(a))],
    ['tanh', (g, a) => g.tanh(a), Math.tanh, (a) => 1 / Math.cosh(a) ** 2],
    ['pow 3', (g, a) => g.pow(a, 3), (a) => a ** 3, (a) => 3 * a ** 2],
    ['pow 0.5', (g, a) => g.pow(a, 0.5), Math.sqrt, (a) => 0.5 / Math.sqrt(a)],
    ['pow -1', (g, a) => g.pow(a, -1), (a) => 1 / a, (a) => -1 / a ** 2],
  ];
  it.each(unary)('%s: value and derivative', (_name, build, f, df) => {
    for (const x of [0.3, 1.7, 2.5, -0.8]) {
      if ((_name === 'log' || _name === 'pow 0.5') && x <= 0) continue;
      const g = new Graph();
      const a = g.param(x);
      const y = build(g, a);
      expect(g.value(y)).toBeCloseTo(f(x), 12);
      expect(g.backward(y)[a]).toBeCloseTo(df(x), 12);
      expect(g.localGradients(y)[0]).toBeCloseTo(df(x), 12);
    }
  });

  it('relu has derivative 0 at exactly 0 (as tf.relu)', () => {
    const g = new Graph();
    const a = g.param(0);
    expect(g.backward(g.relu(a))[a]).toBe(0);
  });

  it('add, sub, mul: values and both partial derivatives', () => {
    const g = new Graph();
    const a = g.param(3);
    const b = g.param(-2);
    const add = g.add(a, b);
    const sub = g.sub(a, b);
    const mul = g.mul(a, b);
    expect([g.value(add), g.value(sub), g.value(mul)]).toEqual([1, 5, -6]);
    expect([...g.backward(add)].slice(0, 2)).toEqual([1, 1]);
    expect([...g.backward(sub)].slice(0, 2)).toEqual([1, -1]);
    expect([...g.backward(mul)].slice(0, 2)).toEqual([-2, 3]);
  });

  it('sum passes 1 to every input; max passes 1 to the first largest only', () => {
    const g = new Graph();
    const xs = [2, 7, -1, 7].map((v) => g.param(v));
    const s = g.sum(xs);
    const m = g.max(xs);
    expect(g.value(s)).toBe(15);
    expect(g.value(m)).toBe(7);
    expect([...g.backward(s)].slice(0, 4)).toEqual([1, 1, 1, 1]);
    expect([...g.backward(m)].slice(0, 4)).toEqual([0, 1, 0, 0]);
    expect(g.localGradients(m)).toEqual([0, 1, 0, 0]);
  });

  it('sigmoid does not overflow for large |x|', () => {
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(0)).toBe(0.5);
  });
});

describe('Graph: reverse-mode accumulation', () => {
  it('adds the contributions of a node used several times: d/dx (x·x + x) = 2x + 1', () => {
    const g = new Graph();
    const x = g.param(1.5);
    const y = g.add(g.mul(x, x), x);
    expect(g.value(y)).toBe(1.5 * 1.5 + 1.5);
    expect(g.backward(y)[x]).toBe(2 * 1.5 + 1);
  });

  it('a hand-worked neuron: z = w₁x₁ + w₂x₂ + b, a = σ(z), L = (a − t)²', () => {
    const [x1, x2, w1, w2, b, t] = [2, -1, 0.5, -0.25, 0.1, 1];
    const g = new Graph();
    const X1 = g.input(x1);
    const X2 = g.input(x2);
    const W1 = g.param(w1);
    const W2 = g.param(w2);
    const B = g.param(b);
    const z = g.sum([g.mul(W1, X1), g.mul(W2, X2), B]);
    const a = g.sigmoid(z);
    const L = g.pow(g.sub(a, g.constant(t)), 2);
    // By hand: z = 1 + 0.25 + 0.1 = 1.35.
    const zv = 1.35;
    const av = 1 / (1 + Math.exp(-zv));
    const dLdz = 2 * (av - t) * av * (1 - av);
    expect(g.value(z)).toBeCloseTo(zv, 14);
    expect(g.value(L)).toBeCloseTo((av - t) ** 2, 14);
    const grad = g.backward(L);
    expect(grad[W1]).toBeCloseTo(dLdz * x1, 14);
    expect(grad[W2]).toBeCloseTo(dLdz * x2, 14);
    expect(grad[B]).toBeCloseTo(dLdz, 14);
    expect(grad[X1]).toBeCloseTo(dLdz * w1, 14);
  });

  it('forward() re-evaluates after setValue; backward uses the new values', () => {
    const g = new Graph();
    const x = g.param(1);
    const y = g.param(2);
    const f = g.mul(g.exp(x), y);
    g.setValue(x, 0.5);
    g.setValue(y, -3);
    expect(g.value(f)).toBe(2 * Math.E); // not yet re-evaluated
    g.forward();
    expect(g.value(f)).toBeCloseTo(Math.exp(0.5) * -3, 14);
    const d = g.backward(f);
    expect(d[x]).toBeCloseTo(Math.exp(0.5) * -3, 14);
    expect(d[y]).toBeCloseTo(Math.exp(0.5), 14);
  });

  it('nodes the output does not depend on get gradient 0', () => {
    const g = new Graph();
    const x = g.param(1);
    const unused = g.param(4);
    const y = g.exp(x);
    g.tanh(unused);
    expect(g.backward(y)[unused]).toBe(0);
    expect(g.ancestors(y)).toEqual([x, y]);
  });

  it('the backward trace visits every operation in reverse order and its products sum to the gradients', () => {
    const g = new Graph();
    const x = g.param(0.7);
    const w = g.param(-1.2);
    const p = g.mul(w, x);
    const h = g.tanh(p);
    const out = g.add(h, g.mul(h, x));
    const trace = backwardTrace(g, out);
    expect(trace.map((s) => s.node)).toEqual([out, out - 1, h, p]);
    expect(trace[0]?.upstream).toBe(1);
    const grad = g.backward(out);
    for (const leaf of [x, w]) {
      const sum = trace
        .flatMap((s) => s.terms)
        .filter((t) => t.input === leaf)
        .reduce((a, t) => a + t.product, 0);
      expect(sum).toBeCloseTo(grad[leaf] ?? Number.NaN, 14);
    }
    for (const step of trace) {
      expect(step.upstream).toBeCloseTo(grad[step.node] ?? Number.NaN, 14);
      for (const t of step.terms) expect(t.product).toBeCloseTo(step.upstream * t.local, 14);
    }
  });

  it('grows past its initial capacity and describes its nodes', () => {
    const g = new Graph();
    const xs = Array.from({ length: 200 }, (_, i) => g.input(i / 100, `x${i}`));
    const s = g.sum(xs, 'total');
    expect(g.size).toBe(201);
    expect(g.value(s)).toBeCloseTo((199 * 200) / 2 / 100, 12);
    expect(g.node(s)).toMatchObject({ op: 'sum', label: 'total', inputs: xs });
    expect(g.node(0)).toMatchObject({ op: 'leaf', leafKind: 'input', label: 'x0' });
    const c = g.pow(s, 2);
    expect(g.node(c).exponent).toBe(2);
    expect(g.nodes()).toHaveLength(202);
  });

  it('rejects unknown nodes, empty sums and setValue on an operation', () => {
    const g = new Graph();
    const x = g.param(1);
    const y = g.exp(x);
    expect(() => g.add(x, 5)).toThrow(RangeError);
    expect(() => g.sum([])).toThrow(RangeError);
    expect(() => g.max([])).toThrow(RangeError);
    expect(() => g.setValue(y, 2)).toThrow(RangeError);
    expect(() => g.backward(9)).toThrow(RangeError);
  });
});

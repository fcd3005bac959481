/**
 * Property tests: for random expressions over three leaves (random operations, shapes and inputs),
 * the engine's reverse-mode gradients equal central finite differences (float64) and equal
 * `tf.grads` of the same expression built from tfjs operations (float32, cpu backend).
 */
import * as tfc from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Graph, type NodeId } from '../../../../src/core/autodiff/Graph';
import { tfGradients } from '../../../../src/core/autodiff/tfGradients';
import { loadTfCore } from '../../../../src/core/tensor/initBackend';
import { expectNoTensorLeak } from '../../helpers/tensorLeak';

type Unary = 'exp' | 'neg' | 'relu' | 'sigmoid' | 'tanh' | 'logSq1' | 'pow2' | 'pow3';
type Binary = 'add' | 'sub' | 'mul';
type Expr =
  | { k: 'leaf'; i: number }
  | { k: 'un'; op: Unary; a: Expr }
  | { k: 'bin'; op: Binary; a: Expr; b: Expr }
  | { k: 'sum' | 'max'; xs: Expr[] };

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ k: fc.constant('leaf' as const), i: fc.integer({ min: 0, max: 2 }) }),
    fc.record({
      k: fc.constant('un' as const),
      op: fc.constantFrom<Unary>('exp', 'neg', 'relu', 'sigmoid', 'tanh', 'logSq1', 'pow2', 'pow3'),
      a: tie('e'),
    }),
    fc.record({
      k: fc.constant('bin' as const),
      op: fc.constantFrom<Binary>('add', 'sub', 'mul'),
      a: tie('e'),
      b: tie('e'),
    }),
    fc.record({
      k: fc.constantFrom('sum' as const, 'max' as const),
      xs: fc.array(tie('e'), { minLength: 1, maxLength: 4 }),
    }),
  ),
})).e;

/** Builds the expression; logSq1(a) = ln(a² + 1) keeps the logarithm's argument positive. */
function build(g: Graph, leaves: NodeId[], e: Expr): NodeId {
  switch (e.k) {
    case 'leaf':
      return leaves[e.i] ?? 0;
    case 'un': {
      const a = build(g, leaves, e.a);
      if (e.op === 'logSq1') return g.log(g.add(g.pow(a, 2), g.constant(1)));
      if (e.op === 'pow2') return g.pow(a, 2);
      if (e.op === 'pow3') return g.pow(a, 3);
      return g[e.op](a);
    }
    case 'bin':
      return g[e.op](build(g, leaves, e.a), build(g, leaves, e.b));
    case 'sum':
    case 'max':
      return g[e.k](e.xs.map((x) => build(g, leaves, x)));
  }
}

/** False where a finite difference is meaningless: near a ReLU kink or a tie in a max, or huge values. */
function smoothHere(g: Graph, out: NodeId): boolean {
  for (const id of g.ancestors(out)) {
    const n = g.node(id);
    if (!Number.isFinite(n.value) || Math.abs(n.value) > 1e4) return false;
    const ins = n.inputs.map((i) => g.value(i));
    if (n.op === 'relu' && Math.abs(ins[0] ?? 0) < 1e-3) return false;
    if (n.op === 'max') {
      const sorted = [...ins].sort((a, b) => b - a);
      if (sorted.length > 1 && (sorted[0] ?? 0) - (sorted[1] ?? 0) < 1e-3) return false;
    }
  }
  return true;
}

/** Uniform on [−1.5, 1.5] (fc.double draws uniformly over bit patterns, i.e. mostly tiny numbers). */
const uniform = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((i) => -1.5 + (3 * i) / 1_000_000);
const inputsArb = fc.tuple(uniform, uniform, uniform);

describe('engine gradients on random expressions', () => {
  it('equal central finite differences', () => {
    fc.assert(
      fc.property(exprArb, inputsArb, (expr, inputs) => {
        const g = new Graph();
        const leaves = inputs.map((v) => g.param(v));
        const out = build(g, leaves, expr);
        fc.pre(smoothHere(g, out));
        const grad = g.backward(out);
        leaves.forEach((leaf, k) => {
          const x = inputs[k] ?? 0;
          const h = 1e-6 * Math.max(1, Math.abs(x));
          const at = (v: number): number => {
            g.setValue(leaf, v);
            g.forward();
            return g.value(out);
          };
          const fd = (at(x + h) - at(x - h)) / (2 * h);
          at(x);
          expect(Math.abs((grad[leaf] ?? 0) - fd)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(fd)));
        });
      }),
      { numRuns: 400, seed: 20240607 },
    );
  });

  describe('equal tf.grads of the same expression', () => {
    let tf: typeof tfc;
    beforeAll(async () => {
      tf = await loadTfCore();
      await import('@tensorflow/tfjs-backend-cpu');
      await tf.setBackend('cpu');
    });

    it('float32 agreement within 1e-4 relative', async () => {
      await expectNoTensorLeak(tf, () =>
        fc.assert(
          fc.property(exprArb, inputsArb, (expr, inputs) => {
            const g = new Graph();
            const leaves = inputs.map((v) => g.param(v));
            const out = build(g, leaves, expr);
            fc.pre(smoothHere(g, out));
            const used = leaves.filter((l) => g.ancestors(out).includes(l));
            fc.pre(used.length > 0 && g.node(out).op !== 'leaf');
            const grad = g.backward(out);
            const ref = tfGradients(tf, g, out, used);
            expect(Math.abs(ref.value - g.value(out))).toBeLessThanOrEqual(
              1e-4 * Math.max(1, Math.abs(g.value(out))),
            );
            used.forEach((leaf, k) => {
              const r = ref.gradients[k] ?? Number.NaN;
              expect(Math.abs((grad[leaf] ?? 0) - r)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(r)));
            });
          }),
          { numRuns: 200, seed: 7 },
        ),
      );
    });
  });
});

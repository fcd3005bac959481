/**
 * The pure models behind the backprop-sgd widgets: the graph walk (what is shown after k nodes,
 * the TeX with the actual numbers), the optimizer race and the kernel-learning replay, checked
 * against hand computations.
 */
import { describe, expect, it } from 'vitest';
import { lessonNeuron, lessonTwoLayer } from '../../../src/lessons/backprop-sgd/backpropSgdData';
import {
  backwardTex,
  forwardTex,
  isCompound,
  nodeSymbol,
  passLength,
  texName,
  walkModel,
  walkViewState,
} from '../../../src/lessons/backprop-sgd/graphWalk';
import { runRace, surfaceData } from '../../../src/lessons/backprop-sgd/raceModel';
import { KERNEL_SET, kernelRun, kernelStart } from '../../../src/lessons/backprop-sgd/tinyCnnLab';

const sig = (x: number): number => 1 / (1 + Math.exp(-x));
const z = 0.6 * 1.2 + -0.9 * -0.4 - 0.3;
const a = sig(z);

describe('graph walk', () => {
  const n = lessonNeuron();
  const m = walkModel(n.graph, n.loss);

  it('forward order: w₁x₁, w₂x₂, z, a, a − t, L; backward visits them in reverse', () => {
    expect(m.forward.map((id) => n.graph.node(id).label)).toEqual(['w₁x₁', 'w₂x₂', 'z', 'a', 'a − t', 'L']);
    expect(m.backward.map((s) => n.graph.node(s.node).label)).toEqual([
      'L',
      'a − t',
      'a',
      'z',
      'w₂x₂',
      'w₁x₁',
    ]);
    expect(passLength(m, 'forward')).toBe(6);
    expect(passLength(m, 'backward')).toBe(6);
  });

  it('forward position k shows the values of leaves and of the first k operations on their edges', () => {
    const s0 = walkViewState(m, 'forward', 0, false);
    expect(s0.active).toBeUndefined();
    expect(s0.edgeValues.get(`${n.x[0]}>${n.products[0]}`)).toBe('1.2');
    expect(s0.edgeValues.has(`${n.products[0]}>${n.z}`)).toBe(false);
    const s3 = walkViewState(m, 'forward', 3, false);
    expect(s3.active).toBe(n.z);
    expect(s3.edgeValues.get(`${n.z}>${n.a}`)).toBe('0.78');
    expect(s3.nodeNotes.size).toBe(0);
    const s6 = walkViewState(m, 'forward', 6, false);
    expect(s6.nodeNotes.get(n.loss)).toBe(String(Number(((a - 1) ** 2).toPrecision(4))));
    expect(walkViewState(m, 'forward', 99, false).active).toBe(n.loss);
  });

  it('backward position k shows the chain-rule products on the edges and the gradients so far', () => {
    const b0 = walkViewState(m, 'backward', 0, false);
    expect(b0.active).toBe(n.loss);
    expect(b0.nodeNotes.get(n.loss)).toBe('1');
    expect(b0.edgeGrads.size).toBe(0);
    const b3 = walkViewState(m, 'backward', 3, false);
    expect(b3.active).toBe(n.a);
    const dLdz = 2 * (a - 1) * a * (1 - a);
    expect(b3.nodeNotes.get(n.z)).toBe(String(Number(dLdz.toPrecision(3))).replace('-', '−'));
    // The target is a constant: no gradient is drawn for it.
    expect(b3.edgeGrads.has(`${n.target}>${n.loss - 1}`)).toBe(false);
    const b6 = walkViewState(m, 'backward', 6, false);
    expect(b6.nodeNotes.get(n.w[0]!)).toBe(String(Number((dLdz * 1.2).toPrecision(3))).replace('-', '−'));
  });

  it('forward TeX writes each operation with its numbers', () => {
    expect(forwardTex(m, n.products[1]!)).toBe(
      'w_{2}x_{2} = w_{2}\\cdot x_{2} = (-0.9) \\times (-0.4) = 0.36',
    );
    expect(forwardTex(m, n.z)).toBe('z = w_{1}x_{1} + w_{2}x_{2} + b = 0.72 + 0.36 + (-0.3) = 0.78');
    expect(forwardTex(m, n.a)).toContain(`\\frac{1}{1 + e^{-0.78}} = ${Number(a.toPrecision(4))}`);
  });

  it('backward TeX: local derivative, then upstream × local = product', () => {
    const atSigmoid = m.backward[2]!;
    const lines = backwardTex(m, atSigmoid);
    const up = 2 * (a - 1);
    const local = a * (1 - a);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `\\frac{\\partial a}{\\partial z} = a\\,(1 - a) = ${Number(a.toPrecision(4))}\\times(1 - ${Number(a.toPrecision(4))}) = ${Number(local.toPrecision(4))}`,
    );
    expect(lines[1]).toContain(
      `= (${Number(up.toPrecision(4))})\\times ${Number(local.toPrecision(4))} = ${Number((up * local).toPrecision(4))}`,
    );
    // At the output only the local derivative is written (∂L/∂L = 1).
    expect(backwardTex(m, m.backward[0]!)).toHaveLength(1);
  });

  it('two-layer: the switched-off ReLU passes back 0, and x₁ accumulates (+=) over its two uses', () => {
    const t = lessonTwoLayer();
    const tm = walkModel(t.graph, t.loss);
    expect(passLength(tm, 'forward')).toBe(14);
    const relu2 = tm.backward.find((s) => s.node === t.h[1])!;
    expect(relu2.terms[0]!.local).toBe(0);
    expect(backwardTex(tm, relu2)[0]).toContain('0 \\quad (z_{2} \\le 0)');
    const uses = tm.backward.filter((s) => s.terms.some((x) => x.input === t.x[0]));
    expect(uses).toHaveLength(2);
    for (const s of uses)
      expect(
        backwardTex(tm, s).some((l) => l.includes('\\frac{\\partial L}{\\partial x_{1}} \\mathrel{+}=')),
      ).toBe(true);
  });

  it('names and symbols', () => {
    expect(texName('w₁₂')).toBe('w_{12}');
    expect(texName('ŷ − t')).toBe('\\hat{y} - t');
    expect(isCompound('w₁x₁')).toBe(true);
    expect(isCompound('z₁')).toBe(false);
    expect(isCompound('ŷ')).toBe(false);
    expect(nodeSymbol(n.graph.node(n.a))).toBe('σ');
    expect(nodeSymbol(n.graph.node(n.loss))).toBe('( )²');
    expect(nodeSymbol(n.graph.node(n.z))).toBe('Σ');
  });
});

describe('optimizer race', () => {
  it('five runs from the same start; on the bowl SGD diverges exactly when η > 2/λ_max = 2', () => {
    const ok = runRace({ surface: 'bowl', kappa: 10, lrExp: 0.2, momentum: 0, iters: 200 });
    expect(ok.runs.map((r) => r.id)).toEqual(['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam']);
    for (const r of ok.runs) expect(r.path[0]).toEqual([...ok.surface.start]);
    expect(ok.lr).toBeCloseTo(10 ** 0.2, 12);
    expect(ok.lambda).toBeCloseTo(1, 6);
    expect(ok.runs[0]!.status).toBe('ok'); // η = 1.58 < 2
    const bad = runRace({ surface: 'bowl', kappa: 10, lrExp: 0.4, momentum: 0, iters: 200 });
    expect(bad.runs[0]!.status).toBe('diverged'); // η = 2.51 > 2
  });

  it('grids are cached per surface (and per κ for the bowl)', () => {
    expect(surfaceData('bowl', 10)).toBe(surfaceData('bowl', 10));
    expect(surfaceData('bowl', 10)).not.toBe(surfaceData('bowl', 20));
    const r = surfaceData('rosenbrock', 1);
    expect(r.grid.nx * r.grid.ny).toBe(r.grid.values.length);
  });

  it('the CNN slice race runs on the real network: every path starts where the surface says', () => {
    const race = runRace({ surface: 'cnn', kappa: 1, lrExp: 0, momentum: 0.9, iters: 30 });
    expect(race.surface.id).toBe('cnn');
    for (const r of race.runs)
      expect(r.losses[0]).toBeCloseTo(race.surface.evaluator().f(race.surface.start), 12);
  });
});

describe('kernel learning replay', () => {
  it('step k starts from the weights step k − 1 produced, with batch k mod 4; replays are deterministic', () => {
    const run = kernelRun(0.5, 5);
    expect(run.records).toHaveLength(6);
    expect(run.fullLosses).toHaveLength(7);
    expect(run.records[0]!.before).toEqual(kernelStart());
    for (let i = 1; i <= 5; i++) expect(run.records[i]!.before).toEqual(run.records[i - 1]!.after);
    expect(kernelRun(0.5, 3).records[3]).toEqual(run.records[3]);
    expect(KERNEL_SET.count / KERNEL_SET.batchSize).toBe(4);
    expect(run.fullLosses[6]!).toBeLessThan(run.fullLosses[0]!);
  });
});

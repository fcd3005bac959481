/**
 * The data the backprop-sgd lesson computes every number from (DESIGN.md: numbers are computed,
 * never typed in). The inputs and starting weights below are the lesson's example; every value,
 * gradient and quiz answer derived from them comes from the autodiff engine.
 */
import { buildNeuron, type NeuronGraph } from '../../core/autodiff/buildNeuron';
import { buildTwoLayerNet, type TwoLayerGraph } from '../../core/autodiff/buildTwoLayerNet';
import type { Graph, NodeId } from '../../core/autodiff/Graph';
import type { Lang, Localized } from '../../core/lessons/types';

/**
 * The neuron of steps 1–2: two normalised pixel values of a patch (x₁ its centre, x₂ its
 * surrounding ring), target t = 1 (“nodule”), sigmoid output, squared-error loss.
 */
export const NEURON_SPEC = { x: [1.2, -0.4], w: [0.6, -0.9], b: -0.3, target: 1 } as const;

/** The two-layer network of step 3: the same inputs, two ReLU hidden units (one of them switched off). */
export const TWO_LAYER_SPEC = {
  x: [1.2, -0.4],
  w1: [
    [0.5, -0.6],
    [-0.3, 0.8],
  ],
  b1: [0.1, -0.2],
  w2: [1.1, -0.7],
  b2: 0.05,
  target: 1,
} as const;

/** A fresh graph of the lesson's neuron. */
export function lessonNeuron(): NeuronGraph {
  return buildNeuron({ ...NEURON_SPEC, x: [...NEURON_SPEC.x], w: [...NEURON_SPEC.w] });
}

/** A fresh graph of the lesson's two-layer network. */
export function lessonTwoLayer(): TwoLayerGraph {
  const s = TWO_LAYER_SPEC;
  return buildTwoLayerNet({
    x: [...s.x],
    w1: s.w1.map((r) => [...r]),
    b1: [...s.b1],
    w2: [...s.w2],
    b2: s.b2,
    target: s.target,
  });
}

/** Number of operations (nodes other than leaves) that `output` is computed from. */
function operationCount(graph: Graph, output: NodeId): number {
  return graph.ancestors(output).filter((id) => graph.node(id).op !== 'leaf').length;
}

/** The lesson's two graphs with their gradients, as the step texts, parameters and quiz quote them. */
export interface LessonNumbers {
  neuron: NeuronGraph;
  /** ∂L/∂node for every node of the neuron, from the engine's backward pass. */
  neuronGrad: Float64Array;
  /** Operations in the neuron's graph (= positions of either pass of its walk, besides 0). */
  neuronOps: number;
  twoLayer: TwoLayerGraph;
  twoLayerGrad: Float64Array;
  twoLayerOps: number;
}

let numbers: LessonNumbers | null = null;

/** The numbers of {@link LessonNumbers}, computed once (read them; do not change the graphs). */
export function lessonNumbers(): LessonNumbers {
  if (!numbers) {
    const neuron = lessonNeuron();
    const twoLayer = lessonTwoLayer();
    numbers = {
      neuron,
      neuronGrad: neuron.graph.backward(neuron.loss),
      neuronOps: operationCount(neuron.graph, neuron.loss),
      twoLayer,
      twoLayerGrad: twoLayer.graph.backward(twoLayer.loss),
      twoLayerOps: operationCount(twoLayer.graph, twoLayer.loss),
    };
  }
  return numbers;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Decimal places that show `sig` significant digits of |v| in fixed notation. */
function decimalsFor(v: number, sig: number): number {
  const a = Math.abs(v);
  if (a === 0) return 0;
  return Math.max(0, sig - 1 - Math.floor(Math.log10(a)));
}

/**
 * A number for display with `sig` significant digits and no trailing zeros: fixed notation for
 * 10⁻³ ≤ |v| < 10⁶, otherwise `m×10ⁿ` with superscript digits (never “e”, a Latin letter). The
 * minus sign is U+2212.
 */
export function fmt(v: number, sig = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) {
    const s = String(Number(v.toFixed(Math.min(12, decimalsFor(v, sig)))));
    return s.replace('-', '−');
  }
  const [m, e] = v.toExponential(sig - 1).split('e');
  const mant = String(Number(m)).replace('-', '−');
  const exp = [...String(Number(e))].map((c) => (c === '-' ? '⁻' : (SUPERSCRIPT[Number(c)] ?? c))).join('');
  return `${mant}×10${exp}`;
}

/** {@link fmt} for KaTeX: `-` as minus, `10^{n}`, negative numbers in parentheses when `paren`. */
export function tex(v: number, sig = 4, paren = false): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  let s: string;
  if (v === 0) s = '0';
  else if (a >= 1e-3 && a < 1e6) s = String(Number(v.toFixed(Math.min(12, decimalsFor(v, sig)))));
  else {
    const [m, e] = v.toExponential(sig - 1).split('e');
    s = `${Number(m)}\\times 10^{${Number(e)}}`;
  }
  return paren && v < 0 ? `(${s})` : s;
}

/** The same text in both languages, for strings built from numbers. */
export function both(f: (lang: Lang) => string): Localized {
  return { en: f('en'), zh: f('zh') };
}

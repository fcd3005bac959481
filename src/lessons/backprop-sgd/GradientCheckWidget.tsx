import { useMemo } from 'react';
import { finiteDifference, gradientCheckSweep, relativeDifference } from '../../core/autodiff/gradientCheck';
import { OKABE_ITO } from '../../core/viz/colorMaps';
import { createLinePlotView, type LinePlotState } from '../../core/viz/createLinePlotView';
import { RichText } from '../../ui/RichText';
import { fillPlaceholders } from '../../i18n/translate';
import type { WidgetProps } from '../widgetTypes';
import { epsParam } from './backpropSgdParams';
import { lessonNeuron, tex } from './backpropSgdData';
import { checkTexts as T } from './backpropSgdTexts';
import { Tex } from './Tex';
import { useD3View } from '../useD3View';
import './backpropSgd.css';
import { paramNumber } from '../paramValue';

const EXPONENTS = Array.from({ length: epsParam.max - epsParam.min + 1 }, (_, i) => epsParam.max - i);
const NAMES = { w1: { tex: 'w_1', i: 0 }, w2: { tex: 'w_2', i: 1 }, b: { tex: 'b', i: -1 } } as const;
type WeightId = keyof typeof NAMES;

/**
 * Step 4: nudges one weight of the lesson's neuron by ±ε, shows both losses, the central
 * difference and the backprop gradient in KaTeX, the error against ε (log–log), and the loss
 * curve with its tangent and the two nudged points.
 */
export function GradientCheckWidget({ step, params, lang }: WidgetProps) {
  const weight: WeightId = params.weight === 'w2' || params.weight === 'b' ? params.weight : 'w1';
  const e = paramNumber(params.eps, epsParam.default);
  const eps = Math.pow(10, e);
  const name = NAMES[weight];

  // The sweep over every ε of the slider and the loss curve depend on the weight only.
  const data = useMemo(() => {
    const n = lessonNeuron();
    const leaf = name.i < 0 ? n.b : (n.w[name.i] ?? n.b);
    const theta = n.graph.value(leaf);
    const sweep = gradientCheckSweep(n.graph, n.loss, leaf, EXPONENTS);
    const backprop = n.graph.backward(n.loss)[leaf] ?? 0;
    // The loss along the weight, θ ± 0.6, for the slice plot.
    const curve: [number, number][] = Array.from({ length: 49 }, (_, i) => {
      const x = theta - 0.6 + (1.2 * i) / 48;
      n.graph.setValue(leaf, x);
      n.graph.forward();
      return [x, n.graph.value(n.loss)];
    });
    n.graph.setValue(leaf, theta);
    n.graph.forward();
    return { leaf, theta, backprop, sweep, curve, base: n.graph.value(n.loss) };
  }, [name.i]);
  // The row of the sweep for this ε (the slider only offers the sweep's exponents).
  const fd = useMemo(() => {
    const row = data.sweep.find((r) => r.eps === eps);
    if (row) return row;
    const n = lessonNeuron();
    return finiteDifference(n.graph, n.loss, data.leaf, eps);
  }, [data, eps]);

  const rel = relativeDifference(fd.central, data.backprop);
  const digits = rel > 0 ? Math.max(0, Math.floor(-Math.log10(rel))) : 16;

  const errorPlot = useMemo<LinePlotState>(
    () => ({
      series: [
        {
          id: 'central',
          color: OKABE_ITO[5],
          dash: '',
          shape: 'circle',
          points: data.sweep.map((r) => [r.eps, r.centralError] as [number, number]),
          label: T.central[lang],
        },
        {
          id: 'forward',
          color: OKABE_ITO[6],
          dash: '6 3',
          shape: 'square',
          points: data.sweep.map((r) => [r.eps, r.forwardError] as [number, number]),
          label: T.forward[lang],
        },
      ],
      xLog: true,
      yLog: true,
      xLabel: T.epsAxis[lang],
      yLabel: T.errorAxis[lang],
      markX: eps,
    }),
    [data, eps, lang],
  );
  const slicePlot = useMemo<LinePlotState>(() => {
    const { theta, base, backprop } = data;
    return {
      series: [
        {
          id: 'loss',
          color: OKABE_ITO[0],
          dash: '',
          shape: 'none',
          points: data.curve,
          label: T.lossCurve[lang],
        },
        {
          id: 'tangent',
          color: OKABE_ITO[6],
          dash: '6 3',
          shape: 'none',
          points: [-0.6, 0.6].map((dx) => [theta + dx, base + backprop * dx] as [number, number]),
          label: T.tangent[lang],
        },
        {
          id: 'nudged',
          color: OKABE_ITO[5],
          dash: '2 2',
          shape: 'circle',
          points: [
            [theta - eps, fd.minus],
            [theta + eps, fd.plus],
          ],
          label: T.nudged[lang],
        },
      ],
      xLog: false,
      yLog: false,
      xLabel: T.weightAxis[lang],
      yLabel: T.lossCurve[lang],
      markX: theta,
    };
  }, [data, fd, eps, lang]);
  const errorRef = useD3View(
    (el) => createLinePlotView(el, { title: T.plotTitle[lang], description: T.plotDesc[lang] }),
    errorPlot,
    lang,
  );
  const sliceRef = useD3View(
    (el) =>
      createLinePlotView(el, { title: T.sliceTitle[lang], description: T.sliceDesc[lang], height: 260 }),
    slicePlot,
    lang,
  );

  const w = name.tex;
  const epsTex = `10^{${e}}`;
  return (
    <div className="gradient-check" data-testid="gradient-check" data-weight={weight} data-eps={e}>
      <RichText text={step.body[lang]} />
      <div className="backprop-math" data-testid="check-math">
        <Tex display tex={`\\varepsilon = ${epsTex},\\quad ${w} = ${tex(data.theta)}`} />
        <p className="backprop-math__label">{T.nudgedLosses[lang]}</p>
        <Tex
          display
          tex={`L(${w} + \\varepsilon) = ${tex(fd.plus, 12)},\\qquad L(${w} - \\varepsilon) = ${tex(fd.minus, 12)}`}
        />
        <p className="backprop-math__label">{T.central[lang]}</p>
        <Tex
          display
          tex={`\\frac{L(${w}+\\varepsilon) - L(${w}-\\varepsilon)}{2\\varepsilon} = \\frac{${tex(fd.plus - fd.minus, 6)}}{2\\times ${epsTex}} = ${tex(fd.central, 10)}`}
        />
        <p className="backprop-math__label">{T.backprop[lang]}</p>
        <Tex display tex={`\\frac{\\partial L}{\\partial ${w}} = ${tex(data.backprop, 10)}`} />
        <p>
          {T.relError[lang]} <Tex tex={`= ${tex(rel, 2)}`} />
        </p>
      </div>
      <p className="backprop-status" aria-live="polite" data-testid="check-verdict">
        {rel < 1e-6 ? fillPlaceholders(T.verdictGood[lang], { digits }) : T.verdictBad[lang]}
      </p>
      <div className="backprop-plots">
        <figure>
          <div ref={sliceRef} />
          <figcaption>{T.sliceDesc[lang]}</figcaption>
        </figure>
        <figure>
          <div ref={errorRef} />
          <figcaption>
            <span className="swatch swatch--central" /> {T.central[lang]}{' '}
            <span className="swatch swatch--forward" /> {T.forward[lang]}
          </figcaption>
        </figure>
      </div>
    </div>
  );
}

import { useMemo } from 'react';
import { activation } from '../../core/tensor/reference/activations';
import { OKABE_ITO } from '../../core/viz/colorMaps';
import { createLinePlotView, type LinePlotState } from '../../core/viz/createLinePlotView';
import { RichText } from '../../ui/RichText';
import { useD3View } from '../useD3View';
import type { WidgetProps } from '../widgetTypes';
import { NeuronDiagram } from './NeuronDiagram';
import {
  isNeuronActivation,
  neuronForward,
  NEURON_ACTIVATIONS,
  type NeuronActivation,
} from './neuronForward';
import { RadioGroup, SliderField } from './NeuronsControls';
import { fmtNum, fmtTerm } from './neuronsFormat';
import {
  ACTIVATION_NAMES,
  activationParam,
  biasParam,
  inputParams,
  numberValue,
  weightParams,
} from './neuronsParams';
import { neuronTexts as T, tx } from './neuronsTexts';
import './neurons.css';

const SUB = ['₁', '₂', '₃'];
const SHORT_NAMES: Record<NeuronActivation, { en: string; zh: string }> = {
  linear: { en: 'linear', zh: '线性' },
  relu: { en: 'ReLU', zh: 'ReLU' },
  sigmoid: { en: 'σ', zh: 'σ' },
  tanh: { en: 'tanh', zh: 'tanh' },
};

/** The formula of y = f(z) for an activation with z's value filled in, up to the final "= ". */
export function outputFormula(act: NeuronActivation, z: string): string {
  switch (act) {
    case 'linear':
      return `y = f(z) = z = `;
    case 'relu':
      return `y = max(0, z) = max(0, ${z}) = `;
    case 'sigmoid':
      return `y = σ(z) = 1 / (1 + e^(−z)) = σ(${z}) = `;
    case 'tanh':
      return `y = tanh(z) = tanh(${z}) = `;
  }
}

/**
 * Step 1 (`neurons-one-neuron`): one neuron with three inputs, editable inputs, weights, bias and
 * activation (parameters x1–x3, w1–w3, b, act), the formula with the current numbers, a diagram and
 * the activation curve with the current point.
 */
export function NeuronWidget({ step, params, lang, setParam }: WidgetProps) {
  const x = inputParams.map((d) => numberValue(params, d));
  const w = weightParams.map((d) => numberValue(params, d));
  const b = numberValue(params, biasParam);
  const act: NeuronActivation = isNeuronActivation(params.act) ? params.act : 'sigmoid';
  const result = neuronForward(x, w, b, act);

  const sum = `z = ${w.map((_, i) => `w${SUB[i]}·x${SUB[i]}`).join(' + ')} + b`;
  const numbers = `${w.map((wi, i) => `${fmtTerm(wi, 2)}·${fmtTerm(x[i] ?? 0, 2)}`).join(' + ')} + ${fmtTerm(b, 2)}`;
  const products = `${result.products.map((p) => fmtTerm(p, 4)).join(' + ')} + ${fmtTerm(b, 2)}`;
  const zText = fmtNum(result.z, 4);
  const yText = fmtNum(result.y, 4);

  const span = Math.max(5, Math.ceil(Math.abs(result.z)) + 1);
  const plot = useMemo<LinePlotState>(
    () => ({
      series: [
        {
          id: 'curve',
          color: OKABE_ITO[5],
          dash: '',
          shape: 'none',
          points: Array.from({ length: 121 }, (_, i) => {
            const z = -span + (2 * span * i) / 120;
            return [z, activation(act, z)] as [number, number];
          }),
          label: T.curve[lang],
        },
        {
          id: 'current',
          color: OKABE_ITO[6],
          dash: '',
          shape: 'circle',
          points: [[result.z, result.y]],
          label: T.current[lang],
        },
      ],
      xLog: false,
      yLog: false,
      xLabel: T.zAxis[lang],
      yLabel: T.yAxis[lang],
      markX: result.z,
    }),
    [act, span, result.z, result.y, lang],
  );
  const plotRef = useD3View(
    (el) => createLinePlotView(el, { title: T.plotTitle[lang], description: T.plotDesc[lang], height: 240 }),
    plot,
    lang,
  );

  return (
    <div
      className="neurons-widget"
      data-testid="neuron-widget"
      data-act={act}
      data-z={result.z}
      data-y={result.y}
    >
      <RichText text={step.body[lang]} />
      <div className="neurons-panel neuron-controls">
        <fieldset className="neurons-fieldset">
          <legend>{T.inputsHeading[lang]}</legend>
          <p className="hint">{T.justNumbers[lang]}</p>
          <div className="neuron-controls__grid">
            {inputParams.map((def, i) => (
              <div className="neuron-controls__pair" key={def.id}>
                <SliderField
                  def={def}
                  label={tx(T.inputLabel, lang, { i: SUB[i] ?? '', name: T.inputNames[i]?.[lang] ?? '' })}
                  value={x[i] ?? 0}
                  onChange={(v) => setParam(def.id, v)}
                />
                <SliderField
                  def={weightParams[i]!}
                  label={tx(T.weightLabel, lang, { i: SUB[i] ?? '' })}
                  value={w[i] ?? 0}
                  onChange={(v) => setParam(weightParams[i]!.id, v)}
                />
              </div>
            ))}
            <SliderField
              def={biasParam}
              label={T.biasLabel[lang]}
              value={b}
              onChange={(v) => setParam('b', v)}
            />
          </div>
        </fieldset>
        <RadioGroup
          legend={T.activationLegend[lang]}
          name="act"
          testId="neuron-activation"
          options={NEURON_ACTIVATIONS.map((value) => ({ value, label: ACTIVATION_NAMES[value][lang] }))}
          value={act}
          onChange={(v) => setParam(activationParam.id, v)}
        />
      </div>
      <section className="neurons-formula" aria-live="polite" data-testid="neuron-formula">
        <h3>{T.formulaHeading[lang]}</h3>
        <p data-testid="neuron-formula-z">
          {sum} = {numbers} = {products} = <strong>{zText}</strong>
        </p>
        <p data-testid="neuron-formula-y">
          {outputFormula(act, zText)}
          <strong>{yText}</strong>
        </p>
        <p className="hint" data-testid="neuron-slope">
          {tx(T.slope, lang, { slope: fmtNum(result.slope, 4) })}
        </p>
      </section>
      <div className="neurons-figures">
        <figure className="neurons-figure">
          <NeuronDiagram
            x={x}
            w={w}
            b={b}
            result={result}
            actName={SHORT_NAMES[act][lang]}
            maxWeight={weightParams[0]?.max ?? 3}
            lang={lang}
          />
        </figure>
        <figure className="neurons-figure neurons-plot" data-testid="neuron-activation-plot">
          <div ref={plotRef} />
          <figcaption>{T.plotDesc[lang]}</figcaption>
        </figure>
      </div>
    </div>
  );
}

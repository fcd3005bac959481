import type { Lang } from '../../core/lessons/types';
import { OKABE_ITO } from '../../core/viz/colorMaps';
import { RichText } from '../../ui/RichText';
import type { WidgetProps } from '../widgetTypes';
import {
  cnnParamTable,
  float32Bytes,
  mlpParamTable,
  type CnnHead,
  type LayerCount,
  type ParamTable,
} from './mlpParamTable';
import { RadioGroup, SliderField } from './NeuronsControls';
import { fmtInt, fmtMb, fmtNum } from './neuronsFormat';
import { headParam, layersParam, numberValue, unitParams } from './neuronsParams';
import { mlpTexts as T, tx } from './neuronsTexts';
import { ParamBarChart, type ParamBar } from './ParamBarChart';
import { PATCH_SIDE } from './patchMaps';
import './neurons.css';

const BAR_LABELS = {
  mlp: { patch: T.barMlpPatch, slice: T.barMlpSlice },
  cnn: { patch: T.barCnnPatch, slice: T.barCnnSlice },
} as const;

/** Side of the full slice the step compares with. */
export const SLICE_SIDE = 512;

/** The hidden-layer sizes the parameters describe (the first `layers` unit parameters). */
export function hiddenSizes(params: WidgetProps['params']): number[] {
  const layers = Math.round(numberValue(params, layersParam));
  return unitParams.slice(0, layers).map((d) => numberValue(params, d));
}

/** The formula of one layer's count, with the numbers in: "4,096 × 128 + 128 = 524,416". */
export function layerFormula(l: LayerCount): string {
  if (l.kind === 'dense')
    return `${fmtInt(l.inputs)} × ${fmtInt(l.units)} + ${fmtInt(l.units)} = ${fmtInt(l.params)}`;
  if (l.kind === 'conv')
    return `${l.units} × (${l.kernel}·${l.kernel}·${l.inputs} + 1) = ${fmtInt(l.params)}`;
  return '0';
}

function layerName(l: LayerCount, lang: Lang): string {
  switch (l.kind) {
    case 'dense':
      return l.output
        ? tx(T.output, lang, { units: l.units })
        : tx(T.hidden, lang, { k: l.index, units: l.units });
    case 'conv':
      return tx(T.conv, lang, { k: l.index, filters: l.units, kernel: l.kernel });
    case 'pool':
      return tx(T.pool, lang, { k: l.index });
    case 'global-pool':
      return T.globalPool[lang];
  }
}

function Group({
  name,
  patch,
  slice,
  lang,
  id,
}: {
  name: string;
  patch: ParamTable;
  slice: ParamTable;
  lang: Lang;
  id: string;
}) {
  return (
    <tbody data-testid={`${id}-rows`}>
      <tr className="neurons-table__group">
        <th scope="rowgroup" colSpan={3}>
          {name}
        </th>
      </tr>
      {patch.layers.map((l, i) => (
        <tr key={i}>
          <th scope="row">{layerName(l, lang)}</th>
          <td>{layerFormula(l)}</td>
          <td>{layerFormula(slice.layers[i] ?? l)}</td>
        </tr>
      ))}
      <tr className="neurons-table__total">
        <th scope="row">{T.total[lang]}</th>
        <td data-testid={`${id}-total-patch`}>{fmtInt(patch.total)}</td>
        <td data-testid={`${id}-total-slice`}>{fmtInt(slice.total)}</td>
      </tr>
      <tr>
        <th scope="row">{T.memory[lang]}</th>
        <td>{fmtMb(float32Bytes(patch.total))}</td>
        <td>{fmtMb(float32Bytes(slice.total))}</td>
      </tr>
    </tbody>
  );
}

/**
 * Step 3 (`neurons-mlp-params`): the parameter count of an MLP on a flattened 64×64 patch (hidden
 * layers and units from the parameters layers, u1–u3), layer by layer, against the small CNN (head
 * from `head`) and against both on a 512×512 slice: a table and a bar chart on a log scale.
 */
export function MlpParamsWidget({ step, params, lang, setParam }: WidgetProps) {
  const hidden = hiddenSizes(params);
  const head: CnnHead = params.head === 'global' ? 'global' : 'flatten';
  const mlpPatch = mlpParamTable(PATCH_SIDE, hidden);
  const mlpSlice = mlpParamTable(SLICE_SIDE, hidden);
  const cnnPatch = cnnParamTable(PATCH_SIDE, head);
  const cnnSlice = cnnParamTable(SLICE_SIDE, head);
  const side = PATCH_SIDE;
  // MLP bars solid vermillion, CNN bars hatched blue: they differ in pattern as well as colour.
  const bar = (net: 'mlp' | 'cnn', size: 'patch' | 'slice', value: number): ParamBar => ({
    id: `${net}-${size}`,
    label: tx(BAR_LABELS[net][size], lang, { side }),
    value,
    colour: net === 'mlp' ? OKABE_ITO[6] : OKABE_ITO[5],
    pattern: net === 'mlp' ? 'solid' : 'hatched',
  });
  const bars = [
    bar('mlp', 'patch', mlpPatch.total),
    bar('mlp', 'slice', mlpSlice.total),
    bar('cnn', 'patch', cnnPatch.total),
    bar('cnn', 'slice', cnnSlice.total),
  ];
  return (
    <div
      className="neurons-widget"
      data-testid="mlp-params-widget"
      data-mlp-patch={mlpPatch.total}
      data-mlp-slice={mlpSlice.total}
      data-cnn-patch={cnnPatch.total}
      data-cnn-slice={cnnSlice.total}
      data-head={head}
    >
      <RichText text={step.body[lang]} />
      <div className="neurons-panel">
        <fieldset className="neurons-fieldset">
          <legend>{T.mlpHeading[lang]}</legend>
          <RadioGroup
            legend={T.layersLegend[lang]}
            name="layers"
            testId="mlp-layers"
            options={[1, 2, 3].map((value) => ({ value, label: String(value) }))}
            value={hidden.length}
            onChange={(v) => setParam(layersParam.id, v)}
          />
          <div className="neuron-controls__grid">
            {unitParams.map((def, i) => (
              <SliderField
                key={def.id}
                def={def}
                label={tx(T.unitsLabel, lang, { k: i + 1 })}
                value={numberValue(params, def)}
                disabled={i >= hidden.length}
                format={(v) => fmtNum(v, 0)}
                onChange={(v) => setParam(def.id, v)}
              />
            ))}
          </div>
        </fieldset>
        <RadioGroup
          legend={T.headLegend[lang]}
          name="head"
          testId="mlp-head"
          options={headParam.options.map((o) => ({ value: o.value, label: o.label[lang] }))}
          value={head}
          onChange={(v) => setParam(headParam.id, v)}
        />
      </div>
      <table className="data-table neurons-table" data-testid="mlp-table">
        <caption>{tx(T.tableCaption, lang, { side })}</caption>
        <thead>
          <tr>
            <th scope="col">{T.colLayer[lang]}</th>
            <th scope="col">{tx(T.colPatch, lang, { side })}</th>
            <th scope="col">{T.colSlice[lang]}</th>
          </tr>
        </thead>
        <Group id="mlp" name={T.mlpGroup[lang]} patch={mlpPatch} slice={mlpSlice} lang={lang} />
        <Group id="cnn" name={T.cnnGroup[lang]} patch={cnnPatch} slice={cnnSlice} lang={lang} />
      </table>
      <p data-testid="mlp-ratio" aria-live="polite">
        {tx(T.ratio, lang, { side, ratio: fmtInt(mlpPatch.total / cnnPatch.total) })}
      </p>
      <figure className="neurons-figure">
        <ParamBarChart bars={bars} title={T.barsTitle[lang]} description={T.barsDesc[lang]} />
        <figcaption>{T.barsDesc[lang]}</figcaption>
      </figure>
    </div>
  );
}

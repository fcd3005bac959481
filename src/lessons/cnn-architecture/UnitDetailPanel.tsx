import { useMemo } from 'react';
import { formatNumber, MINUS_SIGN } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import { receptiveBox } from '../../core/models/analyseGraph';
import { explainUnit, type LayerWeights } from '../../core/models/explainUnit';
import type {
  GraphLayer,
  LayerAnalysis,
  LayerOutput,
  ModelGraph,
  UnitExplanation,
  UnitRef,
} from '../../core/models/zooTypes';
import { MapCanvas } from '../shared/MapCanvas';
import { layerLayout, unitIndex } from './featureMapsLayout';
import { FieldBox } from './FieldBox';
import { unitTexts as T } from './mapsTexts';
import { UnitComputation } from './UnitComputation';

/** A number for the check row: up to 6 decimals, U+2212 for negatives. */
export function formatExact(v: number): string {
  return formatNumber(v, 6);
}

/** A small difference in scientific notation ("3.1 × 10⁻⁸" written as 3.1e−8); "0" when exactly 0. */
export function formatDelta(d: number): string {
  if (d === 0) return '0';
  if (!Number.isFinite(d)) return '\u2014';
  return d.toExponential(1).replace('-', MINUS_SIGN).replace('+', '');
}

type Explained = { ok: true; e: UnitExplanation } | { ok: false; error: string };

/**
 * The detail panel of the selected unit: its receptive field outlined on the model input
 * (`receptiveBox`), its exact computation from `explainUnit` (the plain-TS reference maths on the
 * forward pass's own inputs and the layer's weights), and that value next to tfjs's activation for
 * the same unit with their difference.
 */
export function UnitDetailPanel({
  graph,
  analysis,
  outputs,
  unit,
  weightsOf,
  lang,
}: {
  graph: ModelGraph;
  analysis: readonly LayerAnalysis[];
  outputs: readonly LayerOutput[];
  unit: UnitRef;
  weightsOf(layer: string): LayerWeights;
  lang: Lang;
}) {
  const index = graph.layers.findIndex((l) => l.name === unit.layer);
  const layer = graph.layers[index]!;
  const output = outputs[index]!;
  const explained = useMemo<Explained>(() => {
    try {
      return { ok: true, e: explainUnit(graph, unit, outputs, weightsOf) };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    // The unit's fields, not its identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, outputs, weightsOf, unit.layer, unit.row, unit.column, unit.channel]);
  const tfjsValue = output.values[unitIndex(output.shape, unit)]!;
  return (
    <section
      className="maps-unit"
      data-testid="unit-panel"
      data-layer={unit.layer}
      data-kind={explained.ok ? explained.e.kind : 'error'}
    >
      <h3>{T.title[lang]}</h3>
      <div className="maps-unit__grid">
        <ReceptiveField
          analysis={analysis[index]}
          layer={layer}
          unit={unit}
          input={outputs[0]!}
          lang={lang}
        />
        <div className="maps-unit__maths">
          {explained.ok ? (
            <UnitComputation e={explained.e} layer={layer} graph={graph} lang={lang} />
          ) : (
            <p role="alert" className="widget-error" data-testid="unit-error">
              {T.explainFailed[lang]} <span lang="en">{explained.error}</span>
            </p>
          )}
        </div>
      </div>
      {explained.ok && <CheckRow reference={explained.e.value} tfjs={tfjsValue} lang={lang} />}
    </section>
  );
}

function CheckRow({ reference, tfjs, lang }: { reference: number; tfjs: number; lang: Lang }) {
  const delta = reference - tfjs;
  return (
    <table className="maps-check" data-testid="unit-check">
      <caption>{T.checkTitle[lang]}</caption>
      <tbody>
        <tr>
          <th scope="row">{T.reference[lang]}</th>
          <td data-testid="unit-reference" data-value={reference}>
            {formatExact(reference)}
          </td>
        </tr>
        <tr>
          <th scope="row">
            <span lang="en">tfjs</span>
          </th>
          <td data-testid="unit-tfjs" data-value={tfjs}>
            {formatExact(tfjs)}
          </td>
        </tr>
        <tr>
          <th scope="row">{T.delta[lang]}</th>
          <td data-testid="unit-delta" data-value={delta}>
            {formatDelta(delta)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function ReceptiveField({
  analysis,
  layer,
  unit,
  input,
  lang,
}: {
  analysis: LayerAnalysis | undefined;
  layer: GraphLayer;
  unit: UnitRef;
  input: LayerOutput;
  lang: Lang;
}) {
  const [n, w] = [input.shape[0] ?? 0, input.shape[1] ?? 0];
  const box =
    analysis && layerLayout(layer.outputShape).kind === 'maps'
      ? receptiveBox(analysis, unit.row, unit.column)
      : undefined;
  const past =
    box !== undefined &&
    (box.row0 < 0 || box.column0 < 0 || box.row0 + box.rows > n || box.column0 + box.columns > w);
  return (
    <figure
      className="maps-unit__field"
      data-testid="unit-field"
      {...(box ? { 'data-box': `${box.row0},${box.column0},${box.rows},${box.columns}` } : {})}
    >
      <figcaption>{T.receptiveTitle[lang]}</figcaption>
      <MapCanvas
        values={input.values}
        width={w}
        height={n}
        scale="gray"
        range={[0, 1]}
        label={T.inputFigure[lang](n)}
        displayWidth={192}
      >
        <svg viewBox={`0 0 ${w} ${n}`} preserveAspectRatio="none" aria-hidden="true">
          {box ? (
            <FieldBox box={box} />
          ) : (
            layer.kind !== 'input' && <FieldBox box={{ row0: 0, column0: 0, rows: n, columns: w }} />
          )}
        </svg>
      </MapCanvas>
      <p className="hint">
        {box
          ? T.receptive[lang](
              box.rows,
              box.columns,
              box.row0,
              box.row0 + box.rows - 1,
              box.column0,
              box.column0 + box.columns - 1,
            )
          : T.wholeInput[lang]}
      </p>
      {past && <p className="hint">{T.pastEdge[lang](n)}</p>}
    </figure>
  );
}

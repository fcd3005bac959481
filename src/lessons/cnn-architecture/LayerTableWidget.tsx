import { useRef, type KeyboardEvent } from 'react';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import { graphTotals } from '../../core/models/analyseGraph';
import type { LayerAnalysis } from '../../core/models/zooTypes';
import { RichText } from '../../ui/RichText';
import { formatCount } from '../../ui/zoo/zooFormat';
import type { LoadedZooModel } from '../../ui/zoo/useZooModel';
import { paramString } from '../paramValue';
import { MapCanvas } from '../shared/MapCanvas';
import { OWN_SLICE, SLICE_PARAM } from '../shared/lessonSlice';
import { SliceSource } from '../shared/SliceSource';
import type { WidgetProps } from '../widgetTypes';
import { LAYER_PARAM } from './cnnArchitectureParams';
import { FieldBox } from './FieldBox';
import { centreBox, fieldStep, layerIndex } from './layerTable';
import { LAYER_KIND_NAMES, layerTexts as T } from './layerTableTexts';
import { ModelSelect } from './ModelSelect';
import { ModelStatus } from './ModelStatus';
import { ReceptiveFieldChart } from './ReceptiveFieldChart';
import { useCnnInput } from './useCnnInput';
import { UserModelNotes } from './UserModelNotes';
import './cnnArchitecture.css';

const n2 = (v: number): string => formatNumber(v, 2);

/** An output shape as "62 × 62 × 10" (a vector: its length). */
export function formatShape(shape: readonly number[]): string {
  return shape.join(' × ');
}

/** A receptive field as "size, jump" ("16, 4"; "16 × 14, 4 × 2" when the axes differ). */
function formatField(a: LayerAnalysis, lang: Lang): string {
  const f = a.receptiveField;
  if (!f) return T.wholeInput[lang];
  const pair = (p: readonly [number, number]) => (p[0] === p[1] ? n2(p[0]) : `${n2(p[0])} × ${n2(p[1])}`);
  return `${pair(f.size)}, ${pair(f.jump)}`;
}

/** Why the selected layer's field is what it is: the recurrence with its numbers, or the rule. */
function FieldWhy({ model, index, lang }: { model: LoadedZooModel; index: number; lang: Lang }) {
  const step = fieldStep(model.runner.graph, model.analysis, index);
  switch (step.kind) {
    case 'input':
      return <p>{T.inputField[lang]}</p>;
    case 'vector':
      return <p data-testid="cnn-rf-vector">{T.vectorLayer[lang]}</p>;
    case 'transpose':
      return <p>{T.transposeField[lang]}</p>;
    case 'union':
      return <p>{T.unionField[lang]}</p>;
    case 'same':
      return <p>{T.sameField[lang]}</p>;
    case 'kernel':
      return (
        <p data-testid="cnn-rf-recurrence">
          <span className="cnn-formula">
            {T.recurrence[lang](n2(step.rPrev), step.k, n2(step.jPrev), n2(step.r), step.s, n2(step.j))}
          </span>{' '}
          ({T.recurrenceFrom[lang]} <code lang="en">{step.previous}</code>)
        </p>
      );
  }
}

/** The table itself: one row per layer, a selectable name button per row, totals at the foot. */
function LayerTable({
  model,
  selected,
  lang,
  onSelect,
}: {
  model: LoadedZooModel;
  selected: number;
  lang: Lang;
  onSelect(name: string): void;
}) {
  const { analysis, manifest } = model;
  const totals = graphTotals(analysis);
  const body = useRef<HTMLTableSectionElement>(null);
  const select = (i: number): void => {
    const a = analysis[Math.max(0, Math.min(analysis.length - 1, i))]!;
    onSelect(a.name);
    body.current?.querySelector<HTMLButtonElement>(`[data-layer="${a.name}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>): void => {
    const moves: Record<string, number> = {
      ArrowUp: selected - 1,
      ArrowDown: selected + 1,
      Home: 0,
      End: analysis.length - 1,
    };
    const to = moves[e.key];
    if (to === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    select(to);
  };
  return (
    <div className="cnn-table-wrap">
      <table className="cnn-layers" data-testid="cnn-layer-table" aria-label={T.tableLabel[lang]}>
        <caption>{T.caption[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">{T.layer[lang]}</th>
            <th scope="col">{T.kind[lang]}</th>
            <th scope="col">{T.output[lang]}</th>
            <th scope="col">{T.params[lang]}</th>
            <th scope="col">{T.flops[lang]}</th>
            <th scope="col">{T.field[lang]}</th>
          </tr>
        </thead>
        <tbody ref={body} onKeyDown={onKeyDown}>
          {analysis.map((a, i) => (
            <tr
              key={a.name}
              className={i === selected ? 'cnn-layers__selected' : undefined}
              data-testid={`cnn-layer-row-${a.name}`}
              data-params={a.params}
              data-rf-size={a.receptiveField ? a.receptiveField.size.join(',') : ''}
              onClick={() => onSelect(a.name)}
            >
              <th scope="row">
                <button
                  type="button"
                  className="cnn-layers__name"
                  aria-pressed={i === selected}
                  data-layer={a.name}
                  tabIndex={i === selected ? 0 : -1}
                  onClick={(e) => {
                    e.stopPropagation();
                    onSelect(a.name);
                  }}
                >
                  <code lang="en">{a.name}</code>
                </button>
              </th>
              <td>{LAYER_KIND_NAMES[a.kind][lang]}</td>
              <td className="num">{formatShape(a.outputShape)}</td>
              <td className="num">{formatCount(a.params)}</td>
              <td className="num">{formatCount(a.flops)}</td>
              <td className="num">{formatField(a, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="cnn-layer-total" data-params={totals.params} data-flops={totals.flops}>
            <th scope="row">{T.total[lang]}</th>
            <td />
            <td />
            <td className="num">{formatCount(totals.params)}</td>
            <td className="num">{formatCount(totals.flops)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p
        className={manifest && manifest.params !== totals.params ? 'widget-error' : 'hint'}
        data-testid="cnn-layer-manifest"
      >
        {!manifest
          ? T.noManifest[lang]
          : manifest.params === totals.params
            ? T.manifestMatch[lang](formatCount(manifest.params))
            : T.manifestDiffers[lang](formatCount(manifest.params))}
      </p>
    </div>
  );
}

/**
 * Step 2 of `cnn-architecture`: the layer table (shape, parameters, FLOPs, receptive field, all
 * from `analysis`, with totals); the selected layer (`layer` in the URL) outlines on the model's
 * input the receptive field of its centre unit, and a chart plots the field size by depth.
 */
export function LayerTableWidget({ step, params, lang, setParam }: WidgetProps) {
  const cnn = useCnnInput(params);
  const { def, model, slice, input, pixelMm } = cnn;
  const loaded = model.status === 'ready' ? model.model : undefined;
  const wanted = paramString(params[LAYER_PARAM.id], LAYER_PARAM.default);
  const index = loaded ? layerIndex(loaded.analysis, wanted) : -1;
  const a = loaded?.analysis[index];
  const size = def.preprocessing.size;
  const box = a ? centreBox(a, size) : undefined;
  const status = model.status === 'ready' ? 'ready' : model.status;
  return (
    <div
      className="cnn-widget"
      data-testid="cnn-layers"
      data-model={def.id}
      data-status={status}
      data-layer={a?.name ?? ''}
    >
      <RichText text={step.body[lang]} />
      <ModelSelect def={def} lang={lang} setParam={setParam} />
      <UserModelNotes
        userName={cnn.userName}
        phantomUnavailable={cnn.phantomUnavailable}
        current={2}
        lang={lang}
        setParam={setParam}
      />
      <ModelStatus model={model} lang={lang} errorTestId="cnn-error" />
      {loaded && a && (
        <div className="cnn-layers-view">
          <LayerTable
            model={loaded}
            selected={index}
            lang={lang}
            onSelect={(name) => setParam(LAYER_PARAM.id, name)}
          />
          <div className="cnn-layers-side">
            <p className="cnn-layers-side__title">
              {T.selected[lang]} <code lang="en">{a.name}</code> ({LAYER_KIND_NAMES[a.kind][lang]})
            </p>
            <SliceSource state={slice} lang={lang} onOwnSlice={() => setParam(SLICE_PARAM.id, OWN_SLICE)} />
            {input ? (
              <div className="cnn-rf-figure">
                <MapCanvas
                  values={input.input}
                  width={size}
                  height={size}
                  scale="gray"
                  range={[0, 1]}
                  label={T.inputLabel[lang](size)}
                  displayWidth={256}
                  testId="cnn-rf-input"
                >
                  {box && (
                    <svg viewBox={`0 0 ${size} ${size}`} className="cnn-rf-overlay" aria-hidden="true">
                      <FieldBox box={box} testId="cnn-rf-box" />
                    </svg>
                  )}
                </MapCanvas>
              </div>
            ) : (
              <p className="hint">{T.noInput[lang]}</p>
            )}
            {box && (
              <>
                <p data-testid="cnn-rf-text">
                  {T.unitBox[lang](
                    box.row,
                    box.column,
                    box.row0,
                    box.row0 + box.rows - 1,
                    box.column0,
                    box.column0 + box.columns - 1,
                    box.rows,
                    box.columns,
                  )}{' '}
                  {T.boxMm[lang](formatNumber(box.rows * pixelMm, 1))}
                </p>
                {box.pastEdge && <p className="hint">{T.pastEdge[lang](size)}</p>}
              </>
            )}
            <FieldWhy model={loaded} index={index} lang={lang} />
            <ReceptiveFieldChart
              analysis={loaded.analysis}
              selected={a.name}
              inputSize={size}
              lang={lang}
              onSelect={(name) => setParam(LAYER_PARAM.id, name)}
            />
          </div>
        </div>
      )}
    </div>
  );
}

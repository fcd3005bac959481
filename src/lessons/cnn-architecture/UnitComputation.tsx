import { useState, type ReactNode } from 'react';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import type { GraphLayer, ModelGraph, UnitExplanation, UnitTerm } from '../../core/models/zooTypes';
import { MapCanvas } from '../shared/MapCanvas';
import { layerLayout } from './featureMapsLayout';
import { unitTexts as T } from './mapsTexts';
import {
  activationName,
  largestTerms,
  strongestChannels,
  termsByChannel,
  windowGrid,
  type ChannelTerms,
  type GridCells,
} from './unitDetail';

/** Input channels drawn as grids before "draw all". */
const GRID_CHANNELS = 4;
/** Terms listed for a sum without a window layout (dense, 1 × 1 convolutions). */
const LARGEST = 10;
/** Sources drawn as numbers; a larger window (global pooling) is drawn as a small map. */
const MAX_NUMBER_CELLS = 49;

const f3 = (v: number): string => formatNumber(v, 3);
const f4 = (v: number): string => formatNumber(v, 4);

type Source = { layer: string; row: number; column: number; channel: number };

/** Where a value comes from: the layer's name (English) and its position. */
function SourceName({ source, graph }: { source: Source; graph: ModelGraph }) {
  const layer = graph.layers.find((l) => l.name === source.layer);
  const vector = layer ? layerLayout(layer.outputShape).kind === 'vector' : false;
  return (
    <>
      <code lang="en">{source.layer}</code>{' '}
      <span className="maps-pos">
        {vector ? `[${source.channel}]` : `[${source.row}, ${source.column}, ${source.channel}]`}
      </span>
    </>
  );
}

function Grid<T>({
  cells,
  value,
  cls,
  testId,
  caption,
}: {
  cells: GridCells<T>;
  value(t: T): string;
  cls?(t: T): string | undefined;
  testId?: string;
  caption: string;
}) {
  return (
    <table className="maps-grid" data-testid={testId}>
      <caption>{caption}</caption>
      <tbody>
        {cells.map((row, i) => (
          <tr key={i}>
            {row.map((t, j) => (
              <td key={j} className={t ? cls?.(t) : undefined}>
                {t ? value(t) : ''}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChannelGrids({ group, lang }: { group: ChannelTerms; lang: Lang }) {
  const cells = group.grid!;
  const padded = (t: UnitTerm) => (t.padded ? 'maps-grid__pad' : undefined);
  return (
    <div className="maps-channel" data-testid={`unit-channel-${group.channel}`} data-partial={group.partial}>
      <p className="maps-channel__title">{T.channelGroup[lang](group.channel, f4(group.partial))}</p>
      <div className="maps-row">
        <Grid cells={cells} value={(t) => f3(t.input)} cls={padded} caption={T.patch[lang]} />
        <Grid cells={cells} value={(t) => f3(t.weight)} caption={T.kernel[lang]} />
        <Grid cells={cells} value={(t) => f3(t.product)} cls={padded} caption={T.products[lang]} />
      </div>
    </div>
  );
}

function TermList({ terms, graph, lang }: { terms: readonly UnitTerm[]; graph: ModelGraph; lang: Lang }) {
  const { top, restCount, restSum } = largestTerms(terms, LARGEST);
  return (
    <>
      <table className="maps-terms" data-testid="unit-terms" data-count={terms.length}>
        <caption>{T.largestTitle[lang](top.length, terms.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{T.source[lang]}</th>
            <th scope="col">x</th>
            <th scope="col">w</th>
            <th scope="col">x·w</th>
          </tr>
        </thead>
        <tbody>
          {top.map((t, i) => (
            <tr key={i} className={t.padded ? 'maps-grid__pad' : undefined}>
              <td>
                <SourceName source={t.source} graph={graph} />
              </td>
              <td>{f4(t.input)}</td>
              <td>{f4(t.weight)}</td>
              <td>{f4(t.product)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {restCount > 0 && (
        <p data-testid="unit-rest" data-count={restCount} data-sum={restSum}>
          {T.rest[lang](restCount, f4(restSum))}
        </p>
      )}
    </>
  );
}

function WeightedSum({
  e,
  graph,
  lang,
}: {
  e: Extract<UnitExplanation, { kind: 'weighted-sum' }>;
  graph: ModelGraph;
  lang: Lang;
}) {
  const [all, setAll] = useState(false);
  const groups = termsByChannel(e.terms);
  const windowed = groups.every((g) => g.grid !== null && g.terms.length > 1);
  const shown = windowed ? (all ? groups : strongestChannels(groups, GRID_CHANNELS)) : [];
  const f = activationName(e.activation);
  return (
    <div data-testid="unit-weighted-sum">
      {windowed ? (
        <>
          {groups.length > GRID_CHANNELS && (
            <p className="hint">
              {T.channelsShown[lang](shown.length, groups.length)}{' '}
              <button type="button" className="button button--quiet" onClick={() => setAll(!all)}>
                {all ? T.showStrongest[lang] : T.showAllChannels[lang](groups.length)}
              </button>
            </p>
          )}
          {shown.map((g) => (
            <ChannelGrids key={`${g.layer}:${g.channel}`} group={g} lang={lang} />
          ))}
          {e.terms.some((t) => t.padded) && <p className="hint">{T.padded[lang]}</p>}
          {groups.length > 1 && (
            <details className="maps-partials">
              <summary>{T.partialsTitle[lang]}</summary>
              <p className="maps-partials__list">
                {groups.map((g) => `${g.channel}: ${f4(g.partial)}`).join('; ')}
              </p>
            </details>
          )}
        </>
      ) : (
        <TermList terms={e.terms} graph={graph} lang={lang} />
      )}
      <table className="maps-sum" data-testid="unit-sum">
        <tbody>
          {(
            [
              [T.sumLine[lang], 'unit-sigma', e.sum],
              [T.biasLine[lang], 'unit-bias', e.bias],
              [T.preLine[lang], 'unit-z', e.preActivation],
              [f ? T.activationLine[lang](f) : T.linearLine[lang], 'unit-value', e.value],
            ] as const
          ).map(([label, testId, value]) => (
            <tr key={testId}>
              <th scope="row">{label}</th>
              <td data-testid={testId} data-value={value}>
                {f4(value)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "y = value", the unit's value as tfjs computed it. */
function UnitValue({ value }: { value: number }) {
  return (
    <p>
      y ={' '}
      <strong data-testid="unit-value" data-value={value}>
        {f4(value)}
      </strong>
    </p>
  );
}

type Sourced = { layer: string; row: number; column: number; channel: number; input: number };

function SourceWindow({ sources, mark, lang }: { sources: readonly Sourced[]; mark?: number; lang: Lang }) {
  const cells = windowGrid(sources);
  if (!cells) return null;
  if (sources.length > MAX_NUMBER_CELLS) {
    const rows = cells.length;
    const cols = cells[0]!.length;
    const values = cells.flat().map((s) => s?.input ?? 0);
    return (
      <MapCanvas
        values={values}
        width={cols}
        height={rows}
        scale="viridis"
        label={T.patch[lang]}
        displayWidth={160}
      />
    );
  }
  const marked = mark !== undefined ? sources[mark] : undefined;
  return (
    <Grid
      cells={cells}
      value={(s) => f3(s.input)}
      cls={(s) => (s === marked ? 'maps-grid__max' : undefined)}
      caption={T.patch[lang]}
      testId="unit-window"
    />
  );
}

function SourceList({ sources, graph, op }: { sources: readonly Sourced[]; graph: ModelGraph; op: string }) {
  const parts: ReactNode[] = [];
  sources.slice(0, 16).forEach((s, i) => {
    if (i > 0) parts.push(<span key={`op${i}`}> {op} </span>);
    parts.push(
      <span key={i} className="maps-source">
        <SourceName source={s} graph={graph} /> = {f4(s.input)}
      </span>,
    );
  });
  return (
    <p data-testid="unit-sources" data-count={sources.length}>
      {parts}
    </p>
  );
}

/**
 * The computation of one unit as {@link explainUnit} worked it out: grids of patch, kernel slice
 * and products per input channel (or the largest terms), Σ, bias, activation; a pooling window
 * with its maximum or mean; the sources of an add, concatenation, flatten or activation.
 */
export function UnitComputation({
  e,
  layer,
  graph,
  lang,
}: {
  e: UnitExplanation;
  layer: GraphLayer;
  graph: ModelGraph;
  lang: Lang;
}) {
  if (e.kind === 'input') return <p>{T.inputUnit[lang]}</p>;
  if (e.kind === 'weighted-sum') return <WeightedSum e={e} graph={graph} lang={lang} />;
  if (e.kind === 'pool') {
    const n = e.sources.length;
    const sum = e.sources.reduce((s, x) => s + x.input, 0);
    const src = graph.layers.find((l) => l.name === e.sources[0]?.layer);
    const [h, w] = src ? [src.outputShape[0] ?? 0, src.outputShape[1] ?? 0] : [0, 0];
    return (
      <div data-testid="unit-pool" data-op={e.op}>
        <p>
          {e.op === 'max'
            ? T.maxPool[lang](n)
            : layer.kind === 'globalAvgPool'
              ? T.globalPool[lang](n, h, w)
              : T.avgPool[lang](n)}
        </p>
        <SourceWindow
          sources={e.sources}
          {...(e.argmax !== undefined ? { mark: e.argmax } : {})}
          lang={lang}
        />
        {e.op === 'average' && <p>{T.poolSum[lang](f4(sum), n, f4(e.value))}</p>}
        <UnitValue value={e.value} />
      </div>
    );
  }
  const f = activationName(e.activation);
  const text =
    e.op === 'add'
      ? T.add[lang]
      : e.op === 'concatenate'
        ? T.concatenate[lang]
        : e.op === 'flatten'
          ? T.flatten[lang]
          : e.activation === 'softmax'
            ? T.softmax[lang](e.sources.length)
            : f
              ? T.activation[lang](f)
              : T.linearLine[lang];
  return (
    <div data-testid="unit-elementwise" data-op={e.op}>
      <p>{text}</p>
      <SourceList sources={e.sources} graph={graph} op={e.op === 'add' ? '+' : ','} />
      <UnitValue value={e.value} />
    </div>
  );
}

import { memo, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import type { GraphLayer, LayerOutput, ModelGraph } from '../../core/models/zooTypes';
import { valuesToRgba, type ValueScale } from '../../core/viz/valuesToRgba';
import { ColourLegend } from '../shared/MapCanvas';
import {
  channelValues,
  layerLayout,
  THUMBNAIL_CAP,
  visibleChannels,
  type LayerScale,
} from './featureMapsLayout';
import { LAYER_KIND_NAMES } from './layerTableTexts';
import { mapsTexts as T } from './mapsTexts';

/** Channel scratch shared by every thumbnail (drawing is synchronous, one map at a time). */
let scratch = new Float32Array(0);

/** Draws channel `channel` of an HWC output on `canvas` (one valuesToRgba + putImageData). */
export function drawChannel(
  canvas: HTMLCanvasElement | null,
  output: LayerOutput,
  channel: number,
  scale: ValueScale,
  range: readonly [number, number],
): void {
  const ctx = canvas?.getContext('2d');
  const l = layerLayout(output.shape);
  if (!canvas || !ctx || l.kind !== 'maps') return;
  const n = l.rows * l.columns;
  if (scratch.length < n) scratch = new Float32Array(n);
  const values = channelValues(output.values, l.rows, l.columns, l.channels, channel, scratch);
  if (canvas.width !== l.columns) canvas.width = l.columns;
  if (canvas.height !== l.rows) canvas.height = l.rows;
  const image = ctx.createImageData(l.columns, l.rows);
  valuesToRgba(values, scale, range[0], range[1], image.data);
  ctx.putImageData(image, 0, 0);
}

/** A vector drawn as a strip of n coloured cells (1 × n pixels, stretched). */
function drawStrip(
  canvas: HTMLCanvasElement | null,
  values: ArrayLike<number>,
  scale: ValueScale,
  range: readonly [number, number],
): void {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx || values.length === 0) return;
  if (canvas.width !== values.length) canvas.width = values.length;
  if (canvas.height !== 1) canvas.height = 1;
  const image = ctx.createImageData(values.length, 1);
  valuesToRgba(values, scale, range[0], range[1], image.data);
  ctx.putImageData(image, 0, 0);
}

function Thumb({ output, channel, scale }: { output: LayerOutput; channel: number; scale: LayerScale }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(
    () => drawChannel(canvas.current, output, channel, scale.scale, scale.range),
    [output, channel, scale],
  );
  return <canvas ref={canvas} className="maps-thumb__canvas" aria-hidden="true" />;
}

/** Arrow keys / Home / End → the index to move to among `n` items, or null for any other key. */
export function indexKey(key: string, index: number, n: number): number | null {
  if (key === 'ArrowLeft' || key === 'ArrowUp') return Math.max(0, index - 1);
  if (key === 'ArrowRight' || key === 'ArrowDown') return Math.min(n - 1, index + 1);
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return null;
}

/**
 * A vector as a colour strip with the selected index outlined. Click a cell, or focus the strip
 * and use the arrow keys (Home / End), to select a unit.
 */
export function VectorStrip({
  values,
  scale,
  selected,
  label,
  testId,
  height = 18,
  onSelect,
}: {
  values: ArrayLike<number>;
  scale: LayerScale;
  selected: number | undefined;
  label: string;
  testId?: string;
  height?: number;
  onSelect(index: number): void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const n = values.length;
  useEffect(() => drawStrip(canvas.current, values, scale.scale, scale.range), [values, scale]);
  const onClick = (e: MouseEvent<HTMLDivElement>): void => {
    const r = e.currentTarget.getBoundingClientRect();
    if (!(r.width > 0)) return;
    onSelect(Math.min(n - 1, Math.max(0, Math.floor(((e.clientX - r.left) / r.width) * n))));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const next = indexKey(e.key, selected ?? -1, n);
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    onSelect(Math.max(0, next));
  };
  return (
    <div
      className="maps-strip"
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={n - 1}
      aria-valuenow={selected ?? 0}
      data-testid={testId}
      data-length={n}
      style={{ height }}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <canvas ref={canvas} className="maps-strip__canvas" aria-hidden="true" />
      {selected !== undefined && (
        <svg
          viewBox={`0 0 ${n} 1`}
          preserveAspectRatio="none"
          aria-hidden="true"
          className="maps-strip__mark"
        >
          <rect
            x={selected}
            y={0}
            width={1}
            height={1}
            fill="none"
            stroke="#000"
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
          />
        </svg>
      )}
    </div>
  );
}

interface RowProps {
  index: number;
  layer: GraphLayer;
  output: LayerOutput;
  scale: LayerScale;
  /** The selected channel (maps) or index (vectors) when this layer is the selected one. */
  selected: number | undefined;
  lang: Lang;
  onSelect(index: number, channel: number): void;
}

const LayerRow = memo(function LayerRow({ index, layer, output, scale, selected, lang, onSelect }: RowProps) {
  const l = layerLayout(output.shape);
  const [showAll, setShowAll] = useState(false);
  const [focus, setFocus] = useState<number | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const shape =
    l.kind === 'maps' ? T.shapeMaps[lang](l.rows, l.columns, l.channels) : T.shapeVector[lang](l.length);
  const channels = l.kind === 'maps' ? visibleChannels(l.channels, showAll, selected) : [];
  const current = focus ?? (selected !== undefined && channels.includes(selected) ? selected : channels[0]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    // The focused thumbnail (the event's target), else the row's tab stop.
    const target = buttons.current.findIndex((b) => b !== null && b === e.target);
    const at = target >= 0 ? target : channels.indexOf(current ?? 0);
    const next = indexKey(e.key, at, channels.length);
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    setFocus(channels[next]!);
    buttons.current[next]?.focus();
  };
  return (
    <div
      className={`maps-layer${selected !== undefined ? ' maps-layer--selected' : ''}`}
      data-testid={`maps-layer-${layer.name}`}
      data-kind={layer.kind}
      data-index={index}
    >
      <div className="maps-layer__head">
        <span className="maps-layer__n">{index}</span>
        <code lang="en">{layer.name}</code>
        <span className="maps-layer__kind">{LAYER_KIND_NAMES[layer.kind][lang]}</span>
        <span className="maps-layer__shape">{shape}</span>
      </div>
      <div className="maps-layer__body">
        {l.kind === 'maps' ? (
          <div
            className="maps-thumbs"
            role="group"
            aria-label={T.channelsGroup[lang](index)}
            onKeyDown={onKeyDown}
          >
            {channels.map((c, i) => (
              <button
                key={c}
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                type="button"
                className="maps-thumb"
                tabIndex={c === current ? 0 : -1}
                aria-pressed={c === selected}
                aria-label={T.thumb[lang](index, c, l.channels)}
                data-testid={`maps-thumb-${layer.name}-${c}`}
                onFocus={() => setFocus(c)}
                onClick={() => onSelect(index, c)}
              >
                <Thumb output={output} channel={c} scale={scale} />
                <span className="maps-thumb__label" aria-hidden="true">
                  {c}
                </span>
              </button>
            ))}
          </div>
        ) : (
          <VectorStrip
            values={output.values}
            scale={scale}
            selected={selected}
            label={T.vectorStrip[lang](index, l.length)}
            testId={`maps-strip-${layer.name}`}
            onSelect={(i) => onSelect(index, i)}
          />
        )}
        <div className="maps-layer__scale">
          <ColourLegend
            scale={scale.scale}
            range={scale.range}
            label={T.legend[lang](scale.scale)}
            width={120}
          />
          <span className="hint">
            {T.range[lang](formatNumber(scale.min, 3), formatNumber(scale.max, 3))}
          </span>
          {l.kind === 'maps' && l.channels > THUMBNAIL_CAP && (
            <button
              type="button"
              className="button button--quiet maps-more"
              aria-expanded={showAll}
              onClick={() => setShowAll(!showAll)}
            >
              {showAll ? T.showFewer[lang] : T.showAll[lang](l.channels)}
            </button>
          )}
        </div>
      </div>
    </div>
  );
});

/**
 * Every layer's output of one forward pass, one row per layer: channel thumbnails (capped, with
 * "show all") or a vector strip, each layer with its own colour scale and legend.
 */
export function LayerMaps({
  graph,
  outputs,
  scales,
  selectedLayer,
  selectedChannel,
  lang,
  onSelect,
}: {
  graph: ModelGraph;
  outputs: readonly LayerOutput[];
  scales: readonly LayerScale[];
  selectedLayer: string;
  selectedChannel: number;
  lang: Lang;
  /** A map (channel) or vector index chosen in layer `index`. */
  onSelect(index: number, channel: number): void;
}) {
  return (
    <div className="maps-layers" data-testid="maps-layers" data-layers={graph.layers.length}>
      {graph.layers.map((layer, i) => (
        <LayerRow
          key={layer.name}
          index={i}
          layer={layer}
          output={outputs[i]!}
          scale={scales[i]!}
          selected={layer.name === selectedLayer ? selectedChannel : undefined}
          lang={lang}
          onSelect={onSelect}
        />
      ))}
    </div>
  );
}

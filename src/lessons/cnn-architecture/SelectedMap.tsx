import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import type { GraphLayer, LayerOutput, UnitRef } from '../../core/models/zooTypes';
import { ColourLegend } from '../shared/MapCanvas';
import { arrowDelta, pixelAt } from '../shared/SliceOverview';
import { clampUnit, layerLayout, moveUnit, unitIndex, type LayerScale } from './featureMapsLayout';
import { drawChannel, VectorStrip } from './LayerMaps';
import { mapsTexts as T } from './mapsTexts';

/** CSS width of the large map. */
const BIG = 288;

/**
 * The selected layer large: its selected channel as a map with the selected unit outlined (click a
 * unit, arrow keys move it, Page Up / Page Down change the channel), or its vector as a tall strip.
 */
export function SelectedMap({
  layer,
  index,
  output,
  scale,
  unit,
  lang,
  onUnit,
}: {
  layer: GraphLayer;
  index: number;
  output: LayerOutput;
  scale: LayerScale;
  unit: UnitRef;
  lang: Lang;
  onUnit(unit: UnitRef): void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const l = layerLayout(output.shape);
  useEffect(() => {
    if (l.kind === 'maps') drawChannel(canvas.current, output, unit.channel, scale.scale, scale.range);
  }, [l.kind, output, unit.channel, scale]);
  const value = output.values[unitIndex(output.shape, unit)] ?? NaN;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const d = arrowDelta(e.key);
    let next: UnitRef | null = null;
    if (d) next = moveUnit(output.shape, unit, d[0], d[1]);
    else if (e.key === 'PageUp') next = clampUnit(output.shape, { ...unit, channel: unit.channel - 1 });
    else if (e.key === 'PageDown') next = clampUnit(output.shape, { ...unit, channel: unit.channel + 1 });
    if (!next) return;
    e.preventDefault();
    e.stopPropagation();
    onUnit(next);
  };
  const onClick = (e: MouseEvent<HTMLDivElement>): void => {
    if (l.kind !== 'maps') return;
    const p = pixelAt(e, e.currentTarget.getBoundingClientRect(), l.columns, l.rows);
    if (p) onUnit({ ...unit, row: p[0], column: p[1] });
  };
  const head = (
    <p className="maps-selected__head">
      <span className="maps-layer__n">{index}</span> <code lang="en">{layer.name}</code>{' '}
      <span data-testid="maps-unit-label">
        {l.kind === 'maps'
          ? T.unitAt[lang](unit.row, unit.column, unit.channel)
          : T.unitIndex[lang](unit.channel, l.length)}
      </span>
      {' = '}
      <strong data-testid="maps-unit-value">{formatNumber(value, 4)}</strong>
    </p>
  );
  if (l.kind === 'vector')
    return (
      <section
        className="maps-selected"
        data-testid="maps-selected"
        data-layer={layer.name}
        data-unit={unit.channel}
      >
        <h3>{T.selectedTitle[lang]}</h3>
        {head}
        <VectorStrip
          values={output.values}
          scale={scale}
          selected={unit.channel}
          label={T.bigVector[lang](l.length)}
          testId="maps-big"
          height={36}
          onSelect={(i) => onUnit({ ...unit, row: 0, column: 0, channel: i })}
        />
        <ColourLegend
          scale={scale.scale}
          range={scale.range}
          label={T.legend[lang](scale.scale)}
          width={BIG}
        />
      </section>
    );
  return (
    <section
      className="maps-selected"
      data-testid="maps-selected"
      data-layer={layer.name}
      data-unit={`${unit.row},${unit.column},${unit.channel}`}
    >
      <h3>{T.selectedTitle[lang]}</h3>
      {head}
      <div className="maps-selected__channel">
        <button
          type="button"
          className="button button--quiet"
          disabled={unit.channel <= 0}
          data-testid="maps-prev-channel"
          onClick={() => onUnit({ ...unit, channel: unit.channel - 1 })}
        >
          {T.prevChannel[lang]}
        </button>
        <span data-testid="maps-channel">{T.channelOf[lang](unit.channel, l.channels)}</span>
        <button
          type="button"
          className="button button--quiet"
          disabled={unit.channel >= l.channels - 1}
          data-testid="maps-next-channel"
          onClick={() => onUnit({ ...unit, channel: unit.channel + 1 })}
        >
          {T.nextChannel[lang]}
        </button>
      </div>
      <div
        className="map-canvas maps-big"
        style={{ width: BIG, aspectRatio: `${l.columns} / ${l.rows}` }}
        tabIndex={0}
        role="group"
        aria-label={T.bigMap[lang](l.rows, l.columns)}
        data-testid="maps-big"
        onKeyDown={onKeyDown}
        onClick={onClick}
      >
        <canvas ref={canvas} className="map-canvas__canvas" aria-hidden="true" />
        <div className="map-canvas__overlay">
          <svg viewBox={`0 0 ${l.columns} ${l.rows}`} preserveAspectRatio="none" aria-hidden="true">
            {/* A white square on a black halo: visible on every colour of the scale. */}
            {(
              [
                ['#000', 3],
                ['#fff', 1.5],
              ] as const
            ).map(([stroke, width]) => (
              <rect
                key={stroke}
                x={unit.column}
                y={unit.row}
                width={1}
                height={1}
                fill="none"
                stroke={stroke}
                strokeWidth={width}
                vectorEffect="non-scaling-stroke"
              />
            ))}
          </svg>
        </div>
      </div>
      <ColourLegend scale={scale.scale} range={scale.range} label={T.legend[lang](scale.scale)} width={BIG} />
    </section>
  );
}

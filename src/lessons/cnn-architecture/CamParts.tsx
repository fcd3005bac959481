import { useEffect, useRef, useState } from 'react';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import type { GradCamResult, LayerAnalysis, ModelGraph } from '../../core/models/zooTypes';
import type { ZooRunner } from '../../core/models/ZooRunner';
import { DIVERGING_STOPS } from '../../core/viz/colorMaps';
import { colourTable } from '../../core/viz/valuesToRgba';
import { formatPercent } from '../../ui/zoo/zooFormat';
import { MapCanvas } from '../shared/MapCanvas';
import { camToInput, lesionRadius, type ModelPoint } from './gradCamMaths';
import { camTexts as T } from './mapsTexts';

/** Largest value of an array (0 for an empty one). */
export function maxOf(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > m) m = values[i]!;
  return m;
}

/**
 * The input (grey) with the upsampled map laid over it in viridis at `opacity`:
 * rgb = (1 − opacity)·grey + opacity·viridis(heat / max). A map that is zero everywhere leaves the
 * input as it is.
 */
export function drawOverlay(
  canvas: HTMLCanvasElement | null,
  input: ArrayLike<number>,
  heat: ArrayLike<number>,
  size: number,
  opacity: number,
): void {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return;
  if (canvas.width !== size) canvas.width = size;
  if (canvas.height !== size) canvas.height = size;
  const image = ctx.createImageData(size, size);
  const viridis = new Uint8Array(colourTable('viridis').buffer);
  const max = maxOf(heat);
  const a = max > 0 ? opacity : 0;
  const d = image.data;
  for (let i = 0; i < size * size; i++) {
    const g = Math.round(255 * Math.min(1, Math.max(0, input[i]!)));
    const k = max > 0 ? Math.round((255 * Math.max(0, heat[i]!)) / max) : 0;
    // Colour table entries are RGBA bytes in memory order (little-endian packing puts R first).
    for (let c = 0; c < 3; c++) d[4 * i + c] = (1 - a) * g + a * viridis[4 * k + c]!;
    d[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

/** The overlay figure, with the lesion centre and the sentence's radius drawn when known. */
export function CamOverlay({
  input,
  heat,
  size,
  opacity,
  lesion,
  label,
}: {
  input: ArrayLike<number>;
  heat: ArrayLike<number>;
  size: number;
  opacity: number;
  lesion: ModelPoint | undefined;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => drawOverlay(canvas.current, input, heat, size, opacity), [input, heat, size, opacity]);
  const r = lesionRadius(size);
  return (
    <div className="map-canvas" style={{ width: 288, aspectRatio: '1 / 1' }}>
      <canvas
        ref={canvas}
        className="map-canvas__canvas"
        role="img"
        aria-label={label}
        data-testid="cam-overlay"
        data-max={maxOf(heat)}
      />
      {lesion && (
        <div className="map-canvas__overlay">
          <svg viewBox={`-0.5 -0.5 ${size} ${size}`} preserveAspectRatio="none" aria-hidden="true">
            {/* A thin black dashed circle on a white halo. */}
            {(
              [
                ['#fff', 1.2],
                ['#000', 0.5],
              ] as const
            ).map(([stroke, width]) => (
              <circle
                key={stroke}
                cx={lesion.column}
                cy={lesion.row}
                r={r}
                fill="none"
                stroke={stroke}
                strokeWidth={width}
                strokeDasharray="2 1.5"
              />
            ))}
          </svg>
        </div>
      )}
    </div>
  );
}

/** α_k as signed bars (blue negative, orange positive) around a zero line. */
export function AlphaBars({ weights, lang }: { weights: Float32Array; lang: Lang }) {
  const k = weights.length;
  let lo = 0;
  let hi = 0;
  let pos = 0;
  for (const w of weights) {
    lo = Math.min(lo, w);
    hi = Math.max(hi, w);
    if (w > 0) pos++;
  }
  const neg = k - pos - weights.filter((w) => w === 0).length;
  const m = Math.max(-lo, hi) || 1;
  const W = 480;
  const H = 90;
  const bw = W / Math.max(1, k);
  return (
    <figure className="cam-alpha">
      <figcaption>{T.alphaTitle[lang](k)}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        role="img"
        aria-label={T.alphaLabel[lang](k, pos, neg, formatNumber(lo, 4), formatNumber(hi, 4))}
        data-testid="cam-alpha"
        data-count={k}
        data-positive={pos}
      >
        <line x1={0} x2={W} y1={H / 2} y2={H / 2} stroke="#555" strokeWidth={1} />
        {Array.from(weights, (w, i) => {
          const h = (Math.abs(w) / m) * (H / 2 - 2);
          return (
            <rect
              key={i}
              x={i * bw + bw * 0.1}
              width={Math.max(0.5, bw * 0.8)}
              y={w >= 0 ? H / 2 - h : H / 2}
              height={h}
              fill={w >= 0 ? DIVERGING_STOPS.positive : DIVERGING_STOPS.negative}
            />
          );
        })}
      </svg>
      <p className="hint">
        {formatNumber(lo, 4)} … {formatNumber(hi, 4)}
      </p>
    </figure>
  );
}

/**
 * The Grad-CAM layers with the size of their maps and receptive fields (from the analysis), a
 * button to use each, and on request the map computed at every one of them, side by side.
 */
export function CamLayers({
  graph,
  analysis,
  layers,
  current,
  runner,
  input,
  classIndex,
  size,
  lang,
  onLayer,
}: {
  graph: ModelGraph;
  analysis: readonly LayerAnalysis[];
  layers: readonly string[];
  current: string;
  runner: ZooRunner;
  input: Float32Array;
  classIndex: number;
  size: number;
  lang: Lang;
  onLayer(name: string): void;
}) {
  const [maps, setMaps] = useState<{ key: unknown[]; byLayer: Map<string, GradCamResult> } | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = [runner, input, classIndex];
  const fresh = maps && maps.key.every((k, i) => k === key[i]) ? maps.byLayer : null;
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const compare = async (): Promise<void> => {
    const byLayer = new Map<string, GradCamResult>();
    setError(null);
    try {
      for (let i = 0; i < layers.length; i++) {
        if (!live.current) return;
        setProgress(i + 1);
        byLayer.set(layers[i]!, await runner.gradCam(input, classIndex, layers[i]!));
      }
      if (live.current) setMaps({ key, byLayer });
    } catch (e) {
      if (live.current) setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (live.current) setProgress(null);
    }
  };
  return (
    <section className="cam-layers" data-testid="cam-layers">
      <h3>{T.layersTitle[lang]}</h3>
      <p className="hint">{T.layersHint[lang]}</p>
      <ul className="cam-layers__list">
        {layers.map((name) => {
          const i = graph.layers.findIndex((l) => l.name === name);
          const shape = graph.layers[i]!.outputShape;
          const rf = analysis[i]?.receptiveField;
          const cam = fresh?.get(name);
          return (
            <li
              key={name}
              data-testid={`cam-layer-${name}`}
              className={name === current ? 'is-current' : undefined}
            >
              <code lang="en">{name}</code>{' '}
              <span>
                {T.layerRow[lang](shape[0] ?? 0, shape[1] ?? 0, rf?.size[0] ?? size, rf?.jump[0] ?? 1)}
              </span>{' '}
              {name !== current && (
                <button type="button" className="button button--quiet" onClick={() => onLayer(name)}>
                  {T.useLayer[lang]}
                </button>
              )}
              {cam && (
                <figure className="cam-layers__map">
                  <MapCanvas
                    values={camToInput(cam.map, cam.rows, cam.columns, size, analysis[i])}
                    width={size}
                    height={size}
                    scale="viridis"
                    range={[0, maxOf(cam.map) || 1]}
                    label={T.compareFigure[lang](cam.rows, cam.columns, formatNumber(maxOf(cam.map), 3))}
                    displayWidth={96}
                  />
                  <figcaption>
                    {T.compareFigure[lang](cam.rows, cam.columns, formatNumber(maxOf(cam.map), 3))}
                  </figcaption>
                </figure>
              )}
            </li>
          );
        })}
      </ul>
      {!fresh && (
        <button
          type="button"
          className="button"
          disabled={progress !== null}
          onClick={() => void compare()}
          data-testid="cam-compare"
        >
          {progress !== null ? T.comparing[lang](progress, layers.length) : T.compare[lang]}
        </button>
      )}
      {error && (
        <p role="alert" className="widget-error">
          {T.failed[lang]} <span lang="en">{error}</span>
        </p>
      )}
    </section>
  );
}

/** The overlay's opacity, 0…1 in steps of 5 %, with its label and value (Grad-CAM here and in the training gallery). */
export function OpacitySlider({
  id,
  label,
  value,
  onChange,
  testId,
}: {
  id: string;
  label: string;
  value: number;
  onChange(value: number): void;
  testId: string;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>{' '}
      <input
        id={id}
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.target.value))}
      />{' '}
      <output htmlFor={id}>{formatPercent(value)}</output>
    </>
  );
}

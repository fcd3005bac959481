import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { Lang } from '../../core/lessons/types';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { whenBackendReady } from '../../ui/backendStore';
import { ColourLegend, MapCanvas } from '../shared/MapCanvas';
import type { Volume } from '../../core/tensor/reference/types';
import type { LessonSlice } from '../shared/lessonSlice';
import { pixelAt } from '../shared/SliceOverview';
import type { WidgetProps } from '../widgetTypes';
import { ConvStepFrame } from './ConvStepFrame';
import { commonTexts as C, featureTexts as T } from './convolutionTexts';
import { CONTRAST_PERCENTILE, contrastParam, kernelTextParam, presetParam } from './convolutionParams';
import { drawFeatureMap, type DrawScratch } from './featureMapRenderer';
import { KernelEditor } from './KernelEditor';
import { kernelPreset } from './kernelPresets';
import {
  formatKernel,
  kernelFilters,
  normaliseKernel,
  parseKernel,
  randomKernel,
  resizeKernel,
  type KernelSize,
} from './kernelString';
import { LiveConvController } from './LiveConvController';
import './convolution.css';
import { paramString } from '../paramValue';

/** Padding of the live map: zeros, so that the map has the slice's size. */
const MAP_OPTIONS = { padding: 'same' } as const;

/**
 * Step 2: the feature map of the whole slice, recomputed on the compute backend on every kernel edit
 * (one uploaded image, at most one convolution in flight, the latest kernel wins; see
 * LiveConvController), drawn by `drawFeatureMap` (one valuesToRgba + putImageData), beside the input.
 */
export function FeatureMapWidget({ step, params, lang, setParam }: WidgetProps) {
  return (
    <ConvStepFrame step={step} params={params} lang={lang} setParam={setParam}>
      {(slice) => <LiveMap slice={slice} params={params} lang={lang} setParam={setParam} />}
    </ConvStepFrame>
  );
}

interface MapInfo {
  min: number;
  max: number;
  range: [number, number];
  clipped: boolean;
  ms: number;
}

function LiveMap({
  slice,
  params,
  lang,
  setParam,
}: Pick<WidgetProps, 'params' | 'lang' | 'setParam'> & { slice: LessonSlice }) {
  const presetId = paramString(params.preset, presetParam.default);
  const clipAt =
    paramString(params.contrast, contrastParam.default) === 'p99' ? CONTRAST_PERCENTILE : undefined;
  // The draw callback lives as long as the slice: it reads the scale chosen now through a ref.
  const clipRef = useRef(clipAt);
  const lastMap = useRef<Volume | null>(null);
  const scratch = useRef<DrawScratch>({});
  const text = paramString(params.k, kernelTextParam.default);
  const preset = kernelPreset(presetId);
  const kernelString = preset ? formatKernel(preset.weights) : text;
  const parsed = useMemo(
    () =>
      preset
        ? { ok: true as const, size: preset.size as KernelSize, weights: [...preset.weights] }
        : parseKernel(text),
    [preset, text],
  );
  const root = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const readout = useRef<HTMLParagraphElement>(null);
  const controller = useRef<LiveConvController | null>(null);
  const mapValues = useRef<Float32Array | null>(null);
  const updates = useRef(0);
  const [info, setInfo] = useState<MapInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seed = useRef(1);

  /** The kernel last asked for ("preset-or-custom:text"); null after a new slice. */
  const requested = useRef<string | null>(null);
  const ask = (presetOrCustom: string, text: string, weights: readonly number[]): void => {
    const key = `${presetOrCustom}:${text}`;
    const c = controller.current;
    if (!c || requested.current === key) return;
    requested.current = key;
    c.request(kernelFilters(weights), MAP_OPTIONS);
  };

  // One uploaded image per slice, freed on unmount or when the slice changes.
  useEffect(() => {
    requested.current = null;
    scratch.current = {};
    lastMap.current = null;
    const c = new LiveConvController({
      ready: whenBackendReady,
      onResult: (map, req) => {
        const start = performance.now();
        const drawn = drawFeatureMap(map, canvas.current, scratch.current, clipRef.current);
        // Kernel request → pixels on the canvas (the caption's min and max come after).
        const ms = start - req.requestedAt + drawn.drawMs;
        mapValues.current = map.data;
        lastMap.current = map;
        updates.current += 1;
        const el = root.current;
        if (el) {
          el.dataset.updated = String(updates.current);
          el.dataset.ms = ms.toFixed(2);
          el.dataset.status = 'ready';
        }
        setInfo({ min: drawn.min, max: drawn.max, range: drawn.range, clipped: drawn.clipped, ms });
        setError(null);
      },
      onError: (e) => {
        if (root.current) root.current.dataset.status = 'ready';
        setError(e.message);
      },
      onStatus: (s) => {
        if (root.current) root.current.dataset.status = s;
      },
    });
    controller.current = c;
    void c.setImage({ height: slice.height, width: slice.width, channels: 1, data: slice.intensity });
    return () => {
      c.dispose();
      controller.current = null;
      mapValues.current = null;
    };
  }, [slice]);

  // A new colour scale redraws the map already computed (no new convolution).
  useEffect(() => {
    if (clipRef.current === clipAt) return;
    clipRef.current = clipAt;
    const map = lastMap.current;
    if (!map) return;
    const drawn = drawFeatureMap(map, canvas.current, scratch.current, clipAt);
    setInfo((old) => (old ? { ...old, range: drawn.range, clipped: drawn.clipped } : old));
  }, [clipAt]);

  useEffect(() => {
    if (parsed.ok) ask(preset ? preset.id : 'custom', kernelString, parsed.weights);
    // `ask` and the key are derived from `parsed`; a new slice (new controller) asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parsed, slice]);

  // A kernel edit asks for its map at once, before React re-renders the page for the new URL, so
  // that the render overlaps the GPU's work instead of delaying its start (and `data-ms` counts
  // from the edit); the effect above then finds the same kernel already asked for.
  const setKernel = (weights: readonly number[]): void => {
    const text = formatKernel(weights);
    const read = parseKernel(text);
    if (read.ok) ask('custom', text, read.weights);
    setParam('preset', 'custom');
    setParam('k', text);
  };
  const weights = parsed.ok ? parsed.weights : [];
  const size: KernelSize = parsed.ok ? parsed.size : 3;

  const onProbe = (e: PointerEvent<HTMLDivElement>): void => {
    const out = readout.current;
    const values = mapValues.current;
    if (!out) return;
    const at = pixelAt(e, e.currentTarget.getBoundingClientRect(), slice.width, slice.height);
    if (!values || !at) {
      out.textContent = T.probeHint[lang];
      return;
    }
    const [row, col] = at;
    const i = row * slice.width + col;
    out.textContent = T.probe[lang](
      row,
      col,
      formatNumber(slice.intensity[i]!, 3),
      formatNumber(values[i]!, 3),
    );
  };

  return (
    <div ref={root} className="conv-feature" data-testid="feature-map" data-kernel={kernelString}>
      <div className="conv-feature__maps">
        <figure>
          <MapCanvas
            values={slice.intensity}
            width={slice.width}
            height={slice.height}
            scale="gray"
            range={[0, 1]}
            label={T.input[lang](slice.width, slice.height)}
            displayWidth={320}
            testId="feature-input"
          />
          <figcaption>{T.input[lang](slice.width, slice.height)}</figcaption>
        </figure>
        <figure>
          <div
            className="map-canvas"
            style={{ width: 320, aspectRatio: `${slice.width} / ${slice.height}` }}
            onPointerMove={onProbe}
            onPointerLeave={() => {
              if (readout.current) readout.current.textContent = T.probeHint[lang];
            }}
          >
            <canvas
              ref={canvas}
              className="map-canvas__canvas"
              role="img"
              aria-label={T.map[lang](slice.width, slice.height)}
              data-testid="feature-canvas"
            />
          </div>
          <figcaption>{T.map[lang](slice.width, slice.height)}</figcaption>
          {info && <ColourLegend scale="diverging" range={info.range} label={T.legend[lang]} width={320} />}
          {info?.clipped && (
            <p className="hint" data-testid="feature-clipped">
              {T.clipped[lang](CONTRAST_PERCENTILE, formatNumber(info.range[1], 3))}
            </p>
          )}
        </figure>
      </div>
      <MapFacts info={info} error={error} lang={lang} />
      <p ref={readout} className="conv-status" data-testid="feature-probe">
        {T.probeHint[lang]}
      </p>
      {parsed.ok ? (
        <KernelEditor
          presetId={preset ? preset.id : 'custom'}
          weights={weights}
          size={size}
          lang={lang}
          onPreset={(id) => {
            const p = kernelPreset(id);
            const text = p ? formatKernel(p.weights) : kernelString;
            ask(id, text, p ? p.weights : weights);
            setParam('preset', id);
            setParam('k', text);
          }}
          onWeights={setKernel}
          onSize={(k) => setKernel(resizeKernel(weights, k))}
          onNormalise={() => setKernel(normaliseKernel(weights))}
          onRandom={() => setKernel(randomKernel(size, seed.current++))}
        />
      ) : (
        <p role="alert" className="widget-error">
          {parsed.error[lang]}
        </p>
      )}
    </div>
  );
}

function MapFacts({ info, error, lang }: { info: MapInfo | null; error: string | null; lang: Lang }) {
  if (error)
    return (
      <p role="alert" className="widget-error" data-testid="feature-error">
        {C.error[lang]} <span lang="en">{error}</span>
      </p>
    );
  if (!info)
    return (
      <p className="conv-status" role="status">
        {C.computing[lang]}
      </p>
    );
  return (
    <>
      <p className="conv-status" data-testid="feature-range">
        {T.range[lang](formatNumber(info.min, 3), formatNumber(info.max, 3))}
      </p>
      <p className="conv-status hint" data-testid="feature-timing">
        {T.timing[lang](formatNumber(info.ms, 1))}
      </p>
    </>
  );
}

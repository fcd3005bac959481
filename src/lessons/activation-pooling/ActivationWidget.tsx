import { useId, useMemo } from 'react';
import { activation, activationDerivative } from '../../core/tensor/reference/activations';
import { OKABE_ITO } from '../../core/viz/colorMaps';
import { createLinePlotView, type LinePlotState } from '../../core/viz/createLinePlotView';
import { valueRange } from '../../core/viz/valuesToRgba';
import { fillPlaceholders } from '../../i18n/translate';
import { RichText } from '../../ui/RichText';
import type { LessonSlice } from '../shared/lessonSlice';
import { ColourLegend, MapCanvas } from '../shared/MapCanvas';
import { centralRegion } from '../shared/centralRegion';
import { SliceStep } from '../shared/SliceStep';
import { useD3View } from '../useD3View';
import type { WidgetProps } from '../widgetTypes';
import {
  activateMap,
  activationCurves,
  fmt,
  pct,
  preActivation,
  SATURATION_THRESHOLD,
  type ActivationStats,
} from './activationPoolingData';
import {
  eluAlphaParam,
  gainParam,
  LESSON_ACTIVATIONS,
  leakParam,
  MAP_KERNELS,
  probeParam,
  type LessonActivation,
} from './activationPoolingParams';
import { actTexts as T, activationNames, kernelNames } from './activationPoolingTexts';
import { SeriesLegend } from './SeriesLegend';
import './activationPooling.css';
import { paramNumber } from '../paramValue';

const F_COLOUR = OKABE_ITO[5];
const D_COLOUR = OKABE_ITO[6];

/** The sentence explaining saturation or dead units for `fn`, with its numbers filled in. */
function explanation(fn: LessonActivation, alpha: number, stats: ActivationStats, lang: 'en' | 'zh'): string {
  const d = (x: number): string => fmt(activationDerivative(fn, x, alpha));
  const share = (k: number): string => pct(k / stats.n);
  const common = { t: fmt(SATURATION_THRESHOLD), saturated: share(stats.saturated), alpha: fmt(alpha) };
  switch (fn) {
    case 'relu':
      return fillPlaceholders(T.relu[lang], { zeroed: share(stats.zeroed) });
    case 'leaky-relu':
      return fillPlaceholders(T.leaky[lang], { ...common, negative: share(stats.negative) });
    case 'elu':
      return fillPlaceholders(T.elu[lang], { ...common, d3: d(-3), d6: d(-6) });
    case 'sigmoid':
      return fillPlaceholders(T.sigmoid[lang], { ...common, d0: d(0), d5: d(5), d10: d(10) });
    case 'tanh':
      return fillPlaceholders(T.tanh[lang], { ...common, d0: d(0), d3: d(3), d5: d(5) });
    case 'gelu': {
      const { min } = activationCurves(fn, alpha);
      return fillPlaceholders(T.gelu[lang], { ...common, dmin: fmt(min.d), xmin: fmt(min.x) });
    }
  }
}

/**
 * Step 1: the chosen activation and its derivative (d3 line plot with a probe), applied to a
 * feature map of the slice (z = w × response of a kernel): before/after maps on one diverging scale,
 * the shares zeroed, saturated and negative, and the explanation of dead units or saturation with
 * the gradient values written out. The explorer appears once the slice is ready.
 */
export function ActivationWidget(props: WidgetProps) {
  const { step, params, lang, setParam } = props;
  return (
    <div className="actpool">
      <RichText text={step.body[lang]} />
      <SliceStep params={params} lang={lang} setParam={setParam}>
        {(slice) =>
          slice.width < 2 || slice.height < 2 ? (
            <p role="alert" className="widget-error" data-testid="activation-error">
              {fillPlaceholders(T.sliceTooSmall[lang], { w: slice.width, h: slice.height })}
            </p>
          ) : (
            <ActivationExplorer {...props} slice={slice} />
          )
        }
      </SliceStep>
    </div>
  );
}

/**
 * Largest side of the map step 1 computes on: a larger own image is cut to its central region, so
 * that a slider move stays quick (every move convolves, activates, counts and draws the whole map:
 * a 3000² radiograph is nine times the work of 1024²).
 */
export const ACTIVATION_MAX_SIDE = 1024;

function ActivationExplorer({ params, lang, setParam, slice: whole }: WidgetProps & { slice: LessonSlice }) {
  const id = useId();
  const slice = useMemo(() => centralRegion(whole, ACTIVATION_MAX_SIDE), [whole]);
  const fn: LessonActivation = LESSON_ACTIVATIONS.find((a) => a === params.fn) ?? 'relu';
  const kernel = MAP_KERNELS.find((k) => k === params.kernel) ?? MAP_KERNELS[0];
  const gain = paramNumber(params.gain, gainParam.default);
  const x = paramNumber(params.x, probeParam.default);
  const leak = paramNumber(params.leak, leakParam.default);
  const eluAlpha = paramNumber(params.elualpha, eluAlphaParam.default);
  const alpha = fn === 'elu' ? eluAlpha : leak;

  const z = useMemo(() => preActivation(slice, kernel, gain), [slice, kernel, gain]);
  const { activated, stats } = useMemo(() => activateMap(z, fn, alpha), [z, fn, alpha]);
  const range = useMemo<[number, number]>(() => valueRange(z, 'diverging'), [z]);

  const plot = useMemo<LinePlotState>(() => {
    const c = activationCurves(fn, alpha);
    return {
      series: [
        { id: 'f', color: F_COLOUR, dash: '', shape: 'none', points: c.f, label: T.fLabel[lang] },
        { id: 'df', color: D_COLOUR, dash: '6 3', shape: 'none', points: c.d, label: T.dLabel[lang] },
      ],
      xLog: false,
      yLog: false,
      xLabel: T.xAxis[lang],
      yLabel: T.yAxis[lang],
      markX: x,
    };
  }, [fn, alpha, x, lang]);
  const name = activationNames[fn][lang];
  const plotRef = useD3View(
    (el) =>
      createLinePlotView(el, {
        title: fillPlaceholders(T.plotTitle[lang], { name }),
        description: T.plotDesc[lang],
        height: 280,
      }),
    plot,
    `${lang}-${fn}`,
  );

  const fx = activation(fn, x, alpha);
  const dx = activationDerivative(fn, x, alpha);
  const usesAlpha = fn === 'leaky-relu' || fn === 'elu';
  const alphaDef = fn === 'elu' ? eluAlphaParam : leakParam;
  const map = (what: string, values: Float32Array, testId: string) => (
    <MapCanvas
      values={values}
      width={slice.width}
      height={slice.height}
      scale="diverging"
      range={range}
      label={fillPlaceholders(T.mapLabel[lang], { what, w: slice.width, h: slice.height })}
      displayWidth={256}
      testId={testId}
    />
  );

  return (
    <div
      className="activation-explorer"
      data-testid="activation-explorer"
      data-fn={fn}
      data-status="ready"
      data-zeroed={stats.zeroed / stats.n}
      data-saturated={stats.saturated / stats.n}
      data-negative={stats.negative / stats.n}
    >
      {slice.cropped && (
        <p className="hint" data-testid="activation-cropped">
          {fillPlaceholders(T.cropped[lang], {
            w: whole.width,
            h: whole.height,
            cw: slice.width,
            ch: slice.height,
          })}
        </p>
      )}
      {usesAlpha && (
        <div className="field-group">
          <label htmlFor={`${id}-alpha`}>{fn === 'elu' ? T.alphaElu[lang] : T.alphaLeak[lang]}</label>
          <input
            id={`${id}-alpha`}
            type="range"
            min={alphaDef.min}
            max={alphaDef.max}
            step={alphaDef.step}
            value={alpha}
            data-testid="activation-alpha"
            onChange={(e) => setParam(alphaDef.id, Number(e.target.value))}
          />
          <output htmlFor={`${id}-alpha`}>{fmt(alpha)}</output>
        </div>
      )}
      <div ref={plotRef} />
      <SeriesLegend series={plot.series} label={T.legend[lang]} />
      <p className="actpool__probe" data-testid="activation-probe" data-f={fx} data-d={dx} aria-live="polite">
        {fillPlaceholders(T.probe[lang], { x: fmt(x), f: fmt(fx, 4), d: fmt(dx, 4) })}
      </p>
      <p className="actpool__explain" data-testid="activation-explain" aria-live="polite">
        {explanation(fn, alpha, stats, lang)}
      </p>
      <div className="actpool__row">
        <figure>
          <figcaption>
            {fillPlaceholders(T.beforeCaption[lang], { kernel: kernelNames[kernel][lang], w: fmt(gain) })}
          </figcaption>
          {map(T.before[lang], z, 'activation-before')}
        </figure>
        <figure>
          <figcaption>{T.after[lang]}</figcaption>
          {map(T.after[lang], activated, 'activation-after')}
        </figure>
      </div>
      <ColourLegend scale="diverging" range={range} label={T.scale[lang]} width={256} />
      <p>{fillPlaceholders(T.statsTitle[lang], { n: stats.n })}</p>
      <ul className="actpool__facts" data-testid="activation-stats">
        {(['zeroed', 'saturated', 'negative'] as const).map((k) => (
          <li key={k} data-stat={k} data-count={stats[k]}>
            {fillPlaceholders(T[k][lang], {
              share: pct(stats[k] / stats.n),
              count: stats[k],
              t: fmt(SATURATION_THRESHOLD),
            })}
          </li>
        ))}
        <li>{fillPlaceholders(T.range[lang], { lo: fmt(stats.lo), hi: fmt(stats.hi) })}</li>
      </ul>
    </div>
  );
}

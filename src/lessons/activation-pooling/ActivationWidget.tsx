import { useId, useMemo } from 'react';
import { activation, activationDerivative } from '../../core/tensor/reference/activations';
import { OKABE_ITO } from '../../core/viz/colorMaps';
import { createLinePlotView, type LinePlotState } from '../../core/viz/createLinePlotView';
import { valueRange } from '../../core/viz/valuesToRgba';
import { fillPlaceholders } from '../../i18n/translate';
import { RichText } from '../../ui/RichText';
import { ColourLegend, MapCanvas } from '../shared/MapCanvas';
import { SLICE_PARAM, useLessonSlice } from '../shared/lessonSlice';
import { SliceSource } from '../shared/SliceSource';
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
import './activationPooling.css';

const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
const F_COLOUR = OKABE_ITO[5];
const D_COLOUR = OKABE_ITO[6];

/** The sentence explaining saturation or dead units for `fn`, with its numbers filled in. */
function explanation(
  fn: LessonActivation,
  alpha: number,
  stats: ActivationStats | null,
  lang: 'en' | 'zh',
): string {
  const d = (x: number): string => fmt(activationDerivative(fn, x, alpha));
  const share = (k: number): string => (stats ? pct(k / stats.n) : '—');
  const common = { t: fmt(SATURATION_THRESHOLD), saturated: share(stats?.saturated ?? 0), alpha: fmt(alpha) };
  switch (fn) {
    case 'relu':
      return fillPlaceholders(T.relu[lang], { zeroed: share(stats?.zeroed ?? 0) });
    case 'leaky-relu':
      return fillPlaceholders(T.leaky[lang], { ...common, negative: share(stats?.negative ?? 0) });
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
 * the gradient values written out.
 */
export function ActivationWidget({ step, params, lang, setParam }: WidgetProps) {
  const id = useId();
  const fn: LessonActivation = LESSON_ACTIVATIONS.find((a) => a === params.fn) ?? 'relu';
  const kernel = MAP_KERNELS.find((k) => k === params.kernel) ?? MAP_KERNELS[0];
  const gain = num(params.gain, gainParam.default);
  const x = num(params.x, probeParam.default);
  const leak = num(params.leak, leakParam.default);
  const eluAlpha = num(params.elualpha, eluAlphaParam.default);
  const alpha = fn === 'elu' ? eluAlpha : leak;
  const sliceState = useLessonSlice(String(params.slice ?? SLICE_PARAM.default));
  const slice = sliceState.status === 'ready' ? sliceState.slice : null;

  const z = useMemo(() => (slice ? preActivation(slice, kernel, gain) : null), [slice, kernel, gain]);
  const mapped = useMemo(() => (z ? activateMap(z, fn, alpha) : null), [z, fn, alpha]);
  const range = useMemo<[number, number]>(() => (z ? valueRange(z, 'diverging') : [-1, 1]), [z]);
  const stats = mapped?.stats ?? null;

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
  const mapWhat = (what: string): string =>
    fillPlaceholders(T.mapLabel[lang], { what, w: slice?.width ?? 0, h: slice?.height ?? 0 });

  return (
    <div
      className="actpool activation-explorer"
      data-testid="activation-explorer"
      data-fn={fn}
      data-status={sliceState.status}
      data-zeroed={stats ? stats.zeroed / stats.n : ''}
      data-saturated={stats ? stats.saturated / stats.n : ''}
      data-negative={stats ? stats.negative / stats.n : ''}
    >
      <RichText text={step.body[lang]} />
      <SliceSource state={sliceState} lang={lang} onOwnSlice={() => setParam('slice', 'own')} />
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
      <ul className="actpool__legend" aria-label={T.legend[lang]}>
        {plot.series.map((s) => (
          <li key={s.id}>
            <svg width="34" height="10" aria-hidden="true">
              <line
                x1="1"
                x2="33"
                y1="5"
                y2="5"
                stroke={s.color}
                strokeWidth="3"
                strokeDasharray={s.dash || undefined}
              />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <p className="actpool__probe" data-testid="activation-probe" data-f={fx} data-d={dx} aria-live="polite">
        {fillPlaceholders(T.probe[lang], { x: fmt(x), f: fmt(fx, 4), d: fmt(dx, 4) })}
      </p>
      <p className="actpool__explain" data-testid="activation-explain">
        {explanation(fn, alpha, stats, lang)}
      </p>
      {slice && z && mapped && stats && (
        <>
          <div className="actpool__row">
            <figure>
              <figcaption>
                {fillPlaceholders(T.beforeCaption[lang], { kernel: kernelNames[kernel][lang], w: fmt(gain) })}
              </figcaption>
              <MapCanvas
                values={z}
                width={slice.width}
                height={slice.height}
                scale="diverging"
                range={range}
                label={mapWhat(T.before[lang])}
                displayWidth={256}
                testId="activation-before"
              />
            </figure>
            <figure>
              <figcaption>{T.after[lang]}</figcaption>
              <MapCanvas
                values={mapped.activated}
                width={slice.width}
                height={slice.height}
                scale="diverging"
                range={range}
                label={mapWhat(T.after[lang])}
                displayWidth={256}
                testId="activation-after"
              />
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
        </>
      )}
    </div>
  );
}

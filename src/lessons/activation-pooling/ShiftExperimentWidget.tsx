import { useId, useMemo } from 'react';
import {
  placeCrop,
  REPRESENTATION_IDS,
  runShiftExperiment,
  shiftedCrop,
  SHIFT_KERNELS,
  sourceRegion,
  type RepresentationId,
  type ShiftBorder,
  type ShiftDirection,
  type ShiftExperimentOptions,
  type ShiftExperimentResult,
} from '../../core/tensor/shiftExperiment';
import { OKABE_ITO } from '../../core/viz/colorMaps';
import { createLinePlotView, type LinePlotState, type LineSeries } from '../../core/viz/createLinePlotView';
import { fillPlaceholders } from '../../i18n/translate';
import { RichText } from '../../ui/RichText';
import type { LessonSlice } from '../shared/lessonSlice';
import { MapCanvas } from '../shared/MapCanvas';
import { SliceStep } from '../shared/SliceStep';
import { useD3View } from '../useD3View';
import type { WidgetProps } from '../widgetTypes';
import { channelSum, fmt, intensityVolume } from './activationPoolingData';
import {
  cropParam,
  maxShiftParam,
  NODULE_CENTRE,
  poolSizeParam,
  shownShiftParam,
} from './activationPoolingParams';
import { representationNames } from './activationPoolingTexts';
import { CropPicker } from './CropPicker';
import { SeriesLegend } from './SeriesLegend';
import { findingTexts, shiftFindings, type ShiftFindings } from './shiftFindings';
import { shiftTexts as T } from './shiftTexts';
import './activationPooling.css';
import { paramNumber } from '../paramValue';

const DIRECTIONS: readonly ShiftDirection[] = ['x', 'y', 'diagonal'];

/** Line style of each curve (Okabe–Ito colours, distinct markers for colour-blind readers). */
const STYLE: Record<RepresentationId | 'realigned', Pick<LineSeries, 'color' | 'dash' | 'shape'>> = {
  conv: { color: OKABE_ITO[5], dash: '', shape: 'circle' },
  'conv-pool': { color: OKABE_ITO[1], dash: '', shape: 'square' },
  'two-stage': { color: OKABE_ITO[3], dash: '', shape: 'triangle' },
  global: { color: OKABE_ITO[7], dash: '2 2', shape: 'circle' },
  realigned: { color: OKABE_ITO[6], dash: '6 3', shape: 'none' },
};

type Run =
  | { error: string }
  | { options: ShiftExperimentOptions; result: ShiftExperimentResult; findings: ShiftFindings };

const shapeText = (v: { height: number; width: number; channels: number }): string =>
  `${v.height}×${v.width}×${v.channels}`;

/**
 * Step 3, the translation-invariance experiment: a crop of the slice (picked on a thumbnail) whose
 * content is shifted by 0…K pixels; the distance of four representations from the unshifted one,
 * plotted (d3), tabulated and read out in sentences derived from the curves. The curves are in
 * `data-curves` (JSON) of `data-testid="shift-experiment"`, with `data-status` ('ready' or 'error'
 * when the slice cannot hold the crop); it appears once the slice is ready.
 */
export function ShiftExperimentWidget(props: WidgetProps) {
  const { step, params, lang, setParam } = props;
  return (
    <div className="actpool">
      <RichText text={step.body[lang]} />
      <SliceStep params={params} lang={lang} setParam={setParam}>
        {(slice) => <ShiftExperiment {...props} slice={slice} />}
      </SliceStep>
    </div>
  );
}

function ShiftExperiment({ params, lang, setParam, slice }: WidgetProps & { slice: LessonSlice }) {
  const id = useId();
  const poolSize = paramNumber(params[poolSizeParam.id], poolSizeParam.default);
  const maxShift = paramNumber(params.shifts, maxShiftParam.default);
  const direction = DIRECTIONS.find((d) => d === params.dir) ?? 'x';
  const border: ShiftBorder = params.border === 'circular' ? 'circular' : 'crop';
  const size = paramNumber(params.crop, cropParam.default);
  const shown = Math.min(maxShift, paramNumber(params.show, shownShiftParam.default));
  const cy = paramNumber(params.cy, NODULE_CENTRE.row);
  const cx = paramNumber(params.cx, NODULE_CENTRE.column);

  const run = useMemo<Run>(() => {
    // What the crop, its context and the shifted content need (see sourceRegion), in pixels.
    const need = sourceRegion({ top: 0, left: 0, size, maxShift, direction });
    const needH = border === 'circular' ? size : need.rows[1] - need.rows[0] + 1;
    const needW = border === 'circular' ? size : need.cols[1] - need.cols[0] + 1;
    if (slice.width < needW || slice.height < needH)
      return {
        error: fillPlaceholders(T.tooSmall[lang], {
          w: slice.width,
          h: slice.height,
          n: size,
          k: maxShift,
          needW,
          needH,
        }),
      };
    try {
      const { top, left } = placeCrop(slice.width, slice.height, cy, cx, size, maxShift, direction, border);
      const options = {
        image: intensityVolume(slice),
        top,
        left,
        size,
        maxShift,
        direction,
        poolSize,
        border,
      };
      const result = runShiftExperiment(options);
      return { options, result, findings: shiftFindings(options, result) };
    } catch (e) {
      // The checks above leave only options the parameters' ranges exclude; say what went wrong.
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [slice, cy, cx, size, maxShift, direction, border, poolSize, lang]);
  const ok = 'result' in run ? run : null;

  const views = useMemo(() => {
    if (!ok) return null;
    const pooled = [0, shown].map((s) => {
      const v = ok.result.convPool[s]!;
      return { values: channelSum(v), height: v.height, width: v.width };
    });
    let hi = 0;
    for (const p of pooled) for (const v of p.values) hi = Math.max(hi, v);
    return {
      crops: [0, shown].map((s) => shiftedCrop(ok.options, s)),
      pooled,
      range: [0, hi || 1] as [number, number],
    };
  }, [ok, shown]);

  const plot = useMemo<LinePlotState>(() => {
    const series: LineSeries[] = ok
      ? [
          ...ok.result.curves.map((c) => ({
            id: c.id,
            ...STYLE[c.id],
            points: c.distances
              .map((d, s) => [s, d] as [number, number])
              .filter(([, d]) => Number.isFinite(d)),
            label: representationNames[c.id][lang],
          })),
          {
            id: 'realigned',
            ...STYLE.realigned,
            points: ok.result.realigned
              .map((d, s) => [s, d] as [number, number])
              .filter(([, d]) => Number.isFinite(d)),
            label: T.realignedName[lang],
          },
        ]
      : [];
    return { series, xLog: false, yLog: false, xLabel: T.xAxis[lang], yLabel: T.yAxis[lang], markX: shown };
  }, [ok, lang, shown]);
  const plotRef = useD3View(
    (el) => createLinePlotView(el, { title: T.plotTitle[lang], description: T.plotDesc[lang], height: 320 }),
    plot,
    // The plot's element appears once the first run is ready: a new key creates the view then.
    `${lang}|${ok ? 'ready' : 'waiting'}`,
  );

  const source = ok && border === 'crop' ? sourceRegion(ok.options) : undefined;
  return (
    <div
      className="shift-experiment"
      data-testid="shift-experiment"
      data-status={ok ? 'ready' : 'error'}
      data-curves={ok ? JSON.stringify(ok.result.curves) : ''}
      data-realigned={ok ? JSON.stringify(ok.result.realigned) : ''}
      data-shifts={ok ? JSON.stringify(ok.result.shifts) : ''}
      data-pool={poolSize}
      data-direction={direction}
      data-border={border}
      data-top={ok?.options.top ?? ''}
      data-left={ok?.options.left ?? ''}
    >
      {'error' in run && (
        <p role="alert" className="widget-error" data-testid="shift-error">
          {run.error}
        </p>
      )}
      {ok && views && (
        <>
          <div className="actpool__row">
            <CropPicker
              slice={slice}
              top={ok.options.top}
              left={ok.options.left}
              size={size}
              source={source}
              lang={lang}
              setParam={setParam}
            />
            <p className="hint actpool__mode">
              {border === 'crop' ? T.cropMode[lang] : T.circularMode[lang]}
            </p>
          </div>
          <div className="actpool__row">
            {views.crops.map((c, i) => {
              const what = i === 0 ? T.crop0[lang] : fillPlaceholders(T.cropS[lang], { s: shown });
              return (
                <figure key={`crop-${i}`}>
                  <figcaption>{what}</figcaption>
                  <MapCanvas
                    values={c.data}
                    width={size}
                    height={size}
                    scale="gray"
                    range={[0, 1]}
                    label={fillPlaceholders(T.cropLabel[lang], { what, n: size })}
                    displayWidth={160}
                    testId={i === 0 ? 'shift-crop-0' : 'shift-crop-s'}
                  />
                </figure>
              );
            })}
            {views.pooled.map((p, i) => {
              const what = i === 0 ? T.pooled0[lang] : T.pooledS[lang];
              return (
                <figure key={`pool-${i}`}>
                  <figcaption>{what}</figcaption>
                  <MapCanvas
                    values={p.values}
                    width={p.width}
                    height={p.height}
                    scale="viridis"
                    range={views.range}
                    label={fillPlaceholders(T.pooledLabel[lang], {
                      what,
                      c: SHIFT_KERNELS.length,
                      h: p.height,
                      w: p.width,
                      lo: fmt(views.range[0]),
                      hi: fmt(views.range[1]),
                    })}
                    displayWidth={160}
                    testId={i === 0 ? 'shift-pooled-0' : 'shift-pooled-s'}
                  />
                </figure>
              );
            })}
          </div>
          <div ref={plotRef} data-testid="shift-plot" />
          <SeriesLegend series={plot.series} label={T.legend[lang]} />
          <section className="actpool__findings" aria-labelledby={`${id}-findings`} aria-live="polite">
            <h3 id={`${id}-findings`}>{T.findingsTitle[lang]}</h3>
            <ul data-testid="shift-findings">
              {findingTexts(ok.findings, lang).map((t, i) => (
                <li key={i}>{t}</li>
              ))}
            </ul>
          </section>
          <table className="actpool__table" data-testid="shift-table">
            <caption>{T.tableCaption[lang]}</caption>
            <thead>
              <tr>
                <th scope="col">{T.colShift[lang]}</th>
                {REPRESENTATION_IDS.map((id) => (
                  <th key={id} scope="col">
                    {representationNames[id][lang]}
                  </th>
                ))}
                <th scope="col">{T.realignedName[lang]}</th>
              </tr>
            </thead>
            <tbody>
              {ok.result.shifts.map((s) => (
                <tr key={s} data-shift={s} aria-current={s === shown ? 'true' : undefined}>
                  <th scope="row">{s}</th>
                  {ok.result.curves.map((c) => (
                    <td key={c.id}>{fmt(c.distances[s] ?? NaN)}</td>
                  ))}
                  <td>{fmt(ok.result.realigned[s] ?? NaN)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint" data-testid="shift-shapes">
            {fillPlaceholders(T.shapes[lang], {
              conv: shapeText(ok.result.shapes.conv),
              pool: shapeText(ok.result.shapes['conv-pool']),
              two: shapeText(ok.result.shapes['two-stage']),
              global: shapeText(ok.result.shapes.global),
            })}
          </p>
        </>
      )}
    </div>
  );
}

import { useMemo, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { globalPoolRef, pool2dRef, poolAt, poolOutputShape } from '../../core/tensor/reference/pool2dRef';
import type { Volume } from '../../core/tensor/reference/types';
import { SHIFT_KERNELS } from '../../core/tensor/shiftExperiment';
import { fillPlaceholders } from '../../i18n/translate';
import { RichText } from '../../ui/RichText';
import type { LessonSlice } from '../shared/lessonSlice';
import { ColourLegend, MapCanvas } from '../shared/MapCanvas';
import { arrowDelta, pixelAt } from '../shared/SliceOverview';
import { SliceStep } from '../shared/SliceStep';
import type { WidgetProps } from '../widgetTypes';
import { channelOf, fmt, pct, placeRegion, regionFeatureMaps } from './activationPoolingData';
import { NODULE_CENTRE, regionParam, strideParam, windowSizeParam } from './activationPoolingParams';
import { kernelNames, poolTexts as T } from './activationPoolingTexts';
import { CropPicker } from './CropPicker';
import { PoolWindowPanel } from './PoolWindowPanel';
import './activationPooling.css';
import { paramNumber } from '../paramValue';

const KINDS = ['max', 'avg', 'global'] as const;
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
/** Display width of the input map, pixels. */
const INPUT_WIDTH = 264;

type Region = { top: number; left: number; maps: Volume } | { error: string };

/** Sum, count and mean of channel c (float64 sum, as globalPoolRef). */
function channelMean(maps: Volume, c: number) {
  let sum = 0;
  const count = maps.height * maps.width;
  for (let p = 0; p < count; p++) sum += maps.data[p * maps.channels + c]!;
  return { sum, count, mean: sum / count };
}

/** Mean, max and share of zeros of every channel of the region's maps (the global-pooling table). */
function channelStats(maps: Volume) {
  const means = globalPoolRef(maps, 'avg');
  const maxes = globalPoolRef(maps, 'max');
  const n = maps.height * maps.width;
  return SHIFT_KERNELS.map((b, i) => {
    let zeros = 0;
    for (let p = 0; p < n; p++) if (maps.data[p * maps.channels + i] === 0) zeros++;
    return { id: b.id, mean: means[i]!, max: maxes[i]!, zeros: zeros / n };
  });
}

/**
 * Step 2: max, average or global average pooling of a feature map (ReLU of one of the bank's
 * kernels over a region of the slice): input and output maps, the output size from the formula,
 * and one window stepped through (its values, which one is the max, or the sum / count). The
 * explorer appears once the slice is ready.
 */
export function PoolingWidget(props: WidgetProps) {
  const { step, params, lang, setParam } = props;
  return (
    <div className="actpool">
      <RichText text={step.body[lang]} />
      <SliceStep params={params} lang={lang} setParam={setParam}>
        {(slice) => <PoolingExplorer {...props} slice={slice} />}
      </SliceStep>
    </div>
  );
}

function PoolingExplorer({ params, lang, setParam, slice }: WidgetProps & { slice: LessonSlice }) {
  const kind = KINDS.find((k) => k === params.pool) ?? 'max';
  const k = paramNumber(params.size, windowSizeParam.default);
  const s = paramNumber(params.stride, strideParam.default);
  const n = paramNumber(params.region, regionParam.default);
  const c = Math.max(
    0,
    SHIFT_KERNELS.findIndex((b) => b.id === params.channel),
  );
  const channel = SHIFT_KERNELS[c]!;
  const cy = paramNumber(params.cy, NODULE_CENTRE.row);
  const cx = paramNumber(params.cx, NODULE_CENTRE.column);

  const region = useMemo<Region>(() => {
    // The region and one pixel of context on each side must fit in the slice.
    if (slice.width < n + 2 || slice.height < n + 2)
      return {
        error: fillPlaceholders(T.sliceTooSmall[lang], { w: slice.width, h: slice.height, n, need: n + 2 }),
      };
    const p = placeRegion(slice.width, slice.height, cy, cx, n);
    return { ...p, maps: regionFeatureMaps(slice, p.top, p.left, n) };
  }, [slice, cy, cx, n, lang]);
  const maps = 'maps' in region ? region.maps : null;
  const input = useMemo(() => (maps ? channelOf(maps, c) : null), [maps, c]);
  const range = useMemo<[number, number]>(() => {
    let hi = 0;
    for (const v of input ?? []) hi = Math.max(hi, v);
    return [0, hi > 0 ? hi : 1];
  }, [input]);

  const local = kind !== 'global' && k <= n;
  const poolKind = kind === 'avg' ? 'avg' : 'max';
  const opts = useMemo(() => ({ kind: poolKind, size: k, stride: s }) as const, [poolKind, k, s]);
  const shape = local ? poolOutputShape(n, n, opts) : null;
  const pooled = useMemo(() => (maps && local ? pool2dRef(maps, opts) : null), [maps, local, opts]);
  const output = useMemo(() => (pooled ? channelOf(pooled, c) : null), [pooled, c]);
  const outH = shape?.height ?? 0;
  const outW = shape?.width ?? 0;
  const oy = clamp(paramNumber(params.wy, 0), 0, Math.max(0, outH - 1));
  const ox = clamp(paramNumber(params.wx, 0), 0, Math.max(0, outW - 1));
  const terms = maps && local ? poolAt(maps, oy, ox, c, opts) : null;
  const globalStats = useMemo(() => (maps ? channelStats(maps) : null), [maps]);

  const go = (y: number, x: number): void => {
    setParam('wy', clamp(y, 0, outH - 1));
    setParam('wx', clamp(x, 0, outW - 1));
  };
  const index = oy * outW + ox;
  const goIndex = (i: number): void => go(Math.floor(i / outW), i % outW);
  function onOutputKey(e: KeyboardEvent<HTMLDivElement>): void {
    const m = arrowDelta(e.key);
    if (!m || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    go(oy + m[0], ox + m[1]);
  }
  function onOutputClick(e: MouseEvent<HTMLDivElement>): void {
    const p = pixelAt(e, e.currentTarget.getBoundingClientRect(), outW, outH);
    if (p) go(p[0], p[1]);
  }

  const kernelName = kernelNames[channel.id][lang];
  const kindName = (kind === 'max' ? T.kindMax : kind === 'avg' ? T.kindAvg : T.kindGlobal)[lang];
  const whole = maps ? channelMean(maps, c) : null;
  const dataOutput = kind === 'global' ? (whole?.mean ?? '') : (terms?.output ?? '');
  const inputWhat = fillPlaceholders(T.input[lang], { kernel: kernelName });
  const outputWhat = fillPlaceholders(T.output[lang], { kind: kindName });
  /** One viridis map on the input's scale, with an SVG overlay in map cells. */
  const viridis = (
    values: Float32Array,
    h: number,
    w: number,
    what: string,
    testId: string,
    overlay: ReactNode,
  ) => (
    <MapCanvas
      values={values}
      width={w}
      height={h}
      scale="viridis"
      range={range}
      label={fillPlaceholders(T.mapLabel[lang], { what, h, w, lo: fmt(range[0]), hi: fmt(range[1]) })}
      displayWidth={Math.max(96, Math.round((INPUT_WIDTH * w) / n))}
      testId={testId}
    >
      <svg viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" aria-hidden="true">
        {overlay}
      </svg>
    </MapCanvas>
  );
  const outline = (x: number, y: number, w: number, h: number, width: number) => (
    <rect x={x} y={y} width={w} height={h} fill="none" stroke="#d55e00" strokeWidth={width} />
  );

  return (
    <div
      className="pooling-explorer"
      data-testid="pooling-explorer"
      data-status={maps ? 'ready' : 'error'}
      data-kind={kind}
      data-out={shape ? `${outH}x${outW}` : kind === 'global' ? `1x1` : ''}
      data-window={local ? `${oy},${ox}` : ''}
      data-output={dataOutput}
    >
      {'error' in region && (
        <p role="alert" className="widget-error" data-testid="pool-error">
          {region.error}
        </p>
      )}
      {maps && input && 'top' in region && (
        <>
          <div className="actpool__row">
            <CropPicker
              slice={slice}
              top={region.top}
              left={region.left}
              size={n}
              lang={lang}
              setParam={setParam}
            />
            <figure>
              <figcaption>{inputWhat}</figcaption>
              {viridis(
                input,
                n,
                n,
                inputWhat,
                'pool-input',
                <>
                  {terms && outline(ox * s, oy * s, k, k, 0.25)}
                  {terms && kind === 'max' && terms.argmax >= 0 && (
                    <rect
                      x={terms.taps[terms.argmax]!.x + 0.15}
                      y={terms.taps[terms.argmax]!.y + 0.15}
                      width={0.7}
                      height={0.7}
                      fill="none"
                      stroke="#ffffff"
                      strokeWidth={0.15}
                    />
                  )}
                  {kind === 'global' && outline(0.1, 0.1, n - 0.2, n - 0.2, 0.25)}
                </>,
              )}
            </figure>
            {output && shape && (
              <figure>
                <figcaption>{outputWhat}</figcaption>
                <div
                  className="actpool__focusable"
                  tabIndex={0}
                  role="group"
                  aria-label={T.outputHint[lang]}
                  data-testid="pool-output-grid"
                  onKeyDown={onOutputKey}
                  onClick={onOutputClick}
                >
                  {viridis(
                    output,
                    outH,
                    outW,
                    outputWhat,
                    'pool-output',
                    outline(ox + 0.04, oy + 0.04, 0.92, 0.92, 0.08),
                  )}
                </div>
              </figure>
            )}
          </div>
          <ColourLegend scale="viridis" range={range} label={kernelName} width={INPUT_WIDTH} />
          {kind !== 'global' && k > n && (
            <p role="alert" className="widget-error">
              {fillPlaceholders(T.tooSmall[lang], { k, n })}
            </p>
          )}
          <p data-testid="pool-formula">
            {shape
              ? fillPlaceholders(T.formula[lang], { n, k, s, out: outH })
              : kind === 'global'
                ? fillPlaceholders(T.globalFormula[lang], { n, count: n * n })
                : ''}
          </p>
          {terms && shape && (
            <PoolWindowPanel
              terms={terms}
              kind={poolKind}
              k={k}
              s={s}
              index={index}
              count={outH * outW}
              lang={lang}
              goIndex={goIndex}
            />
          )}
          {kind === 'global' && globalStats && whole && (
            <>
              <p data-testid="pool-result" aria-live="polite">
                {fillPlaceholders(T.globalResult[lang], {
                  kernel: kernelName,
                  sum: fmt(whole.sum),
                  count: whole.count,
                  mean: fmt(whole.mean),
                })}
              </p>
              <table className="actpool__table" data-testid="pool-global-table">
                <caption>{T.globalTitle[lang]}</caption>
                <thead>
                  <tr>
                    <th scope="col">{T.colChannel[lang]}</th>
                    <th scope="col">{T.colMean[lang]}</th>
                    <th scope="col">{T.colMax[lang]}</th>
                    <th scope="col">{T.colZero[lang]}</th>
                  </tr>
                </thead>
                <tbody>
                  {globalStats.map((g) => (
                    <tr
                      key={g.id}
                      data-channel={g.id}
                      data-mean={g.mean}
                      aria-current={g.id === channel.id ? 'true' : undefined}
                    >
                      <th scope="row">{kernelNames[g.id][lang]}</th>
                      <td>{fmt(g.mean)}</td>
                      <td>{fmt(g.max)}</td>
                      <td>{pct(g.zeros)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </div>
  );
}

import { useMemo, type KeyboardEvent, type MouseEvent } from 'react';
import { globalPoolRef, pool2dRef, poolAt, poolOutputShape } from '../../core/tensor/reference/pool2dRef';
import type { Volume } from '../../core/tensor/reference/types';
import { SHIFT_KERNELS } from '../../core/tensor/shiftExperiment';
import { fillPlaceholders } from '../../i18n/translate';
import { RichText } from '../../ui/RichText';
import { ColourLegend, MapCanvas } from '../shared/MapCanvas';
import { SLICE_PARAM, useLessonSlice } from '../shared/lessonSlice';
import { SliceSource } from '../shared/SliceSource';
import type { WidgetProps } from '../widgetTypes';
import { channelOf, fmt, pct, placeRegion, regionFeatureMaps } from './activationPoolingData';
import { NODULE_CENTRE, regionParam, strideParam, windowSizeParam } from './activationPoolingParams';
import { kernelNames, poolTexts as T } from './activationPoolingTexts';
import { CropPicker } from './CropPicker';
import { PoolWindowPanel } from './PoolWindowPanel';
import './activationPooling.css';

const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
const KINDS = ['max', 'avg', 'global'] as const;
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

type Region = { top: number; left: number; maps: Volume } | { error: string };

/** Sum, count and mean of channel c (float64 sum, as globalPoolRef). */
function channelMean(maps: Volume, c: number) {
  let sum = 0;
  const count = maps.height * maps.width;
  for (let p = 0; p < count; p++) sum += maps.data[p * maps.channels + c]!;
  return { sum, count, mean: sum / count };
}

/**
 * Step 2: max, average or global average pooling of a feature map (ReLU of one of the bank's
 * kernels over a region of the slice): input and output maps, the output size from the formula,
 * and one window stepped through (its values, which one is the max, or the sum / count).
 */
export function PoolingWidget({ step, params, lang, setParam }: WidgetProps) {
  const kind = KINDS.find((k) => k === params.pool) ?? 'max';
  const k = num(params.size, windowSizeParam.default);
  const s = num(params.stride, strideParam.default);
  const n = num(params.region, regionParam.default);
  const c = Math.max(
    0,
    SHIFT_KERNELS.findIndex((b) => b.id === params.channel),
  );
  const channel = SHIFT_KERNELS[c]!;
  const cy = num(params.cy, NODULE_CENTRE.row);
  const cx = num(params.cx, NODULE_CENTRE.column);
  const sliceState = useLessonSlice(String(params.slice ?? SLICE_PARAM.default));
  const slice = sliceState.status === 'ready' ? sliceState.slice : null;

  const region = useMemo<Region | null>(() => {
    if (!slice) return null;
    // The region and one pixel of context on each side must fit in the slice.
    if (slice.width < n + 2 || slice.height < n + 2)
      return {
        error: fillPlaceholders(T.sliceTooSmall[lang], { w: slice.width, h: slice.height, n, need: n + 2 }),
      };
    try {
      const p = placeRegion(slice.width, slice.height, cy, cx, n);
      return { ...p, maps: regionFeatureMaps(slice, p.top, p.left, n) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [slice, cy, cx, n, lang]);
  const maps = region && 'maps' in region ? region.maps : null;
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
  const oy = clamp(num(params.wy, 0), 0, Math.max(0, outH - 1));
  const ox = clamp(num(params.wx, 0), 0, Math.max(0, outW - 1));
  const terms = maps && local ? poolAt(maps, oy, ox, c, opts) : null;
  const globalStats = useMemo(() => {
    if (!maps) return null;
    const means = globalPoolRef(maps, 'avg');
    const maxes = globalPoolRef(maps, 'max');
    return SHIFT_KERNELS.map((b, i) => {
      let zeros = 0;
      for (let p = 0; p < n * n; p++) if (maps.data[p * maps.channels + i] === 0) zeros++;
      return { id: b.id, mean: means[i]!, max: maxes[i]!, zeros: zeros / (n * n) };
    });
  }, [maps, n]);

  const go = (y: number, x: number): void => {
    setParam('wy', clamp(y, 0, outH - 1));
    setParam('wx', clamp(x, 0, outW - 1));
  };
  const index = oy * outW + ox;
  const goIndex = (i: number): void => go(Math.floor(i / outW), i % outW);
  function onOutputKey(e: KeyboardEvent<HTMLDivElement>): void {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    go(oy + m[0], ox + m[1]);
  }
  function onOutputClick(e: MouseEvent<HTMLDivElement>): void {
    const b = e.currentTarget.getBoundingClientRect();
    if (!(b.width > 0 && b.height > 0)) return;
    go(
      Math.floor(((e.clientY - b.top) / b.height) * outH),
      Math.floor(((e.clientX - b.left) / b.width) * outW),
    );
  }

  const kernelName = kernelNames[channel.id][lang];
  const kindName = (kind === 'max' ? T.kindMax : kind === 'avg' ? T.kindAvg : T.kindGlobal)[lang];
  const whole = maps ? channelMean(maps, c) : null;
  const dataOutput = kind === 'global' ? (whole?.mean ?? '') : (terms?.output ?? '');

  return (
    <div
      className="actpool pooling-explorer"
      data-testid="pooling-explorer"
      data-status={sliceState.status}
      data-kind={kind}
      data-out={shape ? `${outH}x${outW}` : kind === 'global' ? `1x1` : ''}
      data-window={local ? `${oy},${ox}` : ''}
      data-output={dataOutput}
    >
      <RichText text={step.body[lang]} />
      <SliceSource state={sliceState} lang={lang} onOwnSlice={() => setParam('slice', 'own')} />
      {region && 'error' in region && (
        <p role="alert" className="widget-error" data-testid="pool-error">
          {region.error}
        </p>
      )}
      {slice && maps && input && region && 'top' in region && (
        <>
          <div className="actpool__row">
            <CropPicker
              slice={slice}
              top={region.top}
              left={region.left}
              size={n}
              lang={lang}
              onMove={(y, x) => {
                setParam('cy', y);
                setParam('cx', x);
              }}
              onReset={() => {
                setParam('cy', NODULE_CENTRE.row);
                setParam('cx', NODULE_CENTRE.column);
              }}
            />
            <figure>
              <figcaption>{fillPlaceholders(T.input[lang], { kernel: kernelName })}</figcaption>
              <MapCanvas
                values={input}
                width={n}
                height={n}
                scale="viridis"
                range={range}
                label={fillPlaceholders(T.mapLabel[lang], {
                  what: fillPlaceholders(T.input[lang], { kernel: kernelName }),
                  h: n,
                  w: n,
                  lo: fmt(range[0]),
                  hi: fmt(range[1]),
                })}
                displayWidth={264}
                testId="pool-input"
              >
                <svg viewBox={`0 0 ${n} ${n}`} preserveAspectRatio="none" aria-hidden="true">
                  {terms && (
                    <rect
                      x={ox * s}
                      y={oy * s}
                      width={k}
                      height={k}
                      fill="none"
                      stroke="#d55e00"
                      strokeWidth={0.25}
                    />
                  )}
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
                  {kind === 'global' && (
                    <rect
                      x={0.1}
                      y={0.1}
                      width={n - 0.2}
                      height={n - 0.2}
                      fill="none"
                      stroke="#d55e00"
                      strokeWidth={0.25}
                    />
                  )}
                </svg>
              </MapCanvas>
            </figure>
            {output && shape && (
              <figure>
                <figcaption>{fillPlaceholders(T.output[lang], { kind: kindName })}</figcaption>
                <div
                  className="actpool__focusable"
                  tabIndex={0}
                  role="group"
                  aria-label={T.outputHint[lang]}
                  data-testid="pool-output-grid"
                  onKeyDown={onOutputKey}
                  onClick={onOutputClick}
                >
                  <MapCanvas
                    values={output}
                    width={outW}
                    height={outH}
                    scale="viridis"
                    range={range}
                    label={fillPlaceholders(T.mapLabel[lang], {
                      what: fillPlaceholders(T.output[lang], { kind: kindName }),
                      h: outH,
                      w: outW,
                      lo: fmt(range[0]),
                      hi: fmt(range[1]),
                    })}
                    displayWidth={Math.max(96, Math.round((264 * outW) / n))}
                    testId="pool-output"
                  >
                    <svg viewBox={`0 0 ${outW} ${outH}`} preserveAspectRatio="none" aria-hidden="true">
                      <rect
                        x={ox + 0.04}
                        y={oy + 0.04}
                        width={0.92}
                        height={0.92}
                        fill="none"
                        stroke="#d55e00"
                        strokeWidth={0.08}
                      />
                    </svg>
                  </MapCanvas>
                </div>
              </figure>
            )}
          </div>
          <ColourLegend scale="viridis" range={range} label={kernelName} width={264} />
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
              kind={kind === 'avg' ? 'avg' : 'max'}
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
              <p data-testid="pool-result">
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

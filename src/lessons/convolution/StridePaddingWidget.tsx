import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Lang } from '../../core/lessons/types';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { PadMode } from '../../core/tensor/reference/types';
import type { LessonSlice } from '../shared/lessonSlice';
import type { WidgetProps } from '../widgetTypes';
import { ConvStepFrame } from './ConvStepFrame';
import { commonTexts as C, strideTexts as T } from './convolutionTexts';
import {
  DEFAULT_CENTRE,
  dilationParam,
  inputSizeParam,
  kernelSizeParam,
  padAmountParam,
  stridePositionParam,
  strideParam,
} from './convolutionParams';
import { cropRegion } from './slidingWindow';
import { SlidingWindowPlayer } from './SlidingWindowPlayer';
import {
  outputSizeWorking,
  stridePaddingModel,
  type PaddingChoice,
  type StridePaddingModel,
} from './stridePadding';
import './convolution.css';
import { paramNumber } from '../paramValue';

/** Playing speed of this step, positions per second: slow enough to follow each tap. */
const PLAY_SPEED = 1.5;
const f2 = (v: number): string => formatNumber(v, 2);
/** SVG units per grid cell (text is sized in these units). */
const U = 30;

/**
 * Step 3: stride, padding (valid, same, custom; zero or reflect) and dilation on a small crop of the
 * slice: the padded input with the taps of the current output, the output grid, and the output-size
 * formula with the current numbers (from `convOutputSize`).
 */
export function StridePaddingWidget({ step, params, lang, setParam }: WidgetProps) {
  return (
    <ConvStepFrame step={step} params={params} lang={lang} setParam={setParam}>
      {(slice) => <Geometry slice={slice} params={params} lang={lang} setParam={setParam} />}
    </ConvStepFrame>
  );
}

function Geometry({
  slice,
  params,
  lang,
  setParam,
}: Pick<WidgetProps, 'params' | 'lang' | 'setParam'> & { slice: LessonSlice }) {
  const n = paramNumber(params.n, inputSizeParam.default);
  const k = paramNumber(params.ks, kernelSizeParam.default);
  const s = paramNumber(params.s, strideParam.default);
  const d = paramNumber(params.d, dilationParam.default);
  const amount = paramNumber(params.p, padAmountParam.default);
  const padding: PaddingChoice =
    params.padding === 'same' || params.padding === 'custom' ? params.padding : 'valid';
  const padMode: PadMode = params.fill === 'reflect' ? 'reflect' : 'zero';
  const crop = useMemo(
    () =>
      cropRegion(
        { width: slice.width, height: slice.height, data: slice.intensity },
        DEFAULT_CENTRE.x,
        DEFAULT_CENTRE.y,
        n,
      ),
    [slice, n],
  );
  const result = useMemo(
    () => stridePaddingModel(crop.volume, { k, stride: s, padding, amount, padMode, dilation: d }),
    [crop, k, s, padding, amount, padMode, d],
  );
  const positions = result.ok ? result.model.terms.length : 0;
  const pos = Math.min(Math.max(0, positions - 1), paramNumber(params.pos, stridePositionParam.default));
  const [shown, setShown] = useState(pos);
  const [playing, setPlaying] = useState(false);
  const player = useRef<SlidingWindowPlayer | null>(null);
  const setParamRef = useRef(setParam);
  useEffect(() => {
    setParamRef.current = setParam;
  });

  useEffect(() => {
    const p = new SlidingWindowPlayer(positions, pos, PLAY_SPEED, {
      onFrame: (q) => setShown(q),
      onPlayingChange: (on, q) => {
        setPlaying(on);
        if (!on) setParamRef.current('pos', q);
      },
    });
    player.current = p;
    return () => p.dispose();
    // A new walk starts from the URL's position; later URL changes are followed below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);
  useEffect(() => {
    const p = player.current;
    if (p && !p.playing && p.position !== pos) p.seek(pos);
  }, [pos]);

  const go = (q: number): void => {
    const p = player.current;
    if (!p) return;
    p.pause();
    p.seek(q);
    setParam('pos', p.position);
  };
  const current = playing ? Math.min(shown, Math.max(0, positions - 1)) : pos;

  if (!result.ok)
    return (
      <p role="alert" className="widget-error" data-testid="stride-error">
        {result.error[lang]}
      </p>
    );
  const m = result.model;
  const t = m.terms[current]!;
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const moves: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -m.outWidth,
      ArrowDown: m.outWidth,
      Home: -current,
      End: positions - 1 - current,
    };
    const delta = moves[e.key];
    if (delta === undefined) return;
    e.preventDefault();
    go(current + delta);
  };
  const rows = outputSizeWorking(n, k, s, m.padding.top, m.padding.bottom, d);
  const seen = t.taps.filter((tap) => tap.inside);
  const seenText = seen.length ? seen.map((tap) => `(${tap.y}, ${tap.x})`).join(', ') : T.noPixels[lang];
  return (
    <div
      className="conv-stride"
      data-testid="stride-padding"
      data-position={current}
      data-positions={positions}
      data-out-height={m.outHeight}
      data-out-width={m.outWidth}
      data-padding={`${m.padding.top},${m.padding.bottom},${m.padding.left},${m.padding.right}`}
    >
      <div className="conv-stride__row">
        <figure>
          <div
            tabIndex={0}
            role="group"
            aria-label={T.grid[lang](n, m.rows, m.cols)}
            onKeyDown={onKey}
            className="conv-stride__grid"
            data-testid="stride-grid"
          >
            <PaddedGrid model={m} position={current} />
          </div>
          <figcaption>{T.legend[lang]}</figcaption>
        </figure>
        <figure>
          <OutputGrid model={m} position={current} lang={lang} onPick={go} />
          <figcaption>{T.output[lang](m.outHeight, m.outWidth)}</figcaption>
        </figure>
        <div className="conv-stride__formula" data-testid="stride-formula">
          <h3>{T.formula[lang]}</h3>
          <p className="conv-formula">n′ = ⌊(n + 2p − d·(k − 1) − 1) / s⌋ + 1</p>
          <p className="conv-formula" data-testid="stride-working">
            n′ = {rows.text}
          </p>
          <p>{T.paddingUsed[lang](m.padding.top, m.padding.bottom)}</p>
          <p>{T.span[lang](k, d, m.span)}</p>
        </div>
      </div>
      <p className="conv-status" data-testid="stride-sees">
        {T.sees[lang](t.oy, t.ox, seenText, t.taps.length - seen.length)}
      </p>
      <div className="conv-controls" role="group" aria-label={C.controls[lang]}>
        <button
          type="button"
          className="button"
          onClick={() => go(current - 1)}
          disabled={current <= 0}
          data-testid="stride-back"
        >
          {C.back[lang]}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => player.current?.toggle()}
          disabled={positions < 2}
          aria-pressed={playing}
          data-testid="stride-play"
        >
          {playing ? C.pause[lang] : C.play[lang]}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => go(current + 1)}
          disabled={current >= positions - 1}
          data-testid="stride-forward"
        >
          {C.forward[lang]}
        </button>
      </div>
      <p className="conv-status">{C.position[lang](current + 1, positions, t.oy, t.ox)}</p>
    </div>
  );
}

/** The padded input: value cells, dashed padding cells, the current taps outlined, the span dotted. */
function PaddedGrid({ model: m, position }: { model: StridePaddingModel; position: number }) {
  const t = m.terms[position];
  const taps = new Set(
    (t?.taps ?? []).map((tap) => (tap.y + m.padding.top) * m.cols + tap.x + m.padding.left),
  );
  const first = t?.taps[0];
  return (
    <svg viewBox={`-2 -2 ${m.cols * U + 4} ${m.rows * U + 4}`} aria-hidden="true">
      {m.cells.map((cell, i) => {
        const r = Math.floor(i / m.cols);
        const c = i % m.cols;
        const g = Math.round(255 * Math.max(0, Math.min(1, cell.value)));
        return (
          <g key={i} className={cell.inside ? 'conv-cell' : 'conv-cell conv-cell--pad'}>
            <rect
              x={c * U}
              y={r * U}
              width={U}
              height={U}
              fill={cell.inside ? `rgb(${g}, ${g}, ${g})` : 'none'}
            />
            <text
              x={(c + 0.5) * U}
              y={(r + 0.62) * U}
              className={g > 140 && cell.inside ? 'conv-cell__v conv-cell__v--dark' : 'conv-cell__v'}
            >
              {f2(cell.value)}
            </text>
          </g>
        );
      })}
      {first && (
        <rect
          x={(first.x + m.padding.left) * U}
          y={(first.y + m.padding.top) * U}
          width={m.span * U}
          height={m.span * U}
          className="conv-span"
        />
      )}
      {[...taps].map((i) => (
        <rect
          key={i}
          x={(i % m.cols) * U}
          y={Math.floor(i / m.cols) * U}
          width={U}
          height={U}
          className="conv-tap"
        />
      ))}
    </svg>
  );
}

/** The output grid with the values computed so far (up to the current position); click to pick one. */
function OutputGrid({
  model: m,
  position,
  lang,
  onPick,
}: {
  model: StridePaddingModel;
  position: number;
  lang: Lang;
  onPick(p: number): void;
}) {
  return (
    <svg
      viewBox={`-2 -2 ${m.outWidth * U + 4} ${m.outHeight * U + 4}`}
      role="img"
      aria-label={T.output[lang](m.outHeight, m.outWidth)}
      data-testid="stride-output"
    >
      {m.terms.map((t, p) => {
        const g = Math.round(255 * Math.max(0, Math.min(1, t.output)));
        const done = p <= position;
        return (
          <g key={p} className="conv-cell" onClick={() => onPick(p)}>
            <rect
              x={t.ox * U}
              y={t.oy * U}
              width={U}
              height={U}
              fill={done ? `rgb(${g}, ${g}, ${g})` : 'none'}
            />
            {done && (
              <text
                x={(t.ox + 0.5) * U}
                y={(t.oy + 0.62) * U}
                className={g > 140 ? 'conv-cell__v conv-cell__v--dark' : 'conv-cell__v'}
              >
                {f2(t.output)}
              </text>
            )}
          </g>
        );
      })}
      {m.terms[position] && (
        <rect
          x={m.terms[position]!.ox * U}
          y={m.terms[position]!.oy * U}
          width={U}
          height={U}
          className="conv-tap"
        />
      )}
    </svg>
  );
}

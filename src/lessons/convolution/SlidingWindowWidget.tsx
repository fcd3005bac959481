import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import type { Lang } from '../../core/lessons/types';
import { usePrefersReducedMotion } from '../../ui/usePrefersReducedMotion';
import type { LessonSlice } from '../shared/lessonSlice';
import { SliceOverview } from '../shared/SliceOverview';
import type { WidgetProps } from '../widgetTypes';
import { ConvStepFrame } from './ConvStepFrame';
import { commonTexts as C, stepperTexts as T } from './convolutionTexts';
import {
  biasParam,
  centreXParam,
  centreYParam,
  positionParam,
  speedParam,
  stepperKernelParam,
  stepperStrideParam,
} from './convolutionParams';
import { KernelGrid } from './KernelGrid';
import { kernelPreset } from './kernelPresets';
import { CROP_SIZE, cropRegion, stepperModel, type StepperModel } from './slidingWindow';
import { SlidingWindowPlayer, MAX_SPEED } from './SlidingWindowPlayer';
import { createStepperView, type StepperView } from './stepperView';
import './convolution.css';
import { paramNumber, paramString } from '../paramValue';

/** Above this speed the window jumps instead of gliding (the glide would lag behind). */
const TWEEN_MAX_SPEED = 8;
/** Pixels the region moves per arrow key on the overview (a whole region with Shift). */
const REGION_STEP = 4;

/**
 * Step 1: the kernel window slides over a small region of the slice, one output position at a time,
 * with the input patch, the kernel, the products and the worked sum written out. A player moves the
 * window on animation frames and updates the few DOM nodes that change (see stepperView.ts); the
 * position reached goes to the URL when playing stops.
 */
export function SlidingWindowWidget({ step, params, lang, setParam }: WidgetProps) {
  return (
    <ConvStepFrame step={step} params={params} lang={lang} setParam={setParam}>
      {(slice) => <Stepper slice={slice} params={params} lang={lang} setParam={setParam} />}
    </ConvStepFrame>
  );
}

function Stepper({
  slice,
  params,
  lang,
  setParam,
}: Pick<WidgetProps, 'params' | 'lang' | 'setParam'> & { slice: LessonSlice }) {
  const preset =
    kernelPreset(paramString(params.kernel, stepperKernelParam.default)) ?? kernelPreset('sobel-x')!;
  const stride = paramNumber(params.stride, stepperStrideParam.default);
  const padding = params.padding === 'same' ? 'same' : 'valid';
  const bias = paramNumber(params.bias, biasParam.default);
  const speed = paramNumber(params.speed, speedParam.default);
  const cx = Math.min(slice.width - 1, paramNumber(params.cx, centreXParam.default));
  const cy = Math.min(slice.height - 1, paramNumber(params.cy, centreYParam.default));
  const crop = useMemo(
    () => cropRegion({ width: slice.width, height: slice.height, data: slice.intensity }, cx, cy),
    [slice, cx, cy],
  );
  const model: StepperModel = useMemo(
    () => stepperModel(crop.volume, preset.weights, { stride, padding, bias }),
    [crop, preset, stride, padding, bias],
  );
  const pos = Math.min(Math.max(0, model.positions - 1), paramNumber(params.pos, positionParam.default));
  const reduced = usePrefersReducedMotion();
  const [playing, setPlaying] = useState(false);
  const readoutId = useId();

  const root = useRef<HTMLDivElement>(null);
  const player = useRef<SlidingWindowPlayer | null>(null);
  const view = useRef<StepperView | null>(null);
  const setParamRef = useRef(setParam);
  useEffect(() => {
    setParamRef.current = setParam;
  });

  // One player and one view per walk (region, kernel, stride, padding, bias).
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return undefined;
    const v = createStepperView(el, model, crop, lang);
    view.current = v;
    const p = new SlidingWindowPlayer(model.positions, pos, speed, {
      onFrame: (q) => v.show(q, p.playing),
      onPlayingChange: (on, q) => {
        v.setPlaying(on);
        setPlaying(on);
        if (!on) {
          v.show(q, false);
          setParamRef.current('pos', q);
        }
      },
    });
    player.current = p;
    v.show(p.position, false);
    return () => {
      p.dispose();
      player.current = null;
      view.current = null;
    };
    // `pos` and `speed` are followed by the effects below; a new walk starts from the current ones.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, crop, lang]);

  useEffect(() => {
    const p = player.current;
    if (p && !p.playing && p.position !== pos) p.seek(pos);
  }, [pos]);
  useEffect(() => {
    player.current?.setSpeed(speed);
  }, [speed]);

  const go = (q: number): void => {
    const p = player.current;
    if (!p) return;
    p.pause();
    p.seek(q);
    setParam('pos', p.position);
  };
  const onGridKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const p = player.current;
    if (!p) return;
    const w = model.outWidth;
    const moves: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -w,
      ArrowDown: w,
      Home: -p.position,
      End: model.positions - 1 - p.position,
    };
    const d = moves[e.key];
    if (d === undefined) return;
    e.preventDefault();
    go(p.position + d);
  };
  const onGridPointer = (e: PointerEvent<SVGSVGElement>): void => {
    const r = e.currentTarget.getBoundingClientRect();
    view.current?.hover(
      r.width > 0 ? (e.clientX - r.left) / r.width : -1,
      r.height > 0 ? (e.clientY - r.top) / r.height : -1,
    );
  };

  /** Centres the region on slice pixel (x, y), clamped into the slice; the walk starts again. */
  const moveRegion = (x: number, y: number): void => {
    setParam('cx', Math.max(0, Math.min(slice.width - 1, Math.round(x))));
    setParam('cy', Math.max(0, Math.min(slice.height - 1, Math.round(y))));
    setParam('pos', 0);
  };
  const tween = !reduced && speed <= TWEEN_MAX_SPEED;
  const k = preset.size;
  const gridCols = crop.volume.width + model.padding.left + model.padding.right;
  const gridRows = crop.volume.height + model.padding.top + model.padding.bottom;
  return (
    <div
      ref={root}
      className={`conv-stepper${tween ? ' conv-stepper--tween' : ''}`}
      data-testid="conv-stepper"
      data-positions={model.positions}
    >
      <div className="conv-stepper__row">
        <figure>
          <SliceOverview
            slice={slice}
            lang={lang}
            box={{ top: crop.y0, left: crop.x0, width: crop.volume.width, height: crop.volume.height }}
            label={T.overviewLabel[lang]}
            displayWidth={180}
            testId="conv-region"
            data={{ x0: crop.x0, y0: crop.y0 }}
            onPoint={(row, col) => moveRegion(col, row)}
            onNudge={(dRow, dCol, big) => {
              const by = big ? CROP_SIZE : REGION_STEP;
              moveRegion(cx + dCol * by, cy + dRow * by);
            }}
          />
          <figcaption>{T.overviewTitle[lang]}</figcaption>
        </figure>
        <figure className="conv-stepper__crop">
          <div
            tabIndex={0}
            role="group"
            aria-label={T.cropLabel[lang](crop.volume.width)}
            aria-describedby={readoutId}
            onKeyDown={onGridKey}
            onFocus={() => view.current?.focusReadout()}
            className="conv-stepper__grid"
            data-testid="conv-grid"
          >
            <svg
              viewBox={`0 0 ${gridCols} ${gridRows}`}
              data-role="crop"
              onPointerMove={onGridPointer}
              onPointerLeave={() => view.current?.hover(-1, -1)}
              aria-hidden="true"
            />
          </div>
          <figcaption>
            <span id={readoutId} data-role="readout" aria-live="polite" />
            <br />
            <span className="hint">{T.cropNote[lang]}</span>
          </figcaption>
        </figure>
        <figure className="conv-stepper__out">
          <svg
            viewBox={`0 0 ${Math.max(1, model.outWidth)} ${Math.max(1, model.outHeight)}`}
            data-role="output"
            role="img"
            aria-label={T.outputLabel[lang]}
          />
          <figcaption>{T.output[lang](model.outHeight, model.outWidth)}</figcaption>
        </figure>
      </div>
      {model.positions === 0 ? (
        <p role="alert" className="widget-error">
          {T.noOutput[lang]}
        </p>
      ) : null}
      <div className="conv-stepper__tables">
        <figure>
          <KernelGrid size={k} label={T.patch[lang]} testId="conv-patch" />
          <figcaption>{T.patch[lang]}</figcaption>
        </figure>
        <span className="conv-stepper__op" aria-hidden="true">
          ×
        </span>
        <figure>
          <KernelGrid
            size={k}
            values={preset.weights}
            tint
            label={`${T.kernel[lang]}: ${preset.label[lang]}`}
            testId="conv-kernel"
          />
          <figcaption>
            {T.kernel[lang]}: {preset.label[lang]}
          </figcaption>
        </figure>
        <span className="conv-stepper__op" aria-hidden="true">
          =
        </span>
        <figure>
          <KernelGrid size={k} label={T.products[lang]} testId="conv-products" />
          <figcaption>{T.products[lang]}</figcaption>
        </figure>
      </div>
      <div className="conv-stepper__worked">
        <h3>{T.worked[lang]}</h3>
        <p data-role="worked" data-testid="conv-worked" />
      </div>
      <Controls
        lang={lang}
        playing={playing}
        speed={speed}
        disabled={model.positions < 2}
        onBack={() => player.current && go(player.current.position - 1)}
        onForward={() => player.current && go(player.current.position + 1)}
        onRestart={() => go(0)}
        onToggle={() => player.current?.toggle()}
        onSpeed={(s) => setParam('speed', s)}
      />
      <p className="conv-status" data-role="status" data-testid="conv-status" />
      {reduced && <p className="hint">{C.reducedMotion[lang]}</p>}
    </div>
  );
}

function Controls({
  lang,
  playing,
  speed,
  disabled,
  onBack,
  onForward,
  onRestart,
  onToggle,
  onSpeed,
}: {
  lang: Lang;
  playing: boolean;
  speed: number;
  disabled: boolean;
  onBack(): void;
  onForward(): void;
  onRestart(): void;
  onToggle(): void;
  onSpeed(s: number): void;
}) {
  return (
    <div className="conv-controls" role="group" aria-label={C.controls[lang]}>
      <button type="button" className="button" onClick={onBack} disabled={disabled} data-testid="conv-back">
        {C.back[lang]}
      </button>
      <button
        type="button"
        className="button button--primary"
        onClick={onToggle}
        disabled={disabled}
        aria-pressed={playing}
        data-testid="conv-play"
      >
        {playing ? C.pause[lang] : C.play[lang]}
      </button>
      <button
        type="button"
        className="button"
        onClick={onForward}
        disabled={disabled}
        data-testid="conv-forward"
      >
        {C.forward[lang]}
      </button>
      <button
        type="button"
        className="button"
        onClick={onRestart}
        disabled={disabled}
        data-testid="conv-restart"
      >
        {C.restart[lang]}
      </button>
      <label className="conv-controls__speed">
        {T.speed[lang](speed)}
        <input
          type="range"
          min={speedParam.min}
          max={MAX_SPEED}
          step={1}
          value={speed}
          onChange={(e) => onSpeed(Number(e.target.value))}
          data-testid="conv-speed"
        />
      </label>
    </div>
  );
}

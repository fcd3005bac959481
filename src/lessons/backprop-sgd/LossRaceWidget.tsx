import { useEffect, useMemo, useState } from 'react';
import type { SurfaceId } from '../../core/autodiff/lossSurfaces';
import type { RunStatus } from '../../core/autodiff/optimizers2d';
import type { Lang } from '../../core/lessons/types';
import { createContourView, type ContourMarker, type ContourState } from '../../core/viz/createContourView';
import { RichText } from '../../ui/RichText';
import { prefersReducedMotion, usePrefersReducedMotion } from '../../ui/usePrefersReducedMotion';
import { fillPlaceholders } from '../../i18n/translate';
import type { WidgetProps } from '../widgetTypes';
import { fmt } from './backpropSgdData';
import { itersParam, kappaParam, momentumParam, raceLrParam } from './backpropSgdParams';
import { optimizerNames, raceTexts as T } from './backpropSgdTexts';
import { OPTIMIZER_STYLE, runRace } from './raceModel';
import { cnnSlice } from './tinyCnnLab';
import { useD3View } from '../useD3View';
import './backpropSgd.css';
import { paramNumber } from '../paramValue';

/** Duration of the animated race, milliseconds. */
const RACE_MS = 3000;
const SURFACES: readonly SurfaceId[] = ['bowl', 'rosenbrock', 'saddle', 'cnn'];

/** The outcome of a run, in words. */
function statusText(s: RunStatus, lang: Lang): string {
  return s === 'diverged' ? T.diverged[lang] : s === 'escaped' ? T.escaped[lang] : T.ok[lang];
}

/**
 * Step 6: five optimizers race from the same start on the chosen loss surface (d3 contours), with
 * the learning rate, momentum, condition number and number of steps from the URL. The race is
 * animated (unless the user prefers reduced motion); a table gives each optimizer's outcome.
 */
export function LossRaceWidget({ step, params, lang, setParam }: WidgetProps) {
  const surfaceId: SurfaceId = SURFACES.find((s) => s === params.surface) ?? 'bowl';
  const kappa = paramNumber(params.kappa, kappaParam.default);
  const lrExp = paramNumber(params.lr, raceLrParam.default);
  const momentum = paramNumber(params.momentum, momentumParam.default);
  const iters = paramNumber(params.iters, itersParam.default);
  const reduced = usePrefersReducedMotion();
  const race = useMemo(
    () => runRace({ surface: surfaceId, kappa, lrExp, momentum, iters }),
    [surfaceId, kappa, lrExp, momentum, iters],
  );

  const [animStart, setAnimStart] = useState<number | null>(() =>
    prefersReducedMotion() ? null : performance.now(),
  );
  const [progress, setProgress] = useState(0);
  useEffect(() => {
    if (animStart === null || reduced) return undefined;
    let frame = 0;
    const tick = (now: number): void => {
      const p = Math.min(1, (now - animStart) / RACE_MS);
      setProgress(p);
      if (p >= 1) setAnimStart(null);
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [animStart, reduced]);
  const animating = animStart !== null && !reduced;
  const shownSteps = animating ? Math.floor(progress * iters) + 1 : iters + 1;

  const state = useMemo<ContourState>(() => {
    const { surface, grid, runs } = race;
    const markers: ContourMarker[] = [
      { x: surface.start[0], y: surface.start[1], shape: 'start', label: T.start[lang] },
    ];
    for (const m of surface.minima)
      markers.push({ x: m[0], y: m[1], shape: 'minimum', label: T.minimum[lang] });
    if (surface.id === 'cnn') {
      const s = cnnSlice();
      markers.push({
        x: s.trained[s.axes[0]] ?? 0,
        y: s.trained[s.axes[1]] ?? 0,
        shape: 'point',
        label: T.trained[lang],
      });
    }
    return {
      grid,
      levels: 14,
      logScale: true,
      paths: runs.map((r) => ({
        id: r.id,
        ...OPTIMIZER_STYLE[r.id],
        points: r.path,
        shown: shownSteps,
        label: fillPlaceholders(T.pathLabel[lang], {
          name: optimizerNames[r.id][lang],
          loss: fmt(r.losses[r.losses.length - 1] ?? Number.NaN),
          steps: r.path.length - 1,
          status: statusText(r.status, lang),
        }),
      })),
      markers,
      xLabel: surface.id === 'cnn' ? T.axisKernel[lang] : T.axisX[lang],
      yLabel: surface.id === 'cnn' ? T.axisBias[lang] : T.axisY[lang],
    };
  }, [race, shownSteps, lang]);
  const ref = useD3View(
    (el) => createContourView(el, { title: T.title[lang], description: T.desc[lang] }),
    state,
    lang,
  );

  const suggested = Math.round(10 * Math.log10(1 / race.lambda)) / 10;
  const canSuggest =
    Number.isFinite(suggested) && suggested >= raceLrParam.min && suggested <= raceLrParam.max;
  return (
    <div
      className="loss-race"
      data-testid="loss-race"
      data-surface={surfaceId}
      data-animating={animating ? 'true' : 'false'}
    >
      <RichText text={step.body[lang]} />
      <div className="loss-race__layout">
        <div ref={ref} className="loss-race__plot" />
        <div className="loss-race__side">
          <p>{fillPlaceholders(T.lr[lang], { lr: fmt(race.lr, 3), mu: fmt(momentum, 2) })}</p>
          <p data-testid="race-curvature">
            {fillPlaceholders(T.curvature[lang], {
              lambda: fmt(race.lambda, 4),
              limit: fmt(2 / race.lambda, 3),
            })}
          </p>
          <div className="backprop-controls">
            <button
              type="button"
              className="button"
              disabled={!canSuggest || suggested === lrExp}
              onClick={() => setParam('lr', suggested)}
              data-testid="race-suggest"
            >
              {T.suggest[lang]}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setProgress(0);
                setAnimStart(performance.now());
              }}
              disabled={reduced}
              data-testid="race-replay"
            >
              {T.replay[lang]}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => setAnimStart(null)}
              disabled={!animating}
              data-testid="race-show-all"
            >
              {T.showAll[lang]}
            </button>
          </div>
          <p className="hint">{T.fixed[lang]}</p>
        </div>
      </div>
      <table className="loss-race__table" data-testid="race-table">
        <caption>{T.legend[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">{T.colOptimizer[lang]}</th>
            <th scope="col">{T.colSteps[lang]}</th>
            <th scope="col">{T.colLoss[lang]}</th>
            <th scope="col">{T.colStatus[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {race.runs.map((r) => (
            <tr key={r.id} data-optimizer={r.id} data-status={r.status}>
              <th scope="row">
                <svg width="34" height="10" aria-hidden="true" className="loss-race__swatch">
                  <line
                    x1="1"
                    x2="33"
                    y1="5"
                    y2="5"
                    stroke={OPTIMIZER_STYLE[r.id].color}
                    strokeWidth="3"
                    strokeDasharray={OPTIMIZER_STYLE[r.id].dash || undefined}
                  />
                </svg>{' '}
                {optimizerNames[r.id][lang]}
              </th>
              <td>{r.path.length - 1}</td>
              <td>{fmt(r.losses[r.losses.length - 1] ?? Number.NaN)}</td>
              <td>{statusText(r.status, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

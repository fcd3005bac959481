import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../../core/lessons/types';
import type { BackendTiming, TimedPass } from '../../core/tensor/backendTiming';
import type { ZooModelDef } from '../../core/models/zooTypes';
import { BACKEND_ORDER, type BackendName } from '../../core/tensor/backendTypes';
import { useBackendStore } from '../backendStore';
import { BACKEND_NAMES } from '../backendNames';
import type { ZooModelState } from './useZooModel';
import { formatMs } from './zooFormat';
import { speedTexts as T } from './zooPageTexts';

/** Untimed passes before the timed ones (shader compilation, weight upload or move). */
export const SPEED_WARMUP = 3;
/** Timed passes; the median is shown. */
export const SPEED_RUNS = 15;

type SpeedState =
  | { status: 'idle' }
  | { status: 'running'; backend: BackendName }
  | {
      status: 'done';
      results: BackendTiming<Float32Array>[];
      restored: string;
      active: BackendName;
      model: string;
    }
  | { status: 'error'; error: string };

/** The active backend's output, the one the others are compared with. */
function reference(state: Extract<SpeedState, { status: 'done' }>): Float32Array | undefined {
  const r = state.results.find((x) => x.backend === state.active);
  return r?.status === 'measured' ? r.timing.output : undefined;
}

/** The backends to time: the active one first, then (for `all`) the others in the app's order. */
export function backendsToTime(active: BackendName, all: boolean): BackendName[] {
  return all ? [active, ...BACKEND_ORDER.filter((b) => b !== active)] : [active];
}

/** Largest |a − b| over two outputs of the same model. */
export function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function formatDifference(d: number): string {
  return d === 0 ? '0' : Number.isFinite(d) ? d.toExponential(1).replace('-', '\u2212') : '\u2014';
}

function Row({
  r,
  reference,
  lang,
}: {
  r: BackendTiming<Float32Array>;
  reference: Float32Array | undefined;
  lang: Lang;
}) {
  const name = BACKEND_NAMES[r.backend];
  if (r.status === 'measured') {
    const diff = reference ? maxAbsDifference(r.timing.output, reference) : undefined;
    const notes = [
      ...(r.active ? [T.activeNote[lang]] : []),
      ...(r.softwareGpu ? [T.softwareNote[lang]] : []),
    ];
    return (
      <tr
        data-testid={`zoo-speed-${r.backend}`}
        data-status="measured"
        data-median-ms={r.timing.medianMs}
        data-difference={diff ?? ''}
      >
        <th scope="row">{name}</th>
        <td>{formatMs(r.timing.medianMs)}</td>
        <td>
          {formatMs(r.timing.minMs)} – {formatMs(r.timing.maxMs)}
        </td>
        <td>{diff === undefined ? '—' : formatDifference(diff)}</td>
        <td>{notes.join(lang === 'zh' ? '；' : '; ')}</td>
      </tr>
    );
  }
  return (
    <tr data-testid={`zoo-speed-${r.backend}`} data-status={r.status}>
      <th scope="row">{name}</th>
      <td>—</td>
      <td>—</td>
      <td>—</td>
      <td>
        {(r.status === 'unavailable' ? T.unavailable : T.failed)[lang]}{' '}
        <span lang="en" className="table__detail">
          {r.detail}
        </span>
      </td>
    </tr>
  );
}

/**
 * Live speed of the selected model: one forward pass timed (median after warm-up) on the active
 * backend and, on request, on every other backend this browser can start; the user's backend is
 * restored afterwards (core/tensor/backendTiming.ts). Numbers are measured here, never stored.
 */
export function BackendSpeed({
  def,
  model,
  input,
  modelName,
  lang,
}: {
  def: ZooModelDef;
  model: ZooModelState;
  /** The run panel's current input, or undefined (then a blank image of the model's size). */
  input: Float32Array | undefined;
  modelName: string;
  lang: Lang;
}) {
  const report = useBackendStore((s) => s.report);
  const [state, setState] = useState<SpeedState>({ status: 'idle' });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const runner = model.status === 'ready' ? model.model.runner : undefined;
  const busy = state.status === 'running';

  async function measure(all: boolean): Promise<void> {
    if (!runner || !report || busy) return;
    const active = report.backend;
    setState({ status: 'running', backend: active });
    try {
      const [{ timeOnBackends }, { zooRunnerCopier }] = await Promise.all([
        import('../../core/tensor/backendTiming'),
        import('../../core/models/zooRunnerCopy'),
      ]);
      const x = input ?? new Float32Array(runner.inputSize * runner.inputSize);
      // A copy with the same weights is made on each backend: the user's model never leaves its own.
      const copy = zooRunnerCopier(def, runner);
      const makePass = async (): Promise<TimedPass<Float32Array>> => {
        const r = await copy();
        return { pass: () => r.predict(x), dispose: () => r.dispose() };
      };
      const run = await timeOnBackends(makePass, backendsToTime(active, all), active, {
        warmup: SPEED_WARMUP,
        runs: SPEED_RUNS,
        onBackend: (backend) => live.current && setState({ status: 'running', backend }),
      });
      // The app's backend could not be started again: let the app choose afresh (it tells the user).
      if (run.restored !== active) void useBackendStore.getState().start();
      if (live.current) setState({ status: 'done', ...run, active, model: modelName });
    } catch (e) {
      if (live.current) setState({ status: 'error', error: e instanceof Error ? e.message : String(e) });
    }
  }

  const disabled = !runner || !report || busy;
  return (
    <section
      className="zoo-section"
      aria-labelledby="zoo-speed-title"
      data-testid="zoo-speed"
      data-status={state.status}
    >
      <h2 id="zoo-speed-title">{T.title[lang]}</h2>
      <p>{T.intro[lang](SPEED_RUNS, SPEED_WARMUP)}</p>
      <p data-testid="zoo-speed-active" data-backend={report?.backend ?? ''}>
        {report ? T.active[lang](BACKEND_NAMES[report.backend]) : T.activeNone[lang]}
      </p>
      <p className="zoo-actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void measure(false)}
          aria-disabled={disabled}
          data-testid="zoo-speed-active-button"
        >
          {T.timeActive[lang]}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void measure(true)}
          aria-disabled={disabled}
          data-testid="zoo-speed-all-button"
        >
          {T.timeAll[lang]}
        </button>
      </p>
      {!runner && <p className="hint">{T.needModel[lang]}</p>}
      <div role="status">
        {state.status === 'running' && (
          <p className="widget-loading">{T.timing[lang](BACKEND_NAMES[state.backend])}</p>
        )}
        {state.status === 'done' && (
          <p data-testid="zoo-speed-restored">
            {(state.restored === state.active ? T.restored : T.notRestored)[lang](
              BACKEND_NAMES[state.active],
            )}
          </p>
        )}
      </div>
      {state.status === 'error' && (
        <p className="widget-error" role="alert">
          {T.error[lang]} <span lang="en">{state.error}</span>
        </p>
      )}
      {state.status === 'done' && (
        <table className="table zoo-speed__table" data-testid="zoo-speed-table">
          <caption>{T.caption[lang](state.model)}</caption>
          <thead>
            <tr>
              <th scope="col">{T.backendCol[lang]}</th>
              <th scope="col">{T.medianCol[lang]}</th>
              <th scope="col">{T.rangeCol[lang]}</th>
              <th scope="col">{T.diffCol[lang]}</th>
              <th scope="col">{T.noteCol[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {state.results.map((r) => (
              <Row key={r.backend} r={r} reference={reference(state)} lang={lang} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

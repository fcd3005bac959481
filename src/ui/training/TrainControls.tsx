import './training.css';
import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../../core/lessons/types';
import type { BackendReport } from '../../core/tensor/backendTypes';
import type { TrainProgress } from '../../core/training/trainingTypes';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { BACKEND_NAMES } from '../backendNames';
import type { TrainerStatus } from './trainingStoreTypes';
import { controlsTexts as T, fill } from './trainingTexts';

/** Time left, ms: remaining steps × (training time so far / steps done); null before any step. */
export function etaMs(p: TrainProgress): number | null {
  if (p.stepsDone <= 0 || p.trainMs <= 0) return null;
  return (Math.max(0, p.stepsTotal - p.stepsDone) * p.trainMs) / p.stepsDone;
}

/** A duration in whole seconds ("42 s") or minutes and seconds ("3 min 05 s"). */
export function formatDuration(ms: number, lang: Lang): string {
  const total = Math.max(0, Math.round(ms / 1000));
  if (total < 60) return fill(T.seconds[lang], { n: total });
  const s = total % 60;
  return fill(T.minutes[lang], { m: Math.floor(total / 60), s: String(s).padStart(2, '0') });
}

/** `text`, but changing at most once every `ms` (the last value is always delivered). */
function useThrottled(text: string, ms: number): string {
  const [shown, setShown] = useState(text);
  const last = useRef(0);
  useEffect(() => {
    if (text === shown) return undefined;
    const wait = Math.max(0, last.current + ms - Date.now());
    const t = setTimeout(() => {
      last.current = Date.now();
      setShown(text);
    }, wait);
    return () => clearTimeout(t);
  }, [text, shown, ms]);
  return shown;
}

/**
 * Train, play/pause, one batch and stop buttons, a progress bar with epoch and batch counters,
 * speed and time left, the backend in use, and a polite, throttled status for screen readers.
 */
export function TrainControls({
  progress,
  backend,
  trainer,
  canTrain,
  onTrain,
  onPlay,
  onPause,
  onStep,
  onStop,
  lang,
}: {
  progress: TrainProgress | null;
  backend: BackendReport | null;
  trainer: TrainerStatus;
  /** Data is loaded, so a model can be built. */
  canTrain: boolean;
  onTrain(): void;
  onPlay(): void;
  onPause(): void;
  onStep(): void;
  onStop(): void;
  lang: Lang;
}) {
  const state = progress?.state ?? 'empty';
  const running = state === 'running';
  const resumable = state === 'paused' || state === 'ready';
  const busy = trainer.status === 'busy';
  const counters = progress
    ? fill(T.counters[lang], {
        epoch: progress.epoch,
        epochs: progress.epochs,
        batch: progress.batchInEpoch,
        batches: progress.batchesPerEpoch,
      })
    : '';
  const eta = progress && running ? etaMs(progress) : null;
  const details = [
    progress && progress.examplesPerSec > 0
      ? fill(T.speed[lang], {
          rate: formatNumber(progress.examplesPerSec, progress.examplesPerSec >= 100 ? 0 : 1),
        })
      : '',
    eta !== null ? fill(T.eta[lang], { time: formatDuration(eta, lang) }) : '',
  ].filter((t) => t !== '');
  const stateName = (T.states[state] ?? T.states.empty!)[lang];
  const announced = useThrottled(progress ? `${stateName}. ${counters}.` : stateName, 5000);
  return (
    <div className="training-controls" data-testid="train-controls" data-state={state}>
      <div role="group" aria-label={T.toolbar[lang]} className="training-controls__buttons">
        <button
          type="button"
          className="button button--primary"
          disabled={!canTrain || running || busy}
          data-testid="train-start"
          onClick={onTrain}
        >
          {T.train[lang]}
        </button>
        {running ? (
          <button type="button" className="button" data-testid="train-pause" onClick={onPause}>
            {T.pause[lang]}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={!resumable || busy}
            data-testid="train-play"
            onClick={onPlay}
          >
            {T.play[lang]}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={!resumable || busy}
          data-testid="train-step"
          onClick={onStep}
        >
          {T.step[lang]}
        </button>
        <button
          type="button"
          className="button"
          disabled={!(running || state === 'paused')}
          data-testid="train-stop"
          onClick={onStop}
        >
          {T.stop[lang]}
        </button>
      </div>
      {progress && (
        <p className="training-controls__progress">
          <progress
            max={Math.max(1, progress.stepsTotal)}
            value={progress.stepsDone}
            aria-label={T.progress[lang]}
            aria-valuetext={counters}
            data-testid="train-progress"
          >
            {counters}
          </progress>{' '}
          <span data-testid="train-counters">
            {stateName}: {counters}
          </span>
          {details.length > 0 && <span data-testid="train-speed"> · {details.join(' · ')}</span>}
        </p>
      )}
      {backend && (
        <p className="hint" data-testid="train-backend">
          {fill(T.backend[lang], { name: BACKEND_NAMES[backend.backend] })}
        </p>
      )}
      {trainer.status === 'busy' && <p className="hint">{trainer.what[lang]}</p>}
      {trainer.status === 'error' && (
        <p className="widget-error" role="alert" data-testid="train-error">
          {trainer.message[lang]}
        </p>
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="train-live">
        {announced}
      </div>
    </div>
  );
}

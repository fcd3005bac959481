import { create } from 'zustand';

/** One measured run, shown in the "data needed" history. Plain numbers only. */
export interface MeasuredRun {
  /** Unique per method and configuration; a new run of the same configuration replaces the old one. */
  key: string;
  method: 'classic' | 'cnn';
  seed: number;
  trainCount: number;
  /** CNN epochs (0 for classic runs). */
  epochs: number;
  /** Classifier id of a classic run ('logreg' or 'svm'), 'cnn' otherwise. */
  model: string;
  accuracy: number;
  auc: number;
  trainMs: number;
  paramCount: number;
}

/** A finished CNN training, everything the widgets draw: plain arrays, never tensors. */
export interface CnnRun extends MeasuredRun {
  kernels: number[][];
  epochsDone: number;
  stopped: boolean;
  backend: string;
}

interface RunsState {
  /** Latest CNN run per configuration key. */
  cnn: Record<string, CnnRun>;
  /** Every measured run, newest last. */
  history: MeasuredRun[];
  recordCnn(run: CnnRun): void;
  recordClassic(run: MeasuredRun): void;
}

/** Key of a CNN configuration. */
export function cnnKey(seed: number, trainCount: number, epochs: number): string {
  return `cnn|${seed}|${trainCount}|${epochs}`;
}

/** Key of a classic configuration. */
export function classicKey(seed: number, trainCount: number, model: string, inputs: string): string {
  return `classic|${seed}|${trainCount}|${model}|${inputs}`;
}

const MAX_HISTORY = 40;

function withRun(history: readonly MeasuredRun[], run: MeasuredRun): MeasuredRun[] {
  const plain: MeasuredRun = {
    key: run.key,
    method: run.method,
    seed: run.seed,
    trainCount: run.trainCount,
    epochs: run.epochs,
    model: run.model,
    accuracy: run.accuracy,
    auc: run.auc,
    trainMs: run.trainMs,
    paramCount: run.paramCount,
  };
  return [...history.filter((r) => r.key !== run.key), plain].slice(-MAX_HISTORY);
}

/** Results measured in this session, shared by the lesson's steps (kept while the page is open). */
export const useRunsStore = create<RunsState>((set) => ({
  cnn: {},
  history: [],
  recordCnn(run) {
    set((s) => ({ cnn: { ...s.cnn, [run.key]: run }, history: withRun(s.history, run) }));
  },
  recordClassic(run) {
    set((s) =>
      s.history.some((r) => r.key === run.key && r.auc === run.auc)
        ? s
        : { history: withRun(s.history, run) },
    );
  },
}));

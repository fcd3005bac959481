/**
 * The page's side of the training worker: a typed request/reply client over a `Worker` (or any
 * port that speaks {@link TrainerMessage} out and {@link TrainerEvent} in, e.g. one end of a
 * `MessageChannel`: see inProcessTrainer.ts). Every request gets an id; the worker answers it with
 * exactly one `reply` or `failed` carrying that id (trainerProtocol.ts). Pushed events (`progress`,
 * `epoch`, `finished`, `error`) go to the listeners registered with {@link TrainerClient.on}.
 */
import type { DatasetSplit, ImageDataset } from '../datasets/imageDataset';
import type { TrainerEvent, TrainerMessage, TrainerReplies, TrainerRequest } from './trainerProtocol';
import { TrainingError } from './TrainingError';

export { TrainingError } from './TrainingError';

/** What the client needs of a worker: post requests, receive events (a `Worker` or a `MessagePort`). */
export interface TrainerClientPort {
  postMessage(message: TrainerMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: { data: TrainerEvent }) => void): void;
  removeEventListener(type: 'message', listener: (e: { data: TrainerEvent }) => void): void;
  /** A `Worker`'s terminate; a `MessagePort` has `close` instead. */
  terminate?(): void;
  close?(): void;
  /** A `MessagePort` needs `start()` when listened to with addEventListener. */
  start?(): void;
}

/** A `Worker`'s `error` events (its script failed to load, or threw outside any request). */
interface ErrorEventSource {
  addEventListener(type: 'error', listener: (e: { message?: string; preventDefault?(): void }) => void): void;
  removeEventListener(type: 'error', listener: (e: { message?: string }) => void): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: TrainingError): void;
}

const TERMINATED = {
  en: 'The training worker was stopped: reload the page or start training again.',
  zh: '训练工作线程已停止：请重新加载页面或重新开始训练。',
};

/** Typed request/reply client of the training worker (see the module comment). */
export class TrainerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(e: TrainerEvent) => void>();
  private terminated = false;
  private readonly onMessage = (e: { data: TrainerEvent }): void => this.handle(e.data);
  /**
   * The worker failed outside the protocol (its module did not load, or code threw outside a
   * request): nothing pending will be answered, so every pending request is rejected and the
   * listeners get an `error` event, instead of the page waiting for ever.
   */
  private readonly onError = (e: { message?: string; preventDefault?(): void }): void => {
    e.preventDefault?.();
    const detail = e.message || 'unknown error';
    const message = {
      en: `The training worker failed (${detail}). Reload the page; if it happens again, choose another backend in the settings.`,
      zh: `训练工作线程出错（${detail}）。请重新加载页面；如果再次出现，请在设置中换一个计算后端。`,
    };
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(new TrainingError(message));
    for (const l of [...this.listeners]) l({ type: 'error', error: { message } });
  };

  constructor(private readonly port: TrainerClientPort) {
    port.addEventListener('message', this.onMessage);
    if (isErrorSource(port)) port.addEventListener('error', this.onError);
    port.start?.();
  }

  /**
   * Sends a request and resolves with the worker's typed reply.
   * @param transfer buffers to move to the worker (they become unusable here: see {@link datasetTransfer})
   * @returns a promise rejected with a {@link TrainingError} when the worker answers `failed`, or
   *   when the client is terminated before the answer
   */
  request<K extends TrainerRequest['type']>(
    req: Extract<TrainerRequest, { type: K }>,
    transfer?: Transferable[],
  ): Promise<TrainerReplies[K]> {
    if (this.terminated) return Promise.reject(new TrainingError(TERMINATED));
    const id = this.nextId++;
    return new Promise<TrainerReplies[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      const message = { ...req, id } as TrainerMessage;
      try {
        this.port.postMessage(message, transfer ?? []);
      } catch (e) {
        this.pending.delete(id);
        const detail = e instanceof Error ? e.message : String(e);
        reject(
          new TrainingError({
            en: `The request could not be sent to the training worker: ${detail}`,
            zh: `无法把请求发送给训练工作线程：${detail}`,
          }),
        );
      }
    });
  }

  /** Listens for pushed events (`progress`, `epoch`, `finished`, `error`). Returns the unsubscribe function. */
  on(listener: (e: TrainerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Requests still waiting for their answer. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /**
   * Stops the worker (`terminate`, or `close` for a port), rejects every pending request with a
   * {@link TrainingError} and drops the listeners. Later requests reject at once.
   */
  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.port.removeEventListener('message', this.onMessage);
    if (isErrorSource(this.port)) this.port.removeEventListener('error', this.onError);
    if (this.port.terminate) this.port.terminate();
    else this.port.close?.();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(new TrainingError(TERMINATED));
    this.listeners.clear();
  }

  private handle(event: TrainerEvent): void {
    if (event.type === 'reply' || event.type === 'failed') {
      const p = this.pending.get(event.id);
      if (!p) return;
      this.pending.delete(event.id);
      if (event.type === 'reply') p.resolve(event.value);
      else p.reject(new TrainingError(event.error.message));
      return;
    }
    for (const l of [...this.listeners]) l(event);
  }
}

function isErrorSource(port: unknown): port is ErrorEventSource {
  return typeof Worker !== 'undefined' && port instanceof Worker;
}

/** Arrays ready to post: copies of the caller's, with their buffers listed for transfer. */
export interface DatasetTransfer {
  dataset: ImageDataset;
  transfer: Transferable[];
}

/**
 * A dataset (and split) to post to the worker while the page keeps its own arrays: every array
 * is copied once and the copies' buffers are listed for transfer (moved, not cloned again).
 *
 * ```ts
 * const t = datasetTransfer(dataset, split);
 * await client.request({ type: 'setData', dataset: t.dataset, split: t.split }, t.transfer);
 * ```
 */
export function datasetTransfer(dataset: ImageDataset): DatasetTransfer;
export function datasetTransfer(
  dataset: ImageDataset,
  split: DatasetSplit,
): DatasetTransfer & { split: DatasetSplit };
export function datasetTransfer(
  dataset: ImageDataset,
  split?: DatasetSplit,
): DatasetTransfer & { split?: DatasetSplit } {
  const images = dataset.images.slice();
  const labels = dataset.labels.slice();
  const patientIds = dataset.patientIds ? dataset.patientIds.slice() : null;
  const presetSplit = dataset.presetSplit ? dataset.presetSplit.slice() : null;
  const transfer: Transferable[] = [images.buffer, labels.buffer];
  if (patientIds) transfer.push(patientIds.buffer);
  if (presetSplit) transfer.push(presetSplit.buffer);
  const copy: ImageDataset = { ...dataset, images, labels, patientIds, presetSplit };
  if (!split) return { dataset: copy, transfer };
  const s: DatasetSplit = {
    train: split.train.slice(),
    validation: split.validation.slice(),
    test: split.test.slice(),
  };
  transfer.push(s.train.buffer, s.validation.buffer, s.test.buffer);
  return { dataset: copy, split: s, transfer };
}

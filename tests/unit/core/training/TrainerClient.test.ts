import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrainerClient, TrainingError } from '../../../../src/core/training/TrainerClient';
import type { TrainerEvent } from '../../../../src/core/training/trainerProtocol';

/** A stand-in for a Worker whose script fails: it accepts messages and never answers. */
class SilentWorker extends EventTarget {
  posted: unknown[] = [];
  terminated = false;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function errorEvent(message: string): Event {
  const e = new Event('error', { cancelable: true });
  Object.defineProperty(e, 'message', { value: message });
  return e;
}

describe('TrainerClient and a failing worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('rejects pending requests and tells listeners when the worker reports an error', async () => {
    vi.stubGlobal('Worker', SilentWorker);
    const worker = new SilentWorker();
    const client = new TrainerClient(worker as unknown as Worker);
    const events: TrainerEvent[] = [];
    client.on((e) => events.push(e));
    const init = client.request({ type: 'init', backend: 'wasm' });
    expect(worker.posted).toHaveLength(1);
    const event = errorEvent('e is not defined');
    worker.dispatchEvent(event);
    await expect(init).rejects.toBeInstanceOf(TrainingError);
    await expect(init).rejects.toThrow(/e is not defined/);
    expect(event.defaultPrevented).toBe(true);
    expect(client.pendingCount).toBe(0);
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('error');
    const info = events[0]!.type === 'error' ? events[0]!.error.message : null;
    expect(info?.zh).toContain('e is not defined');
    client.terminate();
    expect(worker.terminated).toBe(true);
  });

  it('answers requests whose reply arrives, by id, whatever the order', async () => {
    vi.stubGlobal('Worker', SilentWorker);
    const worker = new SilentWorker();
    const client = new TrainerClient(worker as unknown as Worker);
    const a = client.request({ type: 'memory' });
    const b = client.request({ type: 'memory' });
    const [ma, mb] = worker.posted as { id: number }[];
    worker.dispatchEvent(
      Object.assign(new Event('message'), { data: { type: 'reply', id: mb!.id, value: 2 } }),
    );
    worker.dispatchEvent(
      Object.assign(new Event('message'), { data: { type: 'reply', id: ma!.id, value: 1 } }),
    );
    await expect(a).resolves.toBe(1);
    await expect(b).resolves.toBe(2);
    client.terminate();
  });
});

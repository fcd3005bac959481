/**
 * Yielding to the event loop between training steps, so that messages (pause, stop, evaluate)
 * are handled while a run is playing.
 */

/** `yieldNow()` resolves on a later macrotask; `close()` frees the channel (pending yields resolve). */
export interface Yielder {
  yieldNow(): Promise<void>;
  close(): void;
}

/**
 * Resolves on a later macrotask, after the messages already queued: in browsers and workers a
 * MessageChannel round trip (no 4 ms clamp as with setTimeout; posted-message tasks run in FIFO
 * order, so a request that arrived first is served first). In Node, `setImmediate`: Node drains a
 * port's queue in one go, messages posted meanwhile included, so a MessageChannel yield would
 * starve the other ports; setImmediate runs after the poll phase that delivers them.
 */
export function createYielder(): Yielder {
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function')
    return { yieldNow: () => new Promise((r) => immediate(r)), close: () => undefined };
  if (typeof MessageChannel === 'undefined')
    return { yieldNow: () => new Promise((r) => setTimeout(r, 0)), close: () => undefined };
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  (channel.port1 as { unref?: () => void }).unref?.(); // Node: do not keep the process alive
  return {
    yieldNow: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      }),
    close: () => {
      channel.port1.close();
      channel.port2.close();
      for (const w of waiting.splice(0)) w();
    },
  };
}

/**
 * A fresh `<div>` in `document.body` for a d3 engine to draw into, removed after each test (call
 * {@link domHostPerTest} at the top level of a jsdom test file).
 */
import { afterEach } from 'vitest';

/** Registers the clean-up and returns `makeHost`, which appends and returns a new host. */
export function domHostPerTest(): () => HTMLDivElement {
  let host: HTMLDivElement | undefined;
  afterEach(() => host?.remove());
  return () => {
    host = document.createElement('div');
    document.body.append(host);
    return host;
  };
}

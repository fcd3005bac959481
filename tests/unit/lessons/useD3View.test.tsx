// @vitest-environment jsdom
/** useD3View: one draw per state object, a new view per key, removal on unmount. */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useD3View } from '../../../src/lessons/useD3View';

afterEach(() => cleanup());

function makeView() {
  const update = vi.fn<(s: { n: number }) => void>();
  const destroy = vi.fn();
  const create = vi.fn(() => ({ update, destroy }));
  function Host({ state, k }: { state: { n: number }; k: string }) {
    const ref = useD3View(create, state, k);
    return <div ref={ref} />;
  }
  return { update, destroy, create, Host };
}

describe('useD3View', () => {
  it('draws the mounted state once, then each new state once', () => {
    const { update, destroy, create, Host } = makeView();
    const first = { n: 1 };
    const { rerender, unmount } = render(<Host state={first} k="en" />);
    expect(create).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledTimes(1);
    rerender(<Host state={first} k="en" />);
    expect(update).toHaveBeenCalledTimes(1);
    const second = { n: 2 };
    rerender(<Host state={second} k="en" />);
    expect(update).toHaveBeenCalledTimes(2);
    expect(update).toHaveBeenLastCalledWith(second);
    rerender(<Host state={second} k="zh" />);
    expect(create).toHaveBeenCalledTimes(2);
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledTimes(3);
    unmount();
    expect(destroy).toHaveBeenCalledTimes(2);
  });
});

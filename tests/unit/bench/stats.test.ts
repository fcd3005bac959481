import { describe, expect, it } from 'vitest';
import { timeSyncRuns } from '../../../src/bench/stats';

describe('timeSyncRuns', () => {
  it('calls fn with 0 … warmup − 1 untimed, then times warmup … warmup + runs − 1', () => {
    const calls: number[] = [];
    const times = timeSyncRuns((i) => calls.push(i), 2, 3);
    expect(calls).toEqual([0, 1, 2, 3, 4]);
    expect(times).toHaveLength(3);
    for (const t of times) expect(t).toBeGreaterThanOrEqual(0);
  });
});

import { describe, expect, it } from 'vitest';
import { isCurrentRun } from '../../../src/lessons/train-classifier/RunWidget';
import type { BatchRecord } from '../../../src/core/training/trainingTypes';
import { runRecord } from '../helpers/trainClassifierFixtures';
import { DEFAULT_CONFIG } from '../../../src/ui/training/trainingDefaults';

const batch = (step: number): BatchRecord => ({ step, epoch: 1, loss: 0.5, accuracy: 0.5 });

describe('isCurrentRun', () => {
  it('knows the closed current run by its records, though the store copied the array', () => {
    const batches = [batch(1), batch(2), batch(3)];
    const closed = { ...runRecord(1, DEFAULT_CONFIG, []), batches: batches.slice() };
    expect(closed.batches).not.toBe(batches);
    expect(isCurrentRun(closed, batches)).toBe(true);
  });
  it('tells an earlier run from the current one', () => {
    const batches = [batch(1), batch(2), batch(3)];
    const earlier = { ...runRecord(1, DEFAULT_CONFIG, []), batches: [batch(1), batch(2), batch(3)] };
    expect(isCurrentRun(earlier, batches)).toBe(false);
    expect(isCurrentRun({ ...earlier, batches: batches.slice(0, 2) }, batches)).toBe(false);
    expect(isCurrentRun({ ...earlier, batches: [] }, [])).toBe(false);
  });
});

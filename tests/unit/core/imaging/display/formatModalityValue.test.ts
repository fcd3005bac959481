import { describe, expect, it } from 'vitest';
import {
  formatModalityValue,
  formatNumber,
} from '../../../../../src/core/imaging/display/formatModalityValue';

describe('formatModalityValue', () => {
  it('uses U+2212 for negatives: −823 HU', () => {
    const s = formatModalityValue(-823, 'HU');
    expect(s).toBe('\u2212823 HU');
    expect(s.charCodeAt(0)).toBe(0x2212);
    expect(s).not.toContain('-');
  });

  it('positive, zero and negative zero', () => {
    expect(formatModalityValue(40, 'HU')).toBe('40 HU');
    expect(formatModalityValue(0, 'HU')).toBe('0 HU');
    expect(formatModalityValue(-0, 'HU')).toBe('0 HU');
    expect(formatModalityValue(-0.001, 'HU')).toBe('0 HU');
  });

  it('no unit: the number alone; decimals trimmed to two', () => {
    expect(formatModalityValue(17, '')).toBe('17');
    expect(formatModalityValue(12.3456, '')).toBe('12.35');
    expect(formatModalityValue(-2.5, 'HU')).toBe('\u22122.5 HU');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1234.5678, 0)).toBe('1235');
  });

  it('non-finite values show a dash', () => {
    expect(formatModalityValue(Number.NaN, 'HU')).toBe('\u2014 HU');
  });
});

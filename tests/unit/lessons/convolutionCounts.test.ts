/** Weight sharing in numbers: parameter counts by hand, and how big counts are written. */
import { describe, expect, it } from 'vitest';
import {
  convParamCount,
  countInWords,
  denseParamCount,
  groupDigits,
  scientific,
  weightSharing,
} from '../../../src/lessons/convolution/weightSharing';

describe('parameter counts', () => {
  it('a 3 × 3 layer with 8 filters on one channel: 3·3·1·8 weights + 8 biases = 80', () => {
    expect(convParamCount(3, 1, 8)).toBe(80);
    expect(convParamCount(5, 3, 16)).toBe(5 * 5 * 3 * 16 + 16);
  });

  it('a dense layer from a 64 × 64 image to 64 × 64 units: 4096 · 4096 + 4096', () => {
    expect(
      denseParamCount({ height: 64, width: 64, channels: 1 }, { height: 64, width: 64, channels: 1 }),
    ).toBe(16_781_312n);
    expect(denseParamCount({ height: 2, width: 3, channels: 2 }, { height: 1, width: 2, channels: 5 })).toBe(
      12n * 10n + 10n,
    );
  });

  it('on a 512 × 512 CT slice in 3 windows with 8 filters: same padding keeps 512 × 512; trillions of dense weights', () => {
    const w = weightSharing(512, 512, 3, 3, 8);
    expect([w.outHeight, w.outWidth]).toEqual([512, 512]);
    expect(w.conv).toBe(224);
    const units = 512n * 512n * 8n;
    expect(w.dense).toBe(512n * 512n * 3n * units + units);
    expect(w.dense).toBe(1_649_269_538_816n);
    expect(w.ratio).toBeCloseTo(1_649_269_538_816 / 224, 0);
    const valid = weightSharing(512, 512, 1, 5, 1, 'valid');
    expect([valid.outHeight, valid.outWidth]).toEqual([508, 508]);
    expect(valid.dense).toBe(512n * 512n * 508n * 508n + 508n * 508n);
  });

  it('stays exact where float64 would not (an 8192 × 8192 image)', () => {
    const w = weightSharing(8192, 8192, 3, 3, 8);
    const units = 8192n * 8192n * 8n;
    expect(w.dense).toBe(8192n * 8192n * 3n * units + units);
    expect(w.dense > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  });
});

describe('writing big counts', () => {
  it('groups digits by threes', () => {
    expect(groupDigits(1_649_269_538_816n)).toBe('1,649,269,538,816');
    expect(groupDigits(80)).toBe('80');
    expect(groupDigits(1000)).toBe('1,000');
    expect(groupDigits(-1234567n)).toBe('−1,234,567');
  });

  it('scientific notation with 3 significant digits and superscript exponents', () => {
    expect(scientific(1_649_269_538_816n)).toBe('1.65 × 10¹²');
    expect(scientific(16_781_312)).toBe('1.68 × 10⁷');
    expect(scientific(99_999)).toBe('1 × 10⁵');
    expect(scientific(224)).toBe('224');
  });

  it('in words: trillion / 万亿, million / 万, exact counts without "about"', () => {
    expect(countInWords(1_649_269_538_816n, 'en')).toBe('about 1.65 trillion');
    expect(countInWords(1_649_269_538_816n, 'zh')).toBe('约 1.65 万亿');
    expect(countInWords(16_781_312, 'en')).toBe('about 16.8 million');
    expect(countInWords(16_781_312, 'zh')).toBe('约 1680 万');
    expect(countInWords(2_000_000, 'en')).toBe('2 million');
    expect(countInWords(549_755_813_888n, 'zh')).toBe('约 5500 亿');
    expect(countInWords(80, 'en')).toBe('80');
    expect(countInWords(5000, 'zh')).toBe('5,000');
  });
});

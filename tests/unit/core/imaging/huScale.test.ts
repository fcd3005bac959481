import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MU_AIR_60KEV,
  MU_WATER_60KEV,
  TISSUE_HU,
  attenuationFromHu,
  huFromAttenuation,
  huPerGreyLevel,
} from '../../../../src/core/imaging/huScale';
import { CT_TISSUES } from '../../../../src/core/imaging/phantoms/ctTissues';

describe('Hounsfield scale', () => {
  it('puts water at 0 HU and air at −1000 HU by definition', () => {
    expect(huFromAttenuation(MU_WATER_60KEV)).toBe(0);
    expect(huFromAttenuation(MU_AIR_60KEV)).toBeCloseTo(-1000, 9);
  });

  it('matches the definition worked by hand for µ = 0.2264 cm⁻¹ (≈ +100 HU)', () => {
    // 1000 × (0.2264 − 0.2059) / (0.2059 − 0.1875 × 0.001205) = 20.5 / 0.205674… = 99.672… HU
    expect(huFromAttenuation(0.2264)).toBeCloseTo(99.6723, 3);
  });

  it('attenuationFromHu inverts huFromAttenuation', () => {
    fc.assert(
      fc.property(fc.double({ min: -1024, max: 3071, noNaN: true }), (hu) => {
        expect(huFromAttenuation(attenuationFromHu(hu))).toBeCloseTo(hu, 6);
      }),
    );
  });

  it('lists tissues with ordered ranges, air lowest and bone highest', () => {
    for (const t of TISSUE_HU) expect(t.range[0]).toBeLessThanOrEqual(t.range[1]);
    const lows = TISSUE_HU.map((t) => t.range[0]);
    expect(Math.min(...lows)).toBe(-1000);
    expect(TISSUE_HU.find((t) => t.id === 'bone')?.range[1]).toBe(3000);
    expect(TISSUE_HU.find((t) => t.id === 'water')?.range).toEqual([0, 0]);
  });

  it('shows the ranges the CT phantoms paint for the tissues they share (ctTissues.ts)', () => {
    const range = (id: string) => TISSUE_HU.find((t) => t.id === id)?.range;
    // CT_TISSUES: lung −900…−850, fat −120…−90, white matter 20…30, grey matter 35…45,
    // blood 30…45 (painted at 40, the aorta of the chest-CT samples), acute haemorrhage 50…90.
    expect(range('lung')).toEqual([-900, -850]);
    expect(range('fat')).toEqual([-120, -90]);
    expect(range('white-matter')).toEqual([20, 30]);
    expect(range('grey-matter')).toEqual([35, 45]);
    expect(range('blood')).toEqual([30, 45]);
    expect(range('haematoma')).toEqual([50, 90]);
    for (const t of CT_TISSUES) {
      const shown = TISSUE_HU.find((x) => x.id === t.name);
      if (shown) expect(t.hu).toBeGreaterThanOrEqual(shown.range[0]);
      if (shown) expect(t.hu).toBeLessThanOrEqual(shown.range[1]);
    }
  });

  it('computes HU per grey level: the 12-bit range on 256 levels is 16 HU each', () => {
    expect(huPerGreyLevel(4096)).toBe(16);
    expect(huPerGreyLevel(80)).toBe(0.3125);
  });
});

import { describe, expect, it } from 'vitest';
import {
  getWindowPreset,
  isWindowPresetId,
  WINDOW_PRESETS,
} from '../../../../../src/core/imaging/display/windowPresets';

/** Values from Radiopaedia "Windowing (CT)" as listed in the task (W, L), typed in independently. */
const EXPECTED: Record<string, [number, number]> = {
  brain: [80, 40],
  subdural: [200, 75],
  stroke: [40, 40],
  'soft-tissue': [400, 40],
  mediastinum: [350, 50],
  lung: [1500, -600],
  liver: [150, 30],
  bone: [1800, 400],
};

describe('window presets', () => {
  it('are the expected eight, with unique ids', () => {
    expect(WINDOW_PRESETS.map((p) => p.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s has W %d / L %d in HU', (id, [w, l]) => {
    const p = getWindowPreset(id);
    expect(p).toBeDefined();
    expect(p?.width).toBe(w);
    expect(p?.center).toBe(l);
    expect(p?.unit).toBe('HU');
  });

  it.each(WINDOW_PRESETS.map((p) => [p.id, p] as const))('%s is cited', (_id, p) => {
    expect(p.source).toMatch(/Radiopaedia|Radiology \d{4}|Br J Radiol|AJR/);
    expect(p.source).toMatch(/https?:\/\/|\d{4};\d+/);
  });

  it('make radiological sense', () => {
    for (const p of WINDOW_PRESETS) expect(p.width).toBeGreaterThanOrEqual(1);
    expect(getWindowPreset('lung')!.center).toBeLessThan(0);
    expect(getWindowPreset('bone')!.center).toBeGreaterThan(getWindowPreset('soft-tissue')!.center);
    // Narrowest first: stroke < brain < liver < subdural < mediastinum < soft tissue < lung < bone.
    const widths = ['stroke', 'brain', 'liver', 'subdural', 'mediastinum', 'soft-tissue', 'lung', 'bone'].map(
      (id) => getWindowPreset(id)!.width,
    );
    expect([...widths].sort((a, b) => a - b)).toEqual(widths);
    // Lung window shows air-filled lung (−850 HU) without clipping it to black.
    const lung = getWindowPreset('lung')!;
    expect(-850).toBeGreaterThan(lung.center - lung.width / 2);
  });

  it('isWindowPresetId', () => {
    expect(isWindowPresetId('lung')).toBe(true);
    expect(isWindowPresetId('auto')).toBe(false);
    expect(isWindowPresetId(3)).toBe(false);
  });
});

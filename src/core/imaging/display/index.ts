/** The display pipeline: VOI window, RGBA rendering, presets, automatic window, probe formatting. */
export * from './applyWindow';
export * from './defaultWindow';
export * from './displayFrame';
export * from './formatModalityValue';
export * from './percentileWindow';
export * from './renderToRgba';
export * from './voiWindow';
export * from './windowPresets';

/**
 * Rebuilds a phantom from the flat description a samples manifest stores (`generator` of a
 * SampleEntry, samplesManifest.ts): a generator name, a seed and flat options. The same
 * description always gives the same image, so the gallery's slices can be regenerated exactly.
 */

import { makeBrainMr } from './brainMr';
import { makeChestCt } from './chestCt';
import { makeChestRadiograph } from './chestRadiograph';
import type { CtKernel } from './ctImaging';
import { makeHeadCt } from './headCt';
import type { PhantomImage } from './PhantomImage';

/** Flat generator options, as stored in the manifest. */
export type GeneratorOptions = Record<string, number | string | boolean>;

/** Names of the generators a manifest may refer to. */
export type GeneratorName = 'chestCt' | 'headCt' | 'brainMr' | 'chestRadiograph';

function num(options: GeneratorOptions, key: string): number | undefined {
  const v = options[key];
  return typeof v === 'number' ? v : undefined;
}

function str(options: GeneratorOptions, key: string): string | undefined {
  const v = options[key];
  return typeof v === 'string' ? v : undefined;
}

function kernelOf(options: GeneratorOptions): CtKernel | undefined {
  const k = str(options, 'kernel');
  return k === 'soft' || k === 'standard' || k === 'sharp' ? k : undefined;
}

/**
 * The phantom described by (name, seed, options). Options: `size`; chestCt: `kernel`, `noiseHu`,
 * `noduleDiameterMm`, `noduleKind`; headCt: `kernel`, `noiseHu`, `haemorrhageKind`,
 * `haemorrhageSide`; brainMr: `weighting`, `noisePercent`, `biasField`, `tumourDiameterMm`,
 * `tumourEnhancing`; chestRadiograph: `photonsPerPixel`, `noduleDiameterMm`, `noduleXmm` and `noduleYmm` (detector mm, both or
 * neither), `photometric`.
 * @throws RangeError for an unknown generator name.
 */
export function phantomFromGenerator(name: string, seed: number, options: GeneratorOptions): PhantomImage {
  const size = num(options, 'size');
  if (name === 'chestCt') {
    const diameter = num(options, 'noduleDiameterMm');
    const kind = str(options, 'noduleKind') === 'ground-glass' ? 'ground-glass' : 'solid';
    return makeChestCt({
      size,
      seed,
      kernel: kernelOf(options),
      noiseHu: num(options, 'noiseHu'),
      nodules: diameter === undefined ? [] : [{ diameterMm: diameter, kind }],
    });
  }
  if (name === 'headCt') {
    const kind = str(options, 'haemorrhageKind');
    const side = str(options, 'haemorrhageSide') === 'left' ? 'left' : 'right';
    return makeHeadCt({
      size,
      seed,
      kernel: kernelOf(options),
      noiseHu: num(options, 'noiseHu'),
      haemorrhage: kind === 'intraparenchymal' || kind === 'subdural' ? { kind, side } : undefined,
    });
  }
  if (name === 'brainMr') {
    const diameter = num(options, 'tumourDiameterMm');
    return makeBrainMr({
      size,
      seed,
      weighting: str(options, 'weighting') === 'T2' ? 'T2' : 'T1',
      noisePercent: num(options, 'noisePercent'),
      biasField: num(options, 'biasField'),
      tumour:
        diameter === undefined
          ? undefined
          : { diameterMm: diameter, enhancing: options.tumourEnhancing === true },
    });
  }
  if (name === 'chestRadiograph') {
    const diameter = num(options, 'noduleDiameterMm');
    const x = num(options, 'noduleXmm');
    const y = num(options, 'noduleYmm');
    const at = x !== undefined && y !== undefined ? { x, y } : undefined;
    return makeChestRadiograph({
      size,
      seed,
      photonsPerPixel: num(options, 'photonsPerPixel'),
      photometric: str(options, 'photometric') === 'MONOCHROME1' ? 'MONOCHROME1' : 'MONOCHROME2',
      nodule: diameter === undefined ? undefined : { diameterMm: diameter, at },
    });
  }
  throw new RangeError(`Unknown phantom generator "${name}"`);
}

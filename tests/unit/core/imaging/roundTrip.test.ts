/**
 * Writer → decoder round trips: the gallery files decode to the phantoms they were made from, and a
 * phantom written in every native transfer syntax decodes to the same Hounsfield units.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDicom } from '../../../../src/core/imaging';
import { makeChestCtPatch } from '../../../../src/core/imaging/phantoms/chestCtPatch';
import { phantomFromGenerator } from '../../../../src/core/imaging/phantoms/phantomFromGenerator';
import type { SamplesManifest } from '../../../../src/core/imaging/samplesManifest';
import {
  TRANSFER_SYNTAX_UIDS,
  type NativeTransferSyntax,
} from '../../../../src/core/imaging/writer/DicomWriteInput';
import { writeDicom } from '../../../../src/core/imaging/writer/writeDicom';

const manifest = JSON.parse(readFileSync('public/samples/manifest.json', 'utf8')) as SamplesManifest;

describe('gallery samples decode to the phantoms they were generated from', () => {
  it.each(manifest.samples.map((s) => [s.id, s] as const))('%s', async (_id, sample) => {
    const image = await decodeDicom(new Uint8Array(readFileSync(`public/samples/${sample.dicom}`)));
    expect(image.modality).toBe(sample.modality);
    expect([image.rows, image.columns]).toEqual([sample.rows, sample.columns]);
    expect(image.windowCenter).toBe(sample.window.center);
    expect(image.windowWidth).toBe(sample.window.width);
    expect(image.unit).toBe(sample.modality === 'CT' ? 'HU' : '');
    // The phantom again, from the manifest's generator entry; stored values are whole numbers in
    // −1024…3071 HU for CT and 0…4095 (12 bits) for MR and DX.
    const { name, seed, options } = sample.generator;
    const phantom = phantomFromGenerator(name, seed, options);
    const [lo, hi] = sample.modality === 'CT' ? [-1024, 3071] : [0, 4095];
    const frame = image.frame(0);
    let mismatches = 0;
    for (let i = 0; i < frame.length; i++) {
      const want = Math.min(hi, Math.max(lo, Math.round(phantom.image[i] ?? NaN)));
      if (frame[i] !== want) mismatches++;
    }
    expect(mismatches).toBe(0);
    // Synthetic identifying attributes are present by name only.
    expect(image.phi).toContain('PatientName');
    expect(Object.values(image.header).join(' ')).not.toContain('PHANTOM^');
  });
});

describe('a CT patch written in each native transfer syntax decodes to the same HU', () => {
  const patch = makeChestCtPatch({ size: 64, seed: 5, nodule: { diameterMm: 8 } });
  const hu = Int16Array.from(patch.image, (v) => Math.min(3071, Math.max(-1024, Math.round(v))));
  // Stored unsigned with intercept −1024 (a common scanner convention): stored = HU + 1024.
  const stored = Uint16Array.from(hu, (v) => v + 1024);
  const syntaxes = Object.keys(TRANSFER_SYNTAX_UIDS) as NativeTransferSyntax[];
  it.each(syntaxes)('%s', async (syntax) => {
    const bytes = writeDicom({
      modality: 'CT',
      rows: 64,
      columns: 64,
      frames: [stored],
      bitsStored: 12,
      rescaleSlope: 1,
      rescaleIntercept: -1024,
      transferSyntax: syntax,
      pixelSpacing: patch.pixelSpacing,
      patient: { name: 'PHANTOM^ROUNDTRIP', id: 'RT-1' },
      study: { date: '20260101', time: '120000' },
      uidSeed: `round-trip/${syntax}`,
    });
    const image = await decodeDicom(bytes);
    expect(image.transferSyntaxUid).toBe(TRANSFER_SYNTAX_UIDS[syntax]);
    expect(image.rescaleIntercept).toBe(-1024);
    expect(image.pixelRepresentation).toBe(0);
    expect(Array.from(image.storedFrame(0))).toEqual(Array.from(stored));
    expect(Array.from(image.frame(0))).toEqual(Array.from(hu));
  });
});

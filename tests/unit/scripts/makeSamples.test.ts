import dicomParser from 'dicom-parser';
import { decode } from 'fast-png';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSamples } from '../../../scripts/makeSamples';
import { storedValues } from '../../../src/core/imaging/phantoms/makeSampleSet';
import { phantomFromGenerator } from '../../../src/core/imaging/phantoms/phantomFromGenerator';
import type { SamplesManifest } from '../../../src/core/imaging/samplesManifest';
import { halfWidthPunctuation, hasChinese } from '../helpers/chineseText';

const COMMITTED = join(__dirname, '../../../public/samples');
const dirs = [mkdtempSync(join(tmpdir(), 'samples-a-')), mkdtempSync(join(tmpdir(), 'samples-b-'))];
const names = dirs.map((d) => makeSamples(d));
const read = (dir: string, name: string) => new Uint8Array(readFileSync(join(dir, name)));
const manifest = JSON.parse(readFileSync(join(dirs[0]!, 'manifest.json'), 'utf8')) as SamplesManifest;

/** Index of the first differing byte, −1 if equal (fast, unlike a deep equality on 500 kB). */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The DICOM linear window (PS3.3 C.11.2.1.2.1) to 0…255, written out again for the test. */
function referenceGrey(x: number, c: number, w: number): number {
  if (x <= c - 0.5 - (w - 1) / 2) return 0;
  if (x > c - 0.5 + (w - 1) / 2) return 255;
  return Math.round(((x - (c - 0.5)) / (w - 1) + 0.5) * 255);
}

/** Stored values of a native 16-bit little-endian DICOM file, read through dicom-parser. */
function dicomPixels(bytes: Uint8Array): { ds: dicomParser.DataSet; values: number[] } {
  const ds = dicomParser.parseDicom(bytes);
  const el = ds.elements.x7fe00010!;
  const signed = ds.uint16('x00280103') === 1;
  const view = new DataView(ds.byteArray.buffer, ds.byteArray.byteOffset);
  const values: number[] = [];
  for (let i = 0; i < el.length / 2; i++) {
    values.push(
      signed ? view.getInt16(el.dataOffset + 2 * i, true) : view.getUint16(el.dataOffset + 2 * i, true),
    );
  }
  return { ds, values };
}

describe('npm run samples (scripts/makeSamples.ts)', () => {
  it('writes byte-identical files on every run', () => {
    expect(names[1]).toEqual(names[0]);
    for (const name of names[0]!)
      expect(firstDifference(read(dirs[1]!, name), read(dirs[0]!, name)), name).toBe(-1);
  });

  it('matches the committed public/samples (run `npm run samples` after changing a phantom)', () => {
    const committed = readdirSync(COMMITTED).sort();
    expect(committed).toEqual([...names[0]!].sort());
    for (const name of names[0]!)
      expect(firstDifference(read(COMMITTED, name), read(dirs[0]!, name)), name).toBe(-1);
  });

  it('covers CT, MR and radiography, with and without lesions, within ~6 MB', () => {
    expect(manifest.version).toBe(1);
    expect(manifest.samples.length).toBeGreaterThanOrEqual(8);
    expect(new Set(manifest.samples.map((s) => s.modality))).toEqual(new Set(['CT', 'MR', 'DX']));
    for (const modality of ['CT', 'DX']) {
      const of = manifest.samples.filter((s) => s.modality === modality);
      expect(of.some((s) => s.hasLesion)).toBe(true);
      expect(of.some((s) => !s.hasLesion)).toBe(true);
    }
    const total = names[0]!.reduce((n, name) => n + read(dirs[0]!, name).length, 0);
    expect(total).toBeLessThan(6.5 * 1024 * 1024);
  });

  it('gives every sample an English and a Simplified Chinese text with full-width punctuation', () => {
    for (const s of manifest.samples) {
      for (const text of [s.title, s.description]) {
        expect(text.en.length, s.id).toBeGreaterThan(0);
        expect(hasChinese(text.zh), s.id).toBe(true);
        expect(halfWidthPunctuation(text.zh, true), `${s.id}: ${text.zh}`).toEqual([]);
      }
      expect(s.hasLesion).toBe(s.lesion !== undefined);
    }
  });

  it('describes each DICOM file truly and renders its PNG with the default window', () => {
    for (const s of manifest.samples) {
      const { ds, values } = dicomPixels(read(dirs[0]!, s.dicom));
      expect(ds.string('x00080060'), s.id).toBe(s.modality);
      expect(ds.uint16('x00280010'), s.id).toBe(s.rows);
      expect(ds.uint16('x00280011'), s.id).toBe(s.columns);
      expect(ds.floatString('x00281050'), s.id).toBe(s.window.center);
      expect(ds.floatString('x00281051'), s.id).toBe(s.window.width);
      expect(ds.string('x00100010')?.startsWith('PHANTOM^'), s.id).toBe(true);
      const png = decode(read(dirs[0]!, s.png));
      expect([png.width, png.height, png.channels, png.depth], s.id).toEqual([s.columns, s.rows, 1, 8]);
      const slope = ds.floatString('x00281053') ?? 1;
      const intercept = ds.floatString('x00281052') ?? 0;
      const expected = values.map((v) =>
        referenceGrey(v * slope + intercept, s.window.center, s.window.width),
      );
      expect(firstDifference(png.data, expected), s.id).toBe(-1);
    }
  });

  it('regenerates every slice exactly from its manifest generator entry', () => {
    for (const s of manifest.samples) {
      const phantom = phantomFromGenerator(s.generator.name, s.generator.seed, s.generator.options);
      const stored = storedValues(phantom, s.modality as 'CT' | 'MR' | 'DX');
      expect(firstDifference(stored, dicomPixels(read(dirs[0]!, s.dicom)).values), s.id).toBe(-1);
      expect(
        phantom.labels.hasNodule === true ||
          phantom.labels.hasHaemorrhage === true ||
          phantom.labels.hasTumour === true,
        s.id,
      ).toBe(s.hasLesion);
    }
  });
});

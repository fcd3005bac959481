import { describe, expect, it } from 'vitest';
import { encode } from 'fast-png';
import { zipSync } from 'fflate';
import {
  importImageFiles,
  ImportError,
  MAX_ZIP_FILES,
  unzipEntries,
  type FileEntry,
} from '../../../../src/core/datasets/importImageFiles';
import { writeDicom } from '../../../../src/core/imaging/writer/writeDicom';
import type { DicomWriteInput } from '../../../../src/core/imaging/writer/DicomWriteInput';

/** An 8-bit greyscale PNG of the given values (row-major). */
function greyPng(width: number, height: number, values: readonly number[]): Uint8Array {
  return encode({ width, height, data: Uint8Array.from(values), depth: 8, channels: 1 });
}
/** A 64-value ramp PNG, 8 × 8, values 0, 4, 8, … 252. */
const ramp = (): Uint8Array =>
  greyPng(
    8,
    8,
    Array.from({ length: 64 }, (_, i) => 4 * i),
  );

function dicom(extra: Partial<DicomWriteInput>): Uint8Array {
  return writeDicom({
    modality: 'CT',
    rows: 2,
    columns: 2,
    frames: [Int16Array.of(-1000, 0, 40, 240)],
    rescaleSlope: 1,
    rescaleIntercept: 0,
    windows: [{ center: 40, width: 400 }],
    pixelSpacing: [0.7, 0.7],
    patient: { name: 'PHANTOM^CHEST', id: 'PH-0001' },
    study: { date: '20240315', time: '093000' },
    uidSeed: 'test/import',
    ...extra,
  });
}

const close = (actual: Float32Array, expected: readonly number[], digits = 6): void => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, digits));
};

describe('importImageFiles: labels, counts, skipped files', () => {
  it('labels by the first folder under a shared top folder, classes sorted, junk skipped with reasons', async () => {
    const entries: FileEntry[] = [
      { path: 'chest/pneumonia/a.png', bytes: ramp() },
      { path: 'chest/normal/b.png', bytes: ramp() },
      { path: 'chest/normal/c.png', bytes: ramp() },
      { path: 'chest/normal/deeper/d.png', bytes: ramp() },
      { path: 'chest/readme.png', bytes: ramp() },
      { path: 'chest/normal/.DS_Store', bytes: Uint8Array.of(0, 0, 0, 1) },
      { path: '__MACOSX/chest/normal/._b.png', bytes: Uint8Array.of(0, 5, 22, 7) },
      { path: 'chest/normal/notes.txt', bytes: new TextEncoder().encode('not an image') },
      { path: 'chest/pneumonia/broken.png', bytes: ramp().subarray(0, 40) },
    ];
    const result = await importImageFiles(entries, { size: 4 });
    expect(result.problem).toBeNull();
    expect(result.counts).toEqual([
      { className: 'normal', count: 3 },
      { className: 'pneumonia', count: 1 },
    ]);
    const d = result.dataset!;
    expect(d.count).toBe(4);
    expect(d.size).toBe(4);
    expect(d.classNames).toEqual([
      { en: 'normal', zh: 'normal' },
      { en: 'pneumonia', zh: 'pneumonia' },
    ]);
    // Entry order kept: pneumonia/a, normal/b, normal/c, normal/deeper/d.
    expect(Array.from(d.labels)).toEqual([1, 0, 0, 0]);
    expect(d.patientIds).toBeNull();
    expect(d.presetSplit).toBeNull();
    expect(d.spacingMm).toBeNull();
    expect(d.source).toEqual({ kind: 'folder', name: 'chest' });
    const reasons = new Map(result.skipped.map((s) => [s.path, s.reason]));
    expect([...reasons.keys()].sort()).toEqual(
      [
        'chest/readme.png',
        'chest/normal/.DS_Store',
        '__MACOSX/chest/normal/._b.png',
        'chest/normal/notes.txt',
        'chest/pneumonia/broken.png',
      ].sort(),
    );
    expect(reasons.get('chest/readme.png')?.en).toMatch(/not inside a class folder/);
    expect(reasons.get('chest/normal/.DS_Store')?.en).toMatch(/hidden or system file/);
    expect(reasons.get('chest/normal/notes.txt')?.en).toMatch(/not an image/);
    expect(reasons.get('chest/pneumonia/broken.png')?.en).toMatch(/damaged|truncated|incomplete|cut short/i);
    for (const r of reasons.values()) expect(r.zh.length).toBeGreaterThan(4);
  });

  it('gives the same labels without the shared top folder', async () => {
    const result = await importImageFiles(
      [
        { path: 'pneumonia/a.png', bytes: ramp() },
        { path: 'normal/b.png', bytes: ramp() },
      ],
      { size: 4, name: 'my folder' },
    );
    expect(result.counts.map((c) => c.className)).toEqual(['normal', 'pneumonia']);
    expect(Array.from(result.dataset!.labels)).toEqual([1, 0]);
    expect(result.dataset!.source).toEqual({ kind: 'folder', name: 'my folder' });
  });

  it('reports a problem with fewer than 2 classes, or no image', async () => {
    const one = await importImageFiles(
      [
        { path: 'top/normal/a.png', bytes: ramp() },
        { path: 'top/normal/b.png', bytes: ramp() },
      ],
      { size: 4 },
    );
    expect(one.dataset).toBeNull();
    expect(one.counts).toEqual([{ className: 'normal', count: 2 }]);
    expect(one.problem?.en).toMatch(/Only one class/);
    const none = await importImageFiles([{ path: 'a/b.txt', bytes: Uint8Array.of(1, 2, 3) }], { size: 4 });
    expect(none.dataset).toBeNull();
    expect(none.problem?.en).toMatch(/No image could be read/);
    expect(none.skipped.length).toBe(1);
  });

  it('reports progress for every file, ending at the total, and yields between files', async () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({
      path: `${i % 2 ? 'a' : 'b'}/${i}.png`,
      bytes: ramp(),
    }));
    const seen: Array<[number, number]> = [];
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    await importImageFiles(entries, { size: 4, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.map((s) => s[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(seen.every((s) => s[1] === 10)).toBe(true);
    expect(timerRan).toBe(true);
  });
});

describe('importImageFiles: pixels', () => {
  it('resizes by area averaging (8 × 8 → 4 × 4: each output the mean of a 2 × 2 block)', async () => {
    const values = Array.from({ length: 64 }, (_, i) => (i * 37) % 256);
    const result = await importImageFiles(
      [
        { path: 'a/x.png', bytes: greyPng(8, 8, values) },
        { path: 'b/y.png', bytes: ramp() },
      ],
      { size: 4 },
    );
    const expected: number[] = [];
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 4; c++) {
        const at = (rr: number, cc: number): number => values[(2 * r + rr) * 8 + 2 * c + cc] as number;
        expected.push((at(0, 0) + at(0, 1) + at(1, 0) + at(1, 1)) / 4 / 255);
      }
    }
    close(result.dataset!.images.subarray(0, 16), expected);
  });

  it('centre-crops a non-square image to a square first (3 wide × 2 high → middle 2 × 2 → 1 pixel)', async () => {
    // Rows [10 20 30] [40 50 60]: the 2 × 2 centre square starts at column floor((3 − 2)/2) = 0:
    // [10 20; 40 50], mean 30. A 2-wide × 4-high image [1 2; 3 4; 5 6; 7 8] keeps rows 1–2: mean 4.5.
    const result = await importImageFiles(
      [
        { path: 'a/wide.png', bytes: greyPng(3, 2, [10, 20, 30, 40, 50, 60]) },
        { path: 'b/tall.png', bytes: greyPng(2, 4, [1, 2, 3, 4, 5, 6, 7, 8]) },
      ],
      { size: 1 },
    );
    close(result.dataset!.images, [30 / 255, 4.5 / 255]);
  });

  it('turns RGB into BT.601 luma and scales 16-bit PNGs by 65535', async () => {
    const rgb = encode({ width: 1, height: 1, data: Uint8Array.of(200, 100, 50), depth: 8, channels: 3 });
    const deep = encode({ width: 1, height: 1, data: Uint16Array.of(30000), depth: 16, channels: 1 });
    const result = await importImageFiles(
      [
        { path: 'a/rgb.png', bytes: rgb },
        { path: 'b/deep.png', bytes: deep },
      ],
      { size: 1 },
    );
    close(result.dataset!.images, [(0.299 * 200 + 0.587 * 100 + 0.114 * 50) / 255, 30000 / 65535]);
  });

  it('windows a CT DICOM with its own window, inverts MONOCHROME1, and groups by Patient ID', async () => {
    // HU −1000, 0, 40, 240 through W 400 / L 40: (hu − (40 − 200)) / 400, clamped → 0, 0.4, 0.5, 1.
    const ct = dicom({});
    const mono1 = dicom({
      modality: 'DX',
      frames: [Uint16Array.of(0, 100, 200, 300)],
      photometric: 'MONOCHROME1',
      windows: [{ center: 150, width: 300 }],
      rescaleSlope: undefined,
      rescaleIntercept: undefined,
      patient: { name: 'PHANTOM^B', id: 'PH-0002' },
      uidSeed: 'test/import/dx',
    });
    const result = await importImageFiles(
      [
        { path: 'ct/one.dcm', bytes: ct },
        { path: 'dx/two.dcm', bytes: mono1 },
        { path: 'ct/three.dcm', bytes: dicom({ uidSeed: 'test/import/3' }) },
      ],
      { size: 2 },
    );
    const d = result.dataset!;
    close(d.images.subarray(0, 4), [0, 0.4, 0.5, 1]);
    // 0…300 through W 300 / L 150 → 0, 1/3, 2/3, 1; MONOCHROME1 → 1 − v.
    close(d.images.subarray(4, 8), [1, 2 / 3, 1 / 3, 0]);
    expect(Array.from(d.patientIds!)).toEqual([0, 1, 0]);
  });

  it('uses the 1st–99th percentile window for a DICOM without one, and no patient ids when one file is a PNG', async () => {
    // MR values 100, 300, 500, 900: nearest-rank 1st and 99th percentiles of 4 values = min and max.
    const mr = dicom({
      modality: 'MR',
      frames: [Uint16Array.of(100, 300, 500, 900)],
      windows: [],
      rescaleSlope: undefined,
      rescaleIntercept: undefined,
      mr: { repetitionTime: 500, echoTime: 14 },
      uidSeed: 'test/import/mr',
    });
    const result = await importImageFiles(
      [
        { path: 'mr/a.dcm', bytes: mr },
        { path: 'png/b.png', bytes: ramp() },
      ],
      { size: 2 },
    );
    close(result.dataset!.images.subarray(0, 4), [0, 0.25, 0.5, 1]);
    expect(result.dataset!.patientIds).toBeNull();
  });
});

describe('unzipEntries', () => {
  it('returns the files, skipping folders, __MACOSX and hidden files', () => {
    const zip = zipSync({
      'set/': {},
      'set/a/x.png': ramp(),
      'set/b/y.png': [ramp(), { level: 0 }],
      'set/.DS_Store': Uint8Array.of(1),
      '__MACOSX/set/a/._x.png': Uint8Array.of(2),
    });
    const files = unzipEntries(zip);
    expect(files.map((f) => f.path).sort()).toEqual(['set/a/x.png', 'set/b/y.png']);
    expect(Array.from(files.find((f) => f.path === 'set/a/x.png')!.bytes)).toEqual(Array.from(ramp()));
  });

  const codeOf = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).localized.zh.length).toBeGreaterThan(5);
      return (e as ImportError).code;
    }
    return undefined;
  };

  it('refuses a file that is not a zip, and a damaged one', () => {
    expect(codeOf(() => unzipEntries(ramp()))).toBe('not-zip');
    expect(codeOf(() => unzipEntries(new Uint8Array(0)))).toBe('not-zip');
    const zip = zipSync({ 'a/x.png': ramp(), 'b/y.png': ramp() });
    expect(codeOf(() => unzipEntries(zip.subarray(0, zip.length - 30)))).toBe('damaged');
  });

  it('refuses an archive that declares more than 1 GiB uncompressed, before inflating it', () => {
    const zip = zipSync({ 'a/x.png': ramp() });
    // Central directory header (PK\1\2): the uncompressed size is the 4 bytes at offset 24.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let at = -1;
    for (let i = 0; i + 4 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) at = i;
    expect(at).toBeGreaterThan(0);
    view.setUint32(at + 24, 2 ** 30 + 1, true);
    expect(codeOf(() => unzipEntries(zip))).toBe('too-large');
  });

  it(`refuses an archive of more than ${MAX_ZIP_FILES} files`, () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_ZIP_FILES; i++) files[`f${i}`] = new Uint8Array(0);
    const zip = zipSync(files, { level: 0 });
    expect(codeOf(() => unzipEntries(zip))).toBe('too-many-files');
  });
});

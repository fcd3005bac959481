import dicomParser from 'dicom-parser';
import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeDicom } from '../../../../../src/core/imaging/writer/writeDicom';
import { tagKey } from './dictionary';
import { COLUMNS, ROWS, ctFrame, ctInput, parse, readWords } from './inputs';
import { walkElements } from './walkElements';

/** Offset of the first byte after the File Meta Information: 132 + 12 + group length. */
function datasetStart(bytes: Uint8Array): number {
  return 132 + 12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(132 + 8, true);
}

describe('writeDicom: native transfer syntaxes (PS3.5 A.1–A.3, A.5)', () => {
  it('Implicit VR Little Endian: no VR in the data set, pixel values read back', () => {
    const bytes = writeDicom(ctInput({ transferSyntax: 'implicit-vr-little-endian' }));
    const ds = parse(bytes);
    expect(ds.string('x00020010')).toBe('1.2.840.10008.1.2');
    // The file meta stays explicit (PS3.10 7.1); the data set is tag + 32-bit length + value.
    const start = datasetStart(bytes);
    const elements = walkElements(bytes, start, bytes.length, false, true);
    const last = elements[elements.length - 1]!;
    expect(last.tag).toBe(0x7fe00010);
    expect(last.valueOffset + last.length).toBe(bytes.length);
    for (const e of elements) expect(e.length % 2, tagKey(e.tag)).toBe(0);
    // The first data set element (0008,0008) Image Type: 4 bytes of tag then the length.
    expect(Array.from(bytes.subarray(start, start + 4))).toEqual([0x08, 0x00, 0x08, 0x00]);
    expect(ds.string('x00100010')).toBe('PHANTOM^CHEST');
    const el = ds.elements.x7fe00010!;
    expect(readWords(ds.byteArray, el.dataOffset, ROWS * COLUMNS, true, true)).toEqual(Array.from(ctFrame()));
  });

  it('Explicit VR Big Endian: numbers and OW words byte-swapped, pixel values read back', () => {
    const bytes = writeDicom(ctInput({ transferSyntax: 'explicit-vr-big-endian' }));
    const ds = parse(bytes);
    expect(ds.string('x00020010')).toBe('1.2.840.10008.1.2.2');
    const elements = walkElements(bytes, datasetStart(bytes), bytes.length, true, false);
    const rows = elements.find((e) => e.tag === 0x00280010)!;
    expect(rows.vr).toBe('US');
    // Rows = 5 as a big-endian US: 00 05.
    expect(Array.from(bytes.subarray(rows.valueOffset, rows.valueOffset + 2))).toEqual([0x00, ROWS]);
    expect(ds.uint16('x00280010')).toBe(ROWS);
    const el = ds.elements.x7fe00010!;
    expect(readWords(ds.byteArray, el.dataOffset, ROWS * COLUMNS, false, true)).toEqual(
      Array.from(ctFrame()),
    );
    // First pixel −1024 = 0xFC00, big endian FC 00.
    expect([ds.byteArray[el.dataOffset], ds.byteArray[el.dataOffset + 1]]).toEqual([0xfc, 0x00]);
  });

  it('Deflated Explicit VR Little Endian: meta in clear, data set raw-deflated, even length', () => {
    const plain = writeDicom(ctInput());
    const bytes = writeDicom(ctInput({ transferSyntax: 'deflated-explicit-vr-little-endian' }));
    expect(bytes.length % 2).toBe(0);
    const start = datasetStart(bytes);
    const inflated = inflateSync(bytes.subarray(start));
    // The inflated data set is the Explicit VR LE data set, byte for byte.
    expect(inflated).toEqual(plain.subarray(datasetStart(plain)));
    const ds = parse(bytes);
    expect(ds.string('x00020010')).toBe('1.2.840.10008.1.2.1.99');
    expect(ds.string('x00100010')).toBe('PHANTOM^CHEST');
    const el = ds.elements.x7fe00010!;
    expect(readWords(ds.byteArray, el.dataOffset, ROWS * COLUMNS, true, true)).toEqual(Array.from(ctFrame()));
  });

  it('Deflated: pads an odd-length deflate stream with one NUL byte, still readable', () => {
    let padded = 0;
    for (let seed = 0; seed < 12; seed++) {
      const input = ctInput({ uidSeed: `pad/${seed}`, transferSyntax: 'deflated-explicit-vr-little-endian' });
      const bytes = writeDicom(input);
      const plain = writeDicom({ ...input, transferSyntax: 'explicit-vr-little-endian' });
      const start = datasetStart(bytes);
      const rawLength = deflateSync(plain.subarray(datasetStart(plain)), { level: 6 }).length;
      expect(bytes.length - start).toBe(rawLength + (rawLength % 2));
      if (rawLength % 2 === 1) {
        padded++;
        expect(bytes[bytes.length - 1]).toBe(0);
        expect(parse(bytes).string('x00080018')).toBe(parse(plain).string('x00080018'));
      }
    }
    expect(padded).toBeGreaterThan(0);
  });
});

describe('writeDicom: encapsulated pixel data (PS3.5 A.4)', () => {
  // Three "compressed" frames of odd and even lengths (the writer treats them as opaque bytes).
  const frames = [
    Uint8Array.from([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9]),
    Uint8Array.from([0xff, 0xd8, 9, 8, 0xff, 0xd9]),
    Uint8Array.from([0xff, 0xd8, 7, 0xff, 0xd9]),
  ];
  const bytes = writeDicom(
    ctInput({ frames: undefined, encapsulated: { transferSyntaxUid: '1.2.840.10008.1.2.4.50', frames } }),
  );
  const ds = parse(bytes);

  it('writes OB with undefined length, a Basic Offset Table, one even fragment per frame, a delimiter', () => {
    expect(ds.string('x00020010')).toBe('1.2.840.10008.1.2.4.50');
    const all = walkElements(bytes, datasetStart(bytes), bytes.length, true, true);
    const pixel = all.find((e) => e.tag === 0x7fe00010)!;
    expect(pixel.vr).toBe('OB');
    expect(pixel.length).toBe(0xffffffff);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    let p = pixel.valueOffset;
    const item = () => {
      const tag = [view.getUint16(p, true), view.getUint16(p + 2, true)];
      const length = view.getUint32(p + 4, true);
      p += 8;
      return { tag, length, at: p };
    };
    const bot = item();
    expect(bot.tag).toEqual([0xfffe, 0xe000]);
    expect(bot.length).toBe(12);
    const offsets = [0, 1, 2].map((i) => view.getUint32(bot.at + 4 * i, true));
    p += bot.length;
    const firstFragment = p;
    frames.forEach((frame, i) => {
      expect(p - firstFragment).toBe(offsets[i]);
      const f = item();
      expect(f.tag).toEqual([0xfffe, 0xe000]);
      expect(f.length).toBe(frame.length + (frame.length % 2));
      expect(Array.from(bytes.subarray(f.at, f.at + frame.length))).toEqual(Array.from(frame));
      if (frame.length % 2 === 1) expect(bytes[f.at + frame.length]).toBe(0);
      p += f.length;
    });
    // Hand-worked: fragments of 8+8, 8+6, 8+6 bytes.
    expect(offsets).toEqual([0, 16, 30]);
    const end = item();
    expect(end.tag).toEqual([0xfffe, 0xe0dd]);
    expect(end.length).toBe(0);
    expect(end.at).toBe(bytes.length);
  });

  it('reads back through dicom-parser fragment by fragment', () => {
    const el = ds.elements.x7fe00010!;
    expect(el.encapsulatedPixelData).toBe(true);
    expect(el.basicOffsetTable).toEqual([0, 16, 30]);
    expect(el.fragments?.length).toBe(3);
    frames.forEach((frame, i) => {
      const got = dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, i, 1);
      expect(Array.from(got.subarray(0, frame.length))).toEqual(Array.from(frame));
    });
    expect(ds.intString('x00280008')).toBe(3);
  });

  it('marks always-lossy syntaxes (JPEG baseline) as lossy, others as given', () => {
    expect(ds.string('x00282110')).toBe('01');
    const lossless = parse(
      writeDicom(
        ctInput({ frames: undefined, encapsulated: { transferSyntaxUid: '1.2.840.10008.1.2.4.70', frames } }),
      ),
    );
    expect(lossless.string('x00282110')).toBe('00');
    expect(lossless.string('x00020010')).toBe('1.2.840.10008.1.2.4.70');
  });
});

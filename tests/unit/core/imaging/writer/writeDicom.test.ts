import { describe, expect, it } from 'vitest';
import { writeDicom } from '../../../../../src/core/imaging/writer/writeDicom';
import { DICTIONARY_VR, tagKey } from './dictionary';
import { COLUMNS, ROWS, ctFrame, ctInput, parse, readWords } from './inputs';
import { walkElements } from './walkElements';

const ascii = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

describe('writeDicom: Part-10 file structure (CT, Explicit VR Little Endian)', () => {
  const bytes = writeDicom(ctInput());
  const ds = parse(bytes);

  it('starts with a 128-byte zero preamble and the "DICM" prefix (PS3.10 7.1)', () => {
    expect(Array.from(bytes.subarray(0, 128)).every((b) => b === 0)).toBe(true);
    expect(ascii(bytes, 128, 4)).toBe('DICM');
  });

  it('writes the File Meta Information with a correct group length (PS3.10 Table 7.1-1)', () => {
    const meta = walkElements(bytes, 132, bytes.length, true, true).filter((e) => e.tag >>> 16 === 2);
    expect(meta.map((e) => tagKey(e.tag))).toEqual([
      'x00020000',
      'x00020001',
      'x00020002',
      'x00020003',
      'x00020010',
      'x00020012',
      'x00020013',
    ]);
    const groupLength = new DataView(bytes.buffer).getUint32(132 + 8, true);
    // The group length counts the bytes from the end of (0002,0000) to the end of the group:
    // (0002,0000) UL takes 8 header + 4 value bytes.
    const last = meta[meta.length - 1]!;
    expect(groupLength).toBe(last.valueOffset + last.length - (132 + 12));
    const version = meta[1]!;
    expect(Array.from(bytes.subarray(version.valueOffset, version.valueOffset + 2))).toEqual([0x00, 0x01]);
    expect(ds.string('x00020002')).toBe('1.2.840.10008.5.1.4.1.1.2');
    expect(ds.string('x00020003')).toBe(ds.string('x00080018'));
    expect(ds.string('x00020010')).toBe('1.2.840.10008.1.2.1');
    expect(ds.string('x00020012')).toMatch(/^2\.25\.[1-9][0-9]*$/);
    expect(ds.string('x00020013')?.length).toBeGreaterThan(0);
    expect(ds.string('x00020013')!.length).toBeLessThanOrEqual(16);
  });

  it('writes every element with its dictionary VR and an even length, sorted by tag', () => {
    const all = walkElements(bytes, 132, bytes.length, true, true);
    for (const e of all) {
      expect(DICTIONARY_VR[tagKey(e.tag)], tagKey(e.tag)).toBeDefined();
      expect(e.vr, tagKey(e.tag)).toBe(DICTIONARY_VR[tagKey(e.tag)]);
      expect(e.length % 2, tagKey(e.tag)).toBe(0);
      expect(ds.elements[tagKey(e.tag)], tagKey(e.tag)).toBeDefined();
    }
    const dataset = all.filter((e) => e.tag >>> 16 !== 2).map((e) => e.tag);
    expect(dataset).toEqual([...dataset].sort((a, b) => a - b));
    expect(new Set(dataset).size).toBe(dataset.length);
    expect(dataset[dataset.length - 1]).toBe(0x7fe00010);
    // walkElements ends exactly at the end of the file: no stray bytes.
    const last = all[all.length - 1]!;
    expect(last.valueOffset + last.length).toBe(bytes.length);
  });

  it('pads odd-length text with a space and odd-length UIDs with NUL (PS3.5 6.2)', () => {
    const all = walkElements(bytes, 132, bytes.length, true, true);
    const byTag = (tag: number) => all.find((e) => e.tag === tag)!;
    const name = byTag(0x00100010); // "PHANTOM^CHEST": 13 characters
    expect(name.length).toBe(14);
    expect(ascii(bytes, name.valueOffset, 14)).toBe('PHANTOM^CHEST ');
    const sopClass = byTag(0x00080016); // "1.2.840.10008.5.1.4.1.1.2": 25 characters
    expect(sopClass.length).toBe(26);
    expect(ascii(bytes, sopClass.valueOffset, 26)).toBe('1.2.840.10008.5.1.4.1.1.2\0');
    const explanation = byTag(0x00281055); // "LUNG\MEDIASTINUM": 16, even: no pad
    expect(ascii(bytes, explanation.valueOffset, explanation.length)).toBe('LUNG\\MEDIASTINUM');
  });

  it('holds every type 1 and type 2 attribute of the CT Image IOD (PS3.3 A.3), with the input values', () => {
    // Type 1 (must have a value) of Patient, Study, Series, Frame of Reference, General Image,
    // Image Plane, Image Pixel, CT Image and SOP Common modules.
    const type1 = [
      'x0020000d',
      'x00080060',
      'x0020000e',
      'x00200052',
      'x00280030',
      'x00200037',
      'x00200032',
      'x00280002',
      'x00280004',
      'x00280010',
      'x00280011',
      'x00280100',
      'x00280101',
      'x00280102',
      'x00280103',
      'x7fe00010',
      'x00080008',
      'x00281052',
      'x00281053',
      'x00080016',
      'x00080018',
    ];
    // Type 2 (present, may be empty), and 2C that apply here (Patient Position for CT, Content Date/Time).
    const type2 = [
      'x00100010',
      'x00100020',
      'x00100030',
      'x00100040',
      'x00080020',
      'x00080030',
      'x00080090',
      'x00200010',
      'x00080050',
      'x00200011',
      'x00185100',
      'x00201040',
      'x00080070',
      'x00200013',
      'x00080023',
      'x00080033',
      'x00180050',
      'x00180060',
      'x00200012',
    ];
    for (const t of type1) expect(ds.elements[t]?.length ?? 0, t).toBeGreaterThan(0);
    for (const t of type2) expect(ds.elements[t], t).toBeDefined();

    expect(ds.string('x00080016')).toBe('1.2.840.10008.5.1.4.1.1.2');
    expect(ds.string('x00080060')).toBe('CT');
    expect(ds.string('x00100010')).toBe('PHANTOM^CHEST');
    expect(ds.string('x00100020')).toBe('PH-0001');
    expect(ds.string('x00100030')).toBe('19700101');
    expect(ds.string('x00100040')).toBe('O');
    expect(ds.string('x00080020')).toBe('20240315');
    expect(ds.string('x00080030')).toBe('093000');
    expect(ds.string('x00081030')).toBe('Synthetic chest CT');
    expect(ds.intString('x00200011')).toBe(3);
    expect(ds.intString('x00200013')).toBe(12);
    expect(ds.string('x00180015')).toBe('CHEST');
    expect(ds.string('x00185100')).toBe('HFS');
    expect(ds.string('x00080008')).toBe('ORIGINAL\\PRIMARY\\AXIAL');
    expect(ds.uint16('x00280002')).toBe(1);
    expect(ds.string('x00280004')).toBe('MONOCHROME2');
    expect(ds.uint16('x00280010')).toBe(ROWS);
    expect(ds.uint16('x00280011')).toBe(COLUMNS);
    expect(ds.uint16('x00280100')).toBe(16);
    expect(ds.uint16('x00280101')).toBe(16);
    expect(ds.uint16('x00280102')).toBe(15);
    expect(ds.uint16('x00280103')).toBe(1);
    expect(ds.floatString('x00281052')).toBe(0);
    expect(ds.floatString('x00281053')).toBe(1);
    expect(ds.string('x00281054')).toBe('HU');
    expect([ds.floatString('x00281050', 0), ds.floatString('x00281050', 1)]).toEqual([-600, 40]);
    expect([ds.floatString('x00281051', 0), ds.floatString('x00281051', 1)]).toEqual([1500, 400]);
    expect(ds.string('x00281055', 1)).toBe('MEDIASTINUM');
    expect([ds.floatString('x00280030', 0), ds.floatString('x00280030', 1)]).toEqual([0.7, 0.75]);
    expect(ds.floatString('x00180050')).toBe(1.25);
    expect(ds.floatString('x00180060')).toBe(120);
    expect(ds.string('x00181210')).toBe('STANDARD');
    expect(ds.floatString('x00201041')).toBe(-120.5);
    // Image Position: the centre of the first pixel, with the image centred on x = y = 0.
    expect([0, 1, 2].map((i) => ds.floatString('x00200032', i))).toEqual([
      (-(COLUMNS - 1) / 2) * 0.75,
      (-(ROWS - 1) / 2) * 0.7,
      -120.5,
    ]);
    expect([0, 1, 2, 3, 4, 5].map((i) => ds.floatString('x00200037', i))).toEqual([1, 0, 0, 0, 1, 0]);
    expect(ds.elements.x00280008).toBeUndefined(); // single frame: no Number of Frames
    expect(ds.elements.x00280006).toBeUndefined(); // one sample: no Planar Configuration
  });

  it('stores the pixel values unchanged (OW, little endian)', () => {
    const el = ds.elements.x7fe00010!;
    expect(el.length).toBe(ROWS * COLUMNS * 2);
    expect(readWords(ds.byteArray, el.dataOffset, ROWS * COLUMNS, true, true)).toEqual(Array.from(ctFrame()));
  });

  it('is deterministic, and the UIDs depend on the seed only', () => {
    expect(writeDicom(ctInput())).toEqual(bytes);
    const other = parse(writeDicom(ctInput({ uidSeed: 'test/other' })));
    for (const t of ['x00080018', 'x0020000e', 'x0020000d', 'x00200052']) {
      expect(other.string(t), t).not.toBe(ds.string(t));
    }
    const sameStudy = parse(writeDicom(ctInput({ uidSeed: 'test/other', studyUidSeed: 'test/ct' })));
    expect(sameStudy.string('x0020000d')).toBe(ds.string('x0020000d'));
    const uids = ['x00080018', 'x0020000e', 'x0020000d', 'x00200052'].map((t) => ds.string(t));
    expect(new Set(uids).size).toBe(4);
  });
});

describe('writeDicom: pixel formats', () => {
  it('writes 8-bit data as OB padded with one NUL byte to even length', () => {
    const frame = Uint8Array.from({ length: 9 }, (_, i) => 10 + i * 20);
    const bytes = writeDicom({ ...ctInput(), modality: 'DX', rows: 3, columns: 3, frames: [frame] });
    const all = walkElements(bytes, 132, bytes.length, true, true);
    const pixel = all.find((e) => e.tag === 0x7fe00010)!;
    expect(pixel.vr).toBe('OB');
    expect(pixel.length).toBe(10);
    expect(Array.from(bytes.subarray(pixel.valueOffset, pixel.valueOffset + 10))).toEqual([...frame, 0]);
    const ds = parse(bytes);
    expect([ds.uint16('x00280100'), ds.uint16('x00280101'), ds.uint16('x00280102')]).toEqual([8, 8, 7]);
  });

  it('writes Samples per Pixel 3 with Planar Configuration and RGB', () => {
    const frame = Uint8Array.from({ length: 2 * 2 * 3 }, (_, i) => i * 21);
    const bytes = writeDicom({
      ...ctInput(),
      rows: 2,
      columns: 2,
      frames: [frame],
      samplesPerPixel: 3,
      planarConfiguration: 1,
    });
    const ds = parse(bytes);
    expect(ds.uint16('x00280002')).toBe(3);
    expect(ds.uint16('x00280006')).toBe(1);
    expect(ds.string('x00280004')).toBe('RGB');
    const el = ds.elements.x7fe00010!;
    expect(Array.from(ds.byteArray.subarray(el.dataOffset, el.dataOffset + 12))).toEqual(Array.from(frame));
  });

  it('writes several frames one after the other, with Number of Frames', () => {
    const bytes = writeDicom(ctInput({ frames: [ctFrame(), ctFrame(5), ctFrame(9)] }));
    const ds = parse(bytes);
    expect(ds.intString('x00280008')).toBe(3);
    const el = ds.elements.x7fe00010!;
    expect(readWords(ds.byteArray, el.dataOffset, 3 * ROWS * COLUMNS, true, true)).toEqual([
      ...ctFrame(),
      ...ctFrame(5),
      ...ctFrame(9),
    ]);
  });

  it('writes 12 bits stored in 16 unsigned, and refuses values that do not fit', () => {
    const frame = Uint16Array.from({ length: ROWS * COLUMNS }, (_, i) => i * 117);
    const input = ctInput({ frames: [frame], bitsStored: 12, rescaleIntercept: -1024 });
    const ds = parse(writeDicom(input));
    expect([ds.uint16('x00280101'), ds.uint16('x00280102'), ds.uint16('x00280103')]).toEqual([12, 11, 0]);
    expect(ds.floatString('x00281052')).toBe(-1024);
    const tooBig = Uint16Array.from(frame);
    tooBig[3] = 4096;
    expect(() => writeDicom({ ...input, frames: [tooBig] })).toThrow(RangeError);
    const signed = ctFrame();
    signed[0] = -2049;
    expect(() => writeDicom(ctInput({ frames: [signed], bitsStored: 12 }))).toThrow(RangeError);
  });

  it('refuses inconsistent input', () => {
    expect(() => writeDicom(ctInput({ frames: [new Int16Array(3)] }))).toThrow(/expected 35/);
    expect(() => writeDicom(ctInput({ frames: [] }))).toThrow(RangeError);
    expect(() => writeDicom(ctInput({ frames: undefined }))).toThrow(/exactly one/);
    expect(() =>
      writeDicom(ctInput({ encapsulated: { transferSyntaxUid: '1.2.840.10008.1.2.4.50', frames: [] } })),
    ).toThrow(/exactly one/);
    expect(() => writeDicom(ctInput({ samplesPerPixel: 3 }))).toThrow(RangeError);
    expect(() => writeDicom(ctInput({ frames: [ctFrame(), new Uint16Array(ROWS * COLUMNS)] }))).toThrow(
      /Int16Array/,
    );
    expect(() =>
      writeDicom(ctInput({ frames: [new Uint16Array(ROWS * COLUMNS)], pixelRepresentation: 1 })),
    ).toThrow(/Int16Array/);
    expect(() => writeDicom(ctInput({ study: { date: '2024-03-15', time: '093000' } }))).toThrow(/YYYYMMDD/);
    expect(() => writeDicom(ctInput({ patient: { name: 'PHANTOM^É', id: '1' } }))).toThrow(/repertoire/);
  });
});

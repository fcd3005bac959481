import { describe, expect, it } from 'vitest';
import { writeDicom } from '../../../../../src/core/imaging/writer/writeDicom';
import { COLUMNS, ROWS, ctInput, parse, readWords } from './inputs';

const mrFrame = Uint16Array.from({ length: ROWS * COLUMNS }, (_, i) => i * 53);
const dxFrame = Uint16Array.from({ length: ROWS * COLUMNS }, (_, i) => 4095 - i * 100);

function mrInput() {
  return ctInput({
    modality: 'MR',
    frames: [mrFrame],
    rescaleSlope: undefined,
    rescaleIntercept: undefined,
    windows: [{ center: 900, width: 1800 }],
    mr: { repetitionTime: 500, echoTime: 14, magneticFieldStrength: 1.5 },
    ct: undefined,
    patient: { name: 'PHANTOM^BRAIN', id: 'PH-0002' },
  });
}

function dxInput(extra = {}) {
  return ctInput({
    modality: 'DX',
    frames: [dxFrame],
    bitsStored: 12,
    windows: [{ center: 2048, width: 4096 }],
    pixelSpacing: [0.7, 0.7],
    ct: undefined,
    dx: { viewPosition: 'PA' },
    patient: { name: 'PHANTOM^CHEST', id: 'PH-0003' },
    ...extra,
  });
}

describe('writeDicom: MR Image IOD (PS3.3 A.4)', () => {
  const ds = parse(writeDicom(mrInput()));

  it('holds the MR Image module attributes and the MR SOP class', () => {
    expect(ds.string('x00080016')).toBe('1.2.840.10008.5.1.4.1.1.4');
    expect(ds.string('x00020002')).toBe('1.2.840.10008.5.1.4.1.1.4');
    expect(ds.string('x00080060')).toBe('MR');
    // Type 1: Scanning Sequence, Sequence Variant, Image Type; type 2: Scan Options, MR
    // Acquisition Type, Echo Time, Echo Train Length; 2C Repetition Time.
    expect(ds.string('x00180020')).toBe('SE');
    expect(ds.string('x00180021')).toBe('NONE');
    expect(ds.elements.x00180022).toBeDefined();
    expect(ds.string('x00180023')).toBe('2D');
    expect(ds.floatString('x00180080')).toBe(500);
    expect(ds.floatString('x00180081')).toBe(14);
    expect(ds.intString('x00180091')).toBe(1);
    expect(ds.floatString('x00180087')).toBe(1.5);
    expect(ds.string('x00080008')?.startsWith('ORIGINAL\\PRIMARY')).toBe(true);
    // Frame of Reference, Image Plane and Patient Position are part of the MR IOD too.
    for (const t of ['x00200052', 'x00280030', 'x00200037', 'x00200032', 'x00185100']) {
      expect(ds.elements[t], t).toBeDefined();
    }
    // The MR IOD has no Modality LUT.
    expect(ds.elements.x00281052).toBeUndefined();
    expect(ds.elements.x00281053).toBeUndefined();
    expect(ds.uint16('x00280103')).toBe(0);
    const el = ds.elements.x7fe00010!;
    expect(readWords(ds.byteArray, el.dataOffset, ROWS * COLUMNS, true, false)).toEqual(Array.from(mrFrame));
  });

  it('refuses a rescale for MR', () => {
    expect(() => writeDicom({ ...mrInput(), rescaleIntercept: -100 })).toThrow(/no rescale/);
  });
});

describe('writeDicom: Digital X-Ray Image IOD, For Presentation (PS3.3 A.26)', () => {
  it('holds the DX Series, DX Anatomy Imaged, DX Image and DX Detector attributes', () => {
    const ds = parse(writeDicom(dxInput()));
    expect(ds.string('x00080016')).toBe('1.2.840.10008.5.1.4.1.1.1.1');
    expect(ds.string('x00080060')).toBe('DX');
    expect(ds.string('x00080068')).toBe('FOR PRESENTATION');
    expect(ds.string('x00200062')).toBe('U');
    const region = ds.elements.x00082218!;
    expect(region.items?.length).toBe(1);
    const code = region.items![0]!.dataSet!;
    expect(code.string('x00080100')).toBe('51185008');
    expect(code.string('x00080102')).toBe('SCT');
    expect(code.string('x00080104')).toBe('Chest');
    expect(ds.string('x00281040')).toBe('LOG');
    expect(ds.int16('x00281041')).toBe(-1);
    expect(ds.string('x00281054')).toBe('US');
    expect(ds.floatString('x00281052')).toBe(0);
    expect(ds.floatString('x00281053')).toBe(1);
    expect(ds.string('x20500020')).toBe('IDENTITY');
    expect(ds.string('x00282110')).toBe('00');
    expect(ds.string('x00280301')).toBe('NO');
    expect(ds.string('x00187004')).toBe('SCINTILLATOR');
    expect([ds.floatString('x00181164', 0), ds.floatString('x00181164', 1)]).toEqual([0.7, 0.7]);
    expect(ds.string('x00185101')).toBe('PA');
    expect(ds.string('x00200020')).toBe('L\\F');
    expect(ds.floatString('x00281050')).toBe(2048);
    expect([ds.uint16('x00280101'), ds.uint16('x00280102'), ds.uint16('x00280103')]).toEqual([12, 11, 0]);
    // No Image Plane or Frame of Reference, and no Patient Position (CT/MR only).
    expect(ds.elements.x00200037).toBeUndefined();
    expect(ds.elements.x00200052).toBeUndefined();
    expect(ds.elements.x00185100).toBeUndefined();
    const el = ds.elements.x7fe00010!;
    expect(readWords(ds.byteArray, el.dataOffset, ROWS * COLUMNS, true, false)).toEqual(Array.from(dxFrame));
  });

  it('MONOCHROME1 gets Presentation LUT Shape INVERSE and sign +1 (PS3.3 C.8.11.3)', () => {
    const ds = parse(writeDicom(dxInput({ photometric: 'MONOCHROME1' })));
    expect(ds.string('x00280004')).toBe('MONOCHROME1');
    expect(ds.string('x20500020')).toBe('INVERSE');
    expect(ds.int16('x00281041')).toBe(1);
  });

  it('writes the DX sequence readably in implicit VR and big endian too', () => {
    for (const transferSyntax of ['implicit-vr-little-endian', 'explicit-vr-big-endian'] as const) {
      const ds = parse(writeDicom(dxInput({ transferSyntax })));
      expect(ds.elements.x00082218?.items?.[0]?.dataSet?.string('x00080100'), transferSyntax).toBe(
        '51185008',
      );
      expect(ds.string('x20500020'), transferSyntax).toBe('IDENTITY');
    }
  });

  it('refuses signed DX pixels', () => {
    expect(() => writeDicom(dxInput({ frames: [new Int16Array(ROWS * COLUMNS)], bitsStored: 16 }))).toThrow(
      /unsigned/,
    );
  });
});

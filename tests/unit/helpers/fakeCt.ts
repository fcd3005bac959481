/** A hand-built decoded CT for tests: every value is typed in by the test, none decoded from a file. */
import type { DicomImage } from '../../../src/core/imaging/types';

/**
 * A fake decoded CT of `rows × columns` pixels whose frame i holds the HU values `huFrames[i]`
 * (row-major): 12-bit unsigned MONOCHROME2 in Explicit VR Little Endian, slope 1 and intercept
 * −1024 (so stored = HU + 1024), file window level 40, width 400, one frame per entry of
 * `huFrames`. `frame` and `storedFrame` return new arrays on every call; `overrides` replace any field.
 */
export function fakeCt(
  rows: number,
  columns: number,
  huFrames: readonly (readonly number[])[],
  overrides: Partial<DicomImage> = {},
): DicomImage {
  return {
    kind: 'dicom',
    rows,
    columns,
    numberOfFrames: huFrames.length,
    samplesPerPixel: 1,
    photometricInterpretation: 'MONOCHROME2',
    modality: 'CT',
    transferSyntaxUid: '1.2.840.10008.1.2.1',
    bitsAllocated: 16,
    bitsStored: 12,
    pixelRepresentation: 0,
    rescaleSlope: 1,
    rescaleIntercept: -1024,
    unit: 'HU',
    windowCenter: 40,
    windowWidth: 400,
    phi: ['PatientName'],
    header: {},
    frame: (i) => Float32Array.from(huFrames[i]!),
    storedFrame: (i) => Int32Array.from(huFrames[i]!, (v) => v + 1024),
    ...overrides,
  };
}

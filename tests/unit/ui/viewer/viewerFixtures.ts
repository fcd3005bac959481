/** Hand-built images for the viewer tests: every value is typed in here, none computed by the code under test. */
import type { PlainImage } from '../../../../src/core/imaging/display/displayFrame';
import type { DicomImage } from '../../../../src/core/imaging/types';

/**
 * 4×4 CT slice in HU, row-major. Range −1024…0 (exactly 1024 wide, so the drag sensitivity is
 * 1 HU per pixel and one arrow key press is 4 HU). Pixel (row 1, column 2) is −823 HU.
 */
export const CT_HU = [
  -1024, -1000, -900, -800, -700, -600, -823, -400, -300, -200, -100, -50, -25, -10, -5, 0,
];

/** A fake decoded CT: stored = HU + 1024 (slope 1, intercept −1024); frame 1 is frame 0 + 1 HU. */
export function makeCt(overrides: Partial<DicomImage> = {}): DicomImage {
  const frames = [CT_HU, CT_HU.map((v) => v + 1)];
  return {
    kind: 'dicom',
    rows: 4,
    columns: 4,
    numberOfFrames: 1,
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
    pixelSpacing: [0.5, 0.5],
    sliceThickness: 5,
    phi: ['PatientName', 'PatientBirthDate'],
    header: {},
    frame: (i) => Float32Array.from(frames[i]!),
    storedFrame: (i) => Int32Array.from(frames[i]!, (v) => v + 1024),
    ...overrides,
  };
}

/** A 2-row × 3-column plain image without a unit. */
export const PLAIN: PlainImage = {
  kind: 'plain',
  values: new Float32Array([10, 20, 30, 40, 50, 60]),
  rows: 2,
  columns: 3,
  unit: '',
};

/**
 * Modality-specific modules and the module list of each IOD the writer produces:
 * - CT Image IOD, PS3.3 A.3.3 (Table A.3-1): Patient, General Study, General Series, Frame of
 *   Reference, General Equipment, General Image, Image Plane, Image Pixel, CT Image, VOI LUT (U),
 *   SOP Common.
 * - MR Image IOD, PS3.3 A.4.3 (Table A.4-1): the same with MR Image instead of CT Image.
 * - Digital X-Ray Image IOD, For Presentation, PS3.3 A.26.3/A.26.4 (Table A.26-1): Patient,
 *   General Study, General Series, DX Series, General Equipment, General Image, Image Pixel,
 *   DX Anatomy Imaged, DX Image, DX Detector, DX Positioning (U), VOI LUT (C: required For
 *   Presentation when no VOI LUT Sequence), SOP Common.
 */

import type { DicomWriteInput } from './DicomWriteInput';
import { formatDs, formatIs } from './formatValue';
import {
  frameOfReferenceModule,
  generalEquipmentModule,
  generalImageModule,
  generalSeriesModule,
  generalStudyModule,
  imagePixelModule,
  imagePlaneModule,
  instanceUids,
  numbers,
  patientModule,
  sopCommonModule,
  text,
  voiLutModule,
  type PixelDescription,
} from './iodAttributes';
import type { DataElement } from './writeElement';

/** Chest, SNOMED CT 51185008 "Thoracic structure" (PS3.16 CID 4009 "DX Anatomy Imaged"). */
const CHEST = { codeValue: '51185008', codingSchemeDesignator: 'SCT', codeMeaning: 'Chest' };

/**
 * CT Image module, PS3.3 C.8.2.1 (Table C.8-3): Image Type (1, value 3 AXIAL, C.8.2.1.1.1),
 * Samples per Pixel, Photometric Interpretation, Bits Allocated, Bits Stored, High Bit (1; written
 * by the Image Pixel module), Rescale Intercept and Slope (1), Rescale Type (1C; "HU" may always be
 * written: it is type 1C, required only when the values are not HU, Table C.8-3), KVP (2), Acquisition Number (2), Convolution Kernel (3).
 */
export function ctImageModule(input: DicomWriteInput): DataElement[] {
  const out = [
    text(0x00281052, 'DS', formatDs(input.rescaleIntercept ?? 0)),
    text(0x00281053, 'DS', formatDs(input.rescaleSlope ?? 1)),
    text(0x00281054, 'LO', 'HU'),
    text(0x00180060, 'DS', input.ct?.kvp === undefined ? '' : formatDs(input.ct.kvp)),
    text(0x00200012, 'IS', '1'),
  ];
  if (input.ct?.convolutionKernel !== undefined) {
    out.push(text(0x00181210, 'SH', input.ct.convolutionKernel));
  }
  return out;
}

/**
 * MR Image module, PS3.3 C.8.3.1 (Table C.8-4): Image Type (1), Scanning Sequence (1, e.g. SE),
 * Sequence Variant (1, NONE), Scan Options (2), MR Acquisition Type (2, 2D), Repetition Time (2C),
 * Echo Time (2), Echo Train Length (2), Magnetic Field Strength (3). The MR IOD has no Modality LUT:
 * stored values are the signal, so the writer refuses a rescale for MR.
 */
export function mrImageModule(input: DicomWriteInput): DataElement[] {
  if ((input.rescaleSlope ?? 1) !== 1 || (input.rescaleIntercept ?? 0) !== 0) {
    throw new RangeError('The MR Image IOD has no rescale (PS3.3 A.4): store the signal directly');
  }
  const mr = input.mr ?? { repetitionTime: 500, echoTime: 15 };
  const out = [
    text(0x00180020, 'CS', mr.scanningSequence ?? 'SE'),
    text(0x00180021, 'CS', mr.sequenceVariant ?? 'NONE'),
    text(0x00180022, 'CS', ''),
    text(0x00180023, 'CS', '2D'),
    text(0x00180080, 'DS', formatDs(mr.repetitionTime)),
    text(0x00180081, 'DS', formatDs(mr.echoTime)),
    text(0x00180091, 'IS', formatIs(mr.echoTrainLength ?? 1)),
  ];
  if (mr.magneticFieldStrength !== undefined) {
    out.push(text(0x00180087, 'DS', formatDs(mr.magneticFieldStrength)));
  }
  return out;
}

/**
 * DX Series (C.8.11.1: Presentation Intent Type "FOR PRESENTATION", 1), DX Anatomy Imaged
 * (C.8.11.2: Image Laterality 1, Anatomic Region Sequence 1 with one coded item), DX Image
 * (C.8.11.3: Pixel Intensity Relationship 1, Pixel Intensity Relationship Sign 1, Rescale
 * Intercept/Slope 1, Rescale Type 1 — "US", unspecified —, Presentation LUT Shape 1C: IDENTITY for
 * MONOCHROME2, INVERSE for MONOCHROME1), DX Detector (C.8.11.4: Detector Type 2, Imager Pixel
 * Spacing 1) and DX Positioning (C.8.11.5: View Position 3).
 */
export function dxModules(input: DicomWriteInput, pixel: PixelDescription): DataElement[] {
  const dx = input.dx ?? {};
  if (pixel.pixelRepresentation !== 0) {
    throw new RangeError('DX images store unsigned values: Pixel Representation 0 (PS3.3 C.8.11.3)');
  }
  const monochrome1 = pixel.photometric === 'MONOCHROME1';
  const region = dx.anatomicRegion ?? CHEST;
  const out: DataElement[] = [
    text(0x00080068, 'CS', 'FOR PRESENTATION'),
    text(0x00200062, 'CS', dx.imageLaterality ?? 'U'),
    {
      tag: 0x00082218,
      vr: 'SQ',
      items: [
        [
          text(0x00080100, 'SH', region.codeValue),
          text(0x00080102, 'SH', region.codingSchemeDesignator),
          text(0x00080104, 'LO', region.codeMeaning),
        ],
      ],
    },
    text(0x00281040, 'CS', dx.pixelIntensityRelationship ?? 'LOG'),
    numbers(0x00281041, 'SS', dx.pixelIntensityRelationshipSign ?? (monochrome1 ? 1 : -1)),
    text(0x00281052, 'DS', formatDs(input.rescaleIntercept ?? 0)),
    text(0x00281053, 'DS', formatDs(input.rescaleSlope ?? 1)),
    text(0x00281054, 'LO', 'US'),
    text(0x20500020, 'CS', monochrome1 ? 'INVERSE' : 'IDENTITY'),
    text(0x00187004, 'CS', dx.detectorType ?? 'SCINTILLATOR'),
    text(0x00181164, 'DS', input.pixelSpacing.map(formatDs).join('\\')),
  ];
  if (dx.viewPosition !== undefined) out.push(text(0x00185101, 'CS', dx.viewPosition));
  return out;
}

/** Default Image Type (0008,0008) per modality: C.8.2.1.1.1 (CT), C.8.3.1.1.1 (MR), C.8.11.3 (DX: ORIGINAL/DERIVED, PRIMARY). */
const DEFAULT_IMAGE_TYPE = {
  CT: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
  MR: ['ORIGINAL', 'PRIMARY', 'OTHER'],
  DX: ['ORIGINAL', 'PRIMARY'],
} as const;

/**
 * Every element of the Data Set (not the File Meta Information) of the input's IOD, unsorted.
 */
export function datasetElements(input: DicomWriteInput, pixel: PixelDescription): DataElement[] {
  const uids = instanceUids(input);
  const imageType = (input.imageType ?? DEFAULT_IMAGE_TYPE[input.modality]).join('\\');
  const common = [
    ...patientModule(input),
    ...generalStudyModule(input, uids),
    ...generalSeriesModule(input, uids),
    ...generalEquipmentModule(),
    ...imagePixelModule(input, pixel),
    ...voiLutModule(input),
    ...sopCommonModule(input, uids),
  ];
  if (input.modality === 'DX') {
    return [
      ...common,
      ...generalImageModule(input, pixel, imageType, input.dx?.patientOrientation ?? 'L\\F'),
      ...dxModules(input, pixel),
    ];
  }
  const planar = [
    ...frameOfReferenceModule(uids),
    ...generalImageModule(input, pixel, imageType, undefined),
    ...imagePlaneModule(input),
  ];
  if (input.modality === 'CT') return [...common, ...planar, ...ctImageModule(input)];
  return [...common, ...planar, ...mrImageModule(input)];
}

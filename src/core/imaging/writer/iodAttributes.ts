/**
 * The attributes of the modules shared by the CT (PS3.3 A.3), MR (A.4) and Digital X-Ray (A.26)
 * Image IODs, with their type (1: required with a value, 2: required, may be empty, 1C/2C:
 * conditional, 3: optional) noted per attribute. Modality-specific modules are in
 * modalityAttributes.ts.
 */

import type { DicomWriteInput } from './DicomWriteInput';
import { SOP_CLASS_UIDS } from './DicomWriteInput';
import { checkDa, checkMaxLength, checkTm, formatDs, formatDsList, formatIs } from './formatValue';
import { uidFromSeed } from './uid';
import type { DataElement, NumberVr, TextVr } from './writeElement';

/** A text element (helper). */
export function text(tag: number, vr: TextVr, value: string): DataElement {
  return { tag, vr, value };
}

/** A binary number element (helper). */
export function numbers(tag: number, vr: NumberVr, ...value: number[]): DataElement {
  return { tag, vr, value };
}

/** The pixel description `writeDicom` derives from its input (Image Pixel module, PS3.3 C.7.6.3). */
export interface PixelDescription {
  samplesPerPixel: 1 | 3;
  photometric: string;
  bitsAllocated: 8 | 16;
  bitsStored: number;
  highBit: number;
  pixelRepresentation: 0 | 1;
  planarConfiguration: 0 | 1;
  numberOfFrames: number;
  /** (7FE0,0010), native (OB/OW) or encapsulated. */
  pixelData: DataElement;
  /** Whether the pixel data went through lossy compression (Lossy Image Compression, C.7.6.1.1.5). */
  lossy: boolean;
}

/** The four UIDs of one file, derived from the input's seeds (see uid.ts). */
export interface InstanceUids {
  study: string;
  series: string;
  instance: string;
  frameOfReference: string;
}

/** Study, Series, SOP Instance and Frame of Reference UIDs of an input. */
export function instanceUids(input: DicomWriteInput): InstanceUids {
  return {
    study: uidFromSeed(`${input.studyUidSeed ?? input.uidSeed}/study`),
    series: uidFromSeed(`${input.uidSeed}/series`),
    instance: uidFromSeed(`${input.uidSeed}/instance`),
    frameOfReference: uidFromSeed(`${input.uidSeed}/frame-of-reference`),
  };
}

/** Patient module, PS3.3 C.7.1.1 (Table C.7-1): Name, ID, Birth Date, Sex, all type 2. */
export function patientModule(input: DicomWriteInput): DataElement[] {
  const p = input.patient;
  return [
    text(0x00100010, 'PN', checkMaxLength(p.name, 64, "Patient's Name")),
    text(0x00100020, 'LO', checkMaxLength(p.id, 64, 'Patient ID')),
    text(0x00100030, 'DA', p.birthDate === undefined ? '' : checkDa(p.birthDate)),
    text(0x00100040, 'CS', p.sex ?? ''),
  ];
}

/**
 * General Study module, PS3.3 C.7.2.1 (Table C.7-3): Study Instance UID (1), Study Date (2), Study
 * Time (2), Referring Physician's Name (2), Study ID (2), Accession Number (2), Study Description (3).
 */
export function generalStudyModule(input: DicomWriteInput, uids: InstanceUids): DataElement[] {
  const s = input.study;
  const out = [
    text(0x0020000d, 'UI', uids.study),
    text(0x00080020, 'DA', checkDa(s.date)),
    text(0x00080030, 'TM', checkTm(s.time)),
    text(0x00080090, 'PN', ''),
    text(0x00200010, 'SH', checkMaxLength(s.id ?? '1', 16, 'Study ID')),
    text(0x00080050, 'SH', checkMaxLength(s.accessionNumber ?? '', 16, 'Accession Number')),
  ];
  if (s.description !== undefined) {
    out.push(text(0x00081030, 'LO', checkMaxLength(s.description, 64, 'Study Description')));
  }
  return out;
}

/**
 * General Series module, PS3.3 C.7.3.1 (Table C.7-5a): Modality (1), Series Instance UID (1),
 * Series Number (2), Patient Position (2C: required for CT and MR Image Storage, C.7.3.1.1.2),
 * Series Date/Time, Series Description and Body Part Examined (3). Laterality (2C) is omitted: only
 * for paired body parts, which none of our phantoms is.
 */
export function generalSeriesModule(input: DicomWriteInput, uids: InstanceUids): DataElement[] {
  const series = input.series ?? {};
  const out = [
    text(0x00080060, 'CS', input.modality),
    text(0x0020000e, 'UI', uids.series),
    text(0x00200011, 'IS', formatIs(series.number ?? 1)),
    text(0x00080021, 'DA', checkDa(input.study.date)),
    text(0x00080031, 'TM', checkTm(input.study.time)),
  ];
  if (input.modality === 'CT' || input.modality === 'MR') out.push(text(0x00185100, 'CS', 'HFS'));
  if (series.description !== undefined) {
    out.push(text(0x0008103e, 'LO', checkMaxLength(series.description, 64, 'Series Description')));
  }
  if (series.bodyPartExamined !== undefined) {
    out.push(text(0x00180015, 'CS', checkMaxLength(series.bodyPartExamined, 16, 'Body Part Examined')));
  }
  return out;
}

/**
 * Frame of Reference module, PS3.3 C.7.4.1 (Table C.7-6): Frame of Reference UID (1), Position
 * Reference Indicator (2). Mandatory in the CT and MR IODs, user-optional in DX (not written).
 */
export function frameOfReferenceModule(uids: InstanceUids): DataElement[] {
  return [text(0x00200052, 'UI', uids.frameOfReference), text(0x00201040, 'LO', '')];
}

/**
 * General Equipment module, PS3.3 C.7.5.1 (Table C.7-8): Manufacturer (2); Manufacturer's Model
 * Name and Software Versions (3) say that the image is a synthetic phantom.
 */
export function generalEquipmentModule(): DataElement[] {
  return [
    text(0x00080070, 'LO', 'Radiology CNN Lab (synthetic phantom)'),
    text(0x00081090, 'LO', 'Phantom generator'),
    text(0x00181020, 'LO', 'radiology-cnn-lab 0.1'),
  ];
}

/**
 * General Image module, PS3.3 C.7.6.1 (Table C.7-9): Instance Number (2), Patient Orientation (2C:
 * required when there is no Image Orientation (Patient), i.e. for DX), Content Date/Time (2C: the
 * image is temporally related, so present), Image Type (3 here, type 1 in the CT, MR and DX image
 * modules), Burned In Annotation (3, type 1 in DX) and Lossy Image Compression (3, 1 in DX;
 * C.7.6.1.1.5: "00" not lossy, "01" lossy).
 */
export function generalImageModule(
  input: DicomWriteInput,
  pixel: PixelDescription,
  imageType: string,
  patientOrientation: string | undefined,
): DataElement[] {
  const out = [
    text(0x00200013, 'IS', formatIs(input.instanceNumber ?? 1)),
    text(0x00080023, 'DA', checkDa(input.study.date)),
    text(0x00080033, 'TM', checkTm(input.study.time)),
    text(0x00080008, 'CS', imageType),
    text(0x00280301, 'CS', 'NO'),
    text(0x00282110, 'CS', pixel.lossy ? '01' : '00'),
  ];
  if (patientOrientation !== undefined) out.push(text(0x00200020, 'CS', patientOrientation));
  return out;
}

/**
 * Image Plane module, PS3.3 C.7.6.2 (Table C.7-10): Pixel Spacing (1, row then column spacing,
 * C.7.6.2.1.1), Image Orientation (Patient) (1: axial, row direction +x, column direction +y,
 * C.7.6.2.1.1), Image Position (Patient) (1: centre of the first transmitted pixel, mm, here
 * chosen so that the image centre is at x = y = 0), Slice Thickness (2), Slice Location (3).
 */
export function imagePlaneModule(input: DicomWriteInput): DataElement[] {
  const [rowSpacing, columnSpacing] = input.pixelSpacing;
  const z = input.sliceLocation ?? 0;
  const x0 = (-(input.columns - 1) / 2) * columnSpacing;
  const y0 = (-(input.rows - 1) / 2) * rowSpacing;
  return [
    text(0x00280030, 'DS', formatDsList([rowSpacing, columnSpacing])),
    text(0x00200037, 'DS', formatDsList([1, 0, 0, 0, 1, 0])),
    text(0x00200032, 'DS', formatDsList([x0, y0, z])),
    text(0x00180050, 'DS', input.sliceThickness === undefined ? '' : formatDs(input.sliceThickness)),
    text(0x00201041, 'DS', formatDs(z)),
  ];
}

/**
 * Image Pixel module, PS3.3 C.7.6.3 (Table C.7-11a/b): Samples per Pixel, Photometric
 * Interpretation, Rows, Columns, Bits Allocated, Bits Stored, High Bit, Pixel Representation (all
 * 1), Planar Configuration (1C: when Samples per Pixel > 1), Pixel Data (1C). Number of Frames
 * (0028,0008, Multi-frame module C.7.6.6) is added when there is more than one frame: the CT, MR
 * and DX IODs are single-frame, so multi-frame files are for decoder tests only.
 */
export function imagePixelModule(input: DicomWriteInput, pixel: PixelDescription): DataElement[] {
  const out = [
    numbers(0x00280002, 'US', pixel.samplesPerPixel),
    text(0x00280004, 'CS', pixel.photometric),
    numbers(0x00280010, 'US', input.rows),
    numbers(0x00280011, 'US', input.columns),
    numbers(0x00280100, 'US', pixel.bitsAllocated),
    numbers(0x00280101, 'US', pixel.bitsStored),
    numbers(0x00280102, 'US', pixel.highBit),
    numbers(0x00280103, 'US', pixel.pixelRepresentation),
    pixel.pixelData,
  ];
  if (pixel.samplesPerPixel === 3) out.push(numbers(0x00280006, 'US', pixel.planarConfiguration));
  if (pixel.numberOfFrames > 1) out.push(text(0x00280008, 'IS', formatIs(pixel.numberOfFrames)));
  return out;
}

/**
 * VOI LUT module, PS3.3 C.11.2 (Table C.11-2b): Window Center and Window Width (1C, multi-valued,
 * C.11.2.1.2) and Window Center & Width Explanation (3). Nothing when no window is given.
 */
export function voiLutModule(input: DicomWriteInput): DataElement[] {
  const windows = input.windows ?? [];
  if (windows.length === 0) return [];
  for (const w of windows) {
    if (!(w.width >= 1)) throw new RangeError(`Window Width ${w.width} must be ≥ 1 (PS3.3 C.11.2.1.2)`);
  }
  const out = [
    text(0x00281050, 'DS', formatDsList(windows.map((w) => w.center))),
    text(0x00281051, 'DS', formatDsList(windows.map((w) => w.width))),
  ];
  if (windows.some((w) => w.explanation !== undefined)) {
    const explanations = windows.map((w) => checkMaxLength(w.explanation ?? '', 64, 'Window explanation'));
    out.push(text(0x00281055, 'LO', explanations.join('\\')));
  }
  return out;
}

/**
 * SOP Common module, PS3.3 C.12.1 (Table C.12-1): SOP Class UID and SOP Instance UID (1).
 * Specific Character Set (1C) is omitted: every value uses the default repertoire (PS3.5 6.1.2.1).
 */
export function sopCommonModule(input: DicomWriteInput, uids: InstanceUids): DataElement[] {
  return [text(0x00080016, 'UI', SOP_CLASS_UIDS[input.modality]), text(0x00080018, 'UI', uids.instance)];
}

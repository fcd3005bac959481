/**
 * The attributes that describe an image: Image Pixel module (PS3.3 C.7.6.3), Multi-frame (C.7.6.6),
 * Modality LUT (C.11.1), VOI LUT (C.11.2), Image Plane (C.7.6.2), with the defaults a viewer uses
 * when an attribute is absent or invalid. For enhanced multi-frame objects (Enhanced CT/MR/PET…)
 * the rescale, window and spacing live in Functional Group macros (PS3.3 C.7.6.16): they are taken
 * from the Shared Functional Groups, else from the first frame's Per-frame Functional Groups.
 */
import type { DataSet } from 'dicom-parser';
import { firstItem, hasValue, readNumberString, readNumberStrings, readText, readUint16 } from './textValues';

/** What decodeDicom needs to know about the image, with defaults applied. */
export interface ImageAttributes {
  /** Rows (0028,0010); 0 when absent. */
  rows: number;
  /** Columns (0028,0011); 0 when absent. */
  columns: number;
  /** Number of Frames (0028,0008), IS; 1 when absent or invalid (PS3.3 C.7.6.6.1.1). */
  numberOfFrames: number;
  /** Samples per Pixel (0028,0002); 1 when absent. */
  samplesPerPixel: number;
  /** Photometric Interpretation (0028,0004), trimmed; MONOCHROME2 / RGB when absent. */
  photometricInterpretation: string;
  /** Modality (0008,0060); 'OT' (other) when absent. */
  modality: string;
  /** Bits Allocated (0028,0100); undefined when absent (decodeDicom infers it). */
  bitsAllocated: number | undefined;
  /** Bits Stored (0028,0101); undefined when absent (defaults to Bits Allocated). */
  bitsStored: number | undefined;
  /** High Bit (0028,0102); undefined when absent (defaults to Bits Stored − 1). */
  highBit: number | undefined;
  /** Pixel Representation (0028,0103): 0 unsigned, 1 two's complement; 0 when absent or invalid. */
  pixelRepresentation: 0 | 1;
  /** Planar Configuration (0028,0006): 0 colour-by-pixel, 1 colour-by-plane; 0 when absent. */
  planarConfiguration: 0 | 1;
  /** Rescale Slope (0028,1053); 1 when absent, zero or not a number (PS3.3 C.11.1.1.2). */
  rescaleSlope: number;
  /** Rescale Intercept (0028,1052); 0 when absent. */
  rescaleIntercept: number;
  /** Rescale Type (0028,1054), e.g. 'HU', 'US' (unspecified). */
  rescaleType: string | undefined;
  /** Unit of the modality values: 'HU' for CT or Rescale Type HU, else the Rescale Type unless 'US', else ''. */
  unit: string;
  /** First value of Window Center (0028,1050). */
  windowCenter: number | undefined;
  /** First value of Window Width (0028,1051); dropped with the centre when < 1 (PS3.3 C.11.2.1.2). */
  windowWidth: number | undefined;
  /** Pixel Spacing (0028,0030) or Imager Pixel Spacing (0018,1164): [row, column] spacing in mm. */
  pixelSpacing: [number, number] | undefined;
  /** Slice Thickness (0018,0050) in mm. */
  sliceThickness: number | undefined;
  /** SOP Class UID (0008,0016), or Media Storage SOP Class UID (0002,0002) from the meta header. */
  sopClassUid: string | undefined;
}

const SHARED_FUNCTIONAL_GROUPS = 'x52009229';
const PER_FRAME_FUNCTIONAL_GROUPS = 'x52009230';
/** Pixel Value Transformation (C.7.6.16.2.9), Frame VOI LUT (C.7.6.16.2.10), Pixel Measures (C.7.6.16.2.1). */
const PIXEL_VALUE_TRANSFORMATION = 'x00289145';
const FRAME_VOI_LUT = 'x00289132';
const PIXEL_MEASURES = 'x00289110';

/**
 * The data set that holds `tag`: the top level, else the macro `macroTag` of the Shared Functional
 * Groups, else of the first item of the Per-frame Functional Groups (PS3.3 C.7.6.16).
 */
export function locate(dataSet: DataSet, tag: string, macroTag: string): DataSet | undefined {
  if (hasValue(dataSet, tag)) return dataSet;
  for (const groups of [SHARED_FUNCTIONAL_GROUPS, PER_FRAME_FUNCTIONAL_GROUPS]) {
    const groupItem = firstItem(dataSet, groups);
    const macro = groupItem === undefined ? undefined : firstItem(groupItem, macroTag);
    if (macro !== undefined && hasValue(macro, tag)) return macro;
  }
  return undefined;
}

function positiveInteger(value: number | undefined): number | undefined {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : undefined;
}

function spacing(dataSet: DataSet, tag: string): [number, number] | undefined {
  const values = readNumberStrings(dataSet, tag);
  const [row, column] = values ?? [];
  if (row === undefined || !(row > 0)) return undefined;
  // A single value is a common writer error; PS3.3 C.7.6.2.1.1 requires two, equal ones are implied.
  const col = column !== undefined && column > 0 ? column : row;
  return [row, col];
}

/** Reads the image attributes of a data set (and its meta header, for the SOP Class UID). */
export function readAttributes(dataSet: DataSet, meta?: DataSet): ImageAttributes {
  const samplesPerPixel = positiveInteger(readUint16(dataSet, 'x00280002')) ?? 1;
  const photometric = readText(dataSet, 'x00280004');
  const modality = readText(dataSet, 'x00080060') ?? 'OT';

  const rescaleAt = locate(dataSet, 'x00281053', PIXEL_VALUE_TRANSFORMATION);
  const interceptAt = locate(dataSet, 'x00281052', PIXEL_VALUE_TRANSFORMATION);
  const typeAt = locate(dataSet, 'x00281054', PIXEL_VALUE_TRANSFORMATION);
  const slope = rescaleAt === undefined ? undefined : readNumberString(rescaleAt, 'x00281053');
  const intercept = interceptAt === undefined ? undefined : readNumberString(interceptAt, 'x00281052');
  const rescaleType = typeAt === undefined ? undefined : readText(typeAt, 'x00281054')?.toUpperCase();
  const unit =
    modality.toUpperCase() === 'CT' || rescaleType === 'HU'
      ? 'HU'
      : rescaleType !== undefined && rescaleType !== 'US'
        ? rescaleType
        : '';

  const centerAt = locate(dataSet, 'x00281050', FRAME_VOI_LUT);
  const widthAt = locate(dataSet, 'x00281051', FRAME_VOI_LUT);
  let windowCenter = centerAt === undefined ? undefined : readNumberString(centerAt, 'x00281050');
  let windowWidth = widthAt === undefined ? undefined : readNumberString(widthAt, 'x00281051');
  if (windowCenter === undefined || windowWidth === undefined || windowWidth < 1) {
    windowCenter = undefined;
    windowWidth = undefined;
  }

  const spacingAt = locate(dataSet, 'x00280030', PIXEL_MEASURES);
  const pixelSpacing =
    (spacingAt === undefined ? undefined : spacing(spacingAt, 'x00280030')) ?? spacing(dataSet, 'x00181164');
  const thicknessAt = locate(dataSet, 'x00180050', PIXEL_MEASURES);
  const thickness = thicknessAt === undefined ? undefined : readNumberString(thicknessAt, 'x00180050');

  const pixelRepresentation = readUint16(dataSet, 'x00280103') === 1 ? 1 : 0;
  const planarConfiguration = readUint16(dataSet, 'x00280006') === 1 ? 1 : 0;
  const frames = readNumberString(dataSet, 'x00280008');
  return {
    rows: readUint16(dataSet, 'x00280010') ?? 0,
    columns: readUint16(dataSet, 'x00280011') ?? 0,
    numberOfFrames: positiveInteger(frames) ?? 1,
    samplesPerPixel,
    photometricInterpretation: photometric ?? (samplesPerPixel === 3 ? 'RGB' : 'MONOCHROME2'),
    modality,
    bitsAllocated: positiveInteger(readUint16(dataSet, 'x00280100')),
    bitsStored: positiveInteger(readUint16(dataSet, 'x00280101')),
    highBit: readUint16(dataSet, 'x00280102'),
    pixelRepresentation,
    planarConfiguration,
    rescaleSlope: slope !== undefined && slope !== 0 ? slope : 1,
    rescaleIntercept: intercept ?? 0,
    rescaleType,
    unit,
    windowCenter,
    windowWidth,
    pixelSpacing,
    sliceThickness: thickness !== undefined && thickness > 0 ? thickness : undefined,
    sopClassUid:
      readText(dataSet, 'x00080016') ?? (meta === undefined ? undefined : readText(meta, 'x00020002')),
  };
}

/**
 * The readable subset of a DICOM header shown in the metadata panel: keyword (PS3.6) → printable
 * value. Only technical and descriptive attributes are listed; none of the identifying attributes
 * of PS3.15 Annex E (see phiAttributes.ts) is ever read here.
 */
import type { DataSet } from 'dicom-parser';
import { sopClassName } from './sopClassNames';
import { readBinaryNumber, readText, textDecoderFor } from './textValues';
import { transferSyntaxNames } from './transferSyntaxes';

/** How a value is stored: a string VR, or a binary number of the given VR. */
type Kind = 'text' | 'US' | 'FD' | 'FL';

/** [tag, keyword, kind] in PS3.6 order of the groups. */
const HEADER_ATTRIBUTES: readonly (readonly [tag: string, keyword: string, kind: Kind])[] = [
  ['x00080005', 'SpecificCharacterSet', 'text'],
  ['x00080008', 'ImageType', 'text'],
  ['x00080060', 'Modality', 'text'],
  ['x00080070', 'Manufacturer', 'text'],
  ['x00081030', 'StudyDescription', 'text'],
  ['x0008103e', 'SeriesDescription', 'text'],
  ['x00081090', 'ManufacturerModelName', 'text'],
  ['x00180015', 'BodyPartExamined', 'text'],
  ['x00180020', 'ScanningSequence', 'text'],
  ['x00180021', 'SequenceVariant', 'text'],
  ['x00180024', 'SequenceName', 'text'],
  ['x00180050', 'SliceThickness', 'text'],
  ['x00180060', 'KVP', 'text'],
  ['x00180080', 'RepetitionTime', 'text'],
  ['x00180081', 'EchoTime', 'text'],
  ['x00180082', 'InversionTime', 'text'],
  ['x00180085', 'ImagedNucleus', 'text'],
  ['x00180087', 'MagneticFieldStrength', 'text'],
  ['x00180088', 'SpacingBetweenSlices', 'text'],
  ['x00180091', 'EchoTrainLength', 'text'],
  ['x00181020', 'SoftwareVersions', 'text'],
  ['x00181100', 'ReconstructionDiameter', 'text'],
  ['x00181120', 'GantryDetectorTilt', 'text'],
  ['x00181150', 'ExposureTime', 'text'],
  ['x00181151', 'XRayTubeCurrent', 'text'],
  ['x00181152', 'Exposure', 'text'],
  ['x00181160', 'FilterType', 'text'],
  ['x00181164', 'ImagerPixelSpacing', 'text'],
  ['x00181210', 'ConvolutionKernel', 'text'],
  ['x00181314', 'FlipAngle', 'text'],
  ['x00185100', 'PatientPosition', 'text'],
  ['x00185101', 'ViewPosition', 'text'],
  ['x00189311', 'SpiralPitchFactor', 'FD'],
  ['x00189345', 'CTDIvol', 'FD'],
  ['x00200011', 'SeriesNumber', 'text'],
  ['x00200012', 'AcquisitionNumber', 'text'],
  ['x00200013', 'InstanceNumber', 'text'],
  ['x00200032', 'ImagePositionPatient', 'text'],
  ['x00200037', 'ImageOrientationPatient', 'text'],
  ['x00200060', 'Laterality', 'text'],
  ['x00200062', 'ImageLaterality', 'text'],
  ['x00201041', 'SliceLocation', 'text'],
  ['x00280002', 'SamplesPerPixel', 'US'],
  ['x00280004', 'PhotometricInterpretation', 'text'],
  ['x00280006', 'PlanarConfiguration', 'US'],
  ['x00280008', 'NumberOfFrames', 'text'],
  ['x00280010', 'Rows', 'US'],
  ['x00280011', 'Columns', 'US'],
  ['x00280030', 'PixelSpacing', 'text'],
  ['x00280100', 'BitsAllocated', 'US'],
  ['x00280101', 'BitsStored', 'US'],
  ['x00280102', 'HighBit', 'US'],
  ['x00280103', 'PixelRepresentation', 'US'],
  ['x00280301', 'BurnedInAnnotation', 'text'],
  ['x00281050', 'WindowCenter', 'text'],
  ['x00281051', 'WindowWidth', 'text'],
  ['x00281052', 'RescaleIntercept', 'text'],
  ['x00281053', 'RescaleSlope', 'text'],
  ['x00281054', 'RescaleType', 'text'],
  ['x00281055', 'WindowCenterWidthExplanation', 'text'],
  ['x00281056', 'VOILUTFunction', 'text'],
  ['x00282110', 'LossyImageCompression', 'text'],
  ['x00282112', 'LossyImageCompressionRatio', 'text'],
  ['x00282114', 'LossyImageCompressionMethod', 'text'],
  ['x00541001', 'Units', 'text'],
  ['x00541102', 'DecayCorrection', 'text'],
  ['x20500020', 'PresentationLUTShape', 'text'],
];

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}

/**
 * The metadata panel's header: SOP Class and Transfer Syntax as "name (UID)", then every listed
 * attribute present, multiple values joined by ", ".
 */
export function readHeader(
  dataSet: DataSet,
  transferSyntaxUid: string,
  sopClassUid: string | undefined,
): Record<string, string> {
  const header: Record<string, string> = {};
  if (sopClassUid !== undefined) {
    const name = sopClassName(sopClassUid);
    header.SOPClassUID = name === undefined ? sopClassUid : `${name} (${sopClassUid})`;
  }
  const syntax = transferSyntaxNames(transferSyntaxUid);
  header.TransferSyntaxUID = syntax.known ? `${syntax.en} (${transferSyntaxUid})` : transferSyntaxUid;
  const decoder = textDecoderFor(dataSet);
  for (const [tag, keyword, kind] of HEADER_ATTRIBUTES) {
    const value =
      kind === 'text' ? readText(dataSet, tag, decoder, ', ') : readBinaryNumber(dataSet, tag, kind);
    if (value === undefined) continue;
    header[keyword] = typeof value === 'number' ? formatNumber(value) : value;
  }
  return header;
}

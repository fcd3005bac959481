/**
 * VRs of the attributes the writer may emit, copied by hand from the DICOM data dictionary
 * (PS3.6 Table 6-1 and Table 7-1) — the tests' independent source of truth for VRs.
 */
export const DICTIONARY_VR: Readonly<Record<string, string>> = {
  x00020000: 'UL', // File Meta Information Group Length
  x00020001: 'OB', // File Meta Information Version
  x00020002: 'UI', // Media Storage SOP Class UID
  x00020003: 'UI', // Media Storage SOP Instance UID
  x00020010: 'UI', // Transfer Syntax UID
  x00020012: 'UI', // Implementation Class UID
  x00020013: 'SH', // Implementation Version Name
  x00080008: 'CS', // Image Type
  x00080016: 'UI', // SOP Class UID
  x00080018: 'UI', // SOP Instance UID
  x00080020: 'DA', // Study Date
  x00080021: 'DA', // Series Date
  x00080023: 'DA', // Content Date
  x00080030: 'TM', // Study Time
  x00080031: 'TM', // Series Time
  x00080033: 'TM', // Content Time
  x00080050: 'SH', // Accession Number
  x00080060: 'CS', // Modality
  x00080068: 'CS', // Presentation Intent Type
  x00080070: 'LO', // Manufacturer
  x00080090: 'PN', // Referring Physician's Name
  x00081030: 'LO', // Study Description
  x0008103e: 'LO', // Series Description
  x00081090: 'LO', // Manufacturer's Model Name
  x00082218: 'SQ', // Anatomic Region Sequence
  x00100010: 'PN', // Patient's Name
  x00100020: 'LO', // Patient ID
  x00100030: 'DA', // Patient's Birth Date
  x00100040: 'CS', // Patient's Sex
  x00180015: 'CS', // Body Part Examined
  x00180020: 'CS', // Scanning Sequence
  x00180021: 'CS', // Sequence Variant
  x00180022: 'CS', // Scan Options
  x00180023: 'CS', // MR Acquisition Type
  x00180050: 'DS', // Slice Thickness
  x00180060: 'DS', // KVP
  x00180080: 'DS', // Repetition Time
  x00180081: 'DS', // Echo Time
  x00180087: 'DS', // Magnetic Field Strength
  x00180091: 'IS', // Echo Train Length
  x00181020: 'LO', // Software Versions
  x00181164: 'DS', // Imager Pixel Spacing
  x00181210: 'SH', // Convolution Kernel
  x00185100: 'CS', // Patient Position
  x00185101: 'CS', // View Position
  x00187004: 'CS', // Detector Type
  x0020000d: 'UI', // Study Instance UID
  x0020000e: 'UI', // Series Instance UID
  x00200010: 'SH', // Study ID
  x00200011: 'IS', // Series Number
  x00200012: 'IS', // Acquisition Number
  x00200013: 'IS', // Instance Number
  x00200020: 'CS', // Patient Orientation
  x00200032: 'DS', // Image Position (Patient)
  x00200037: 'DS', // Image Orientation (Patient)
  x00200052: 'UI', // Frame of Reference UID
  x00200062: 'CS', // Image Laterality
  x00201040: 'LO', // Position Reference Indicator
  x00201041: 'DS', // Slice Location
  x00280002: 'US', // Samples per Pixel
  x00280004: 'CS', // Photometric Interpretation
  x00280006: 'US', // Planar Configuration
  x00280008: 'IS', // Number of Frames
  x00280010: 'US', // Rows
  x00280011: 'US', // Columns
  x00280030: 'DS', // Pixel Spacing
  x00280100: 'US', // Bits Allocated
  x00280101: 'US', // Bits Stored
  x00280102: 'US', // High Bit
  x00280103: 'US', // Pixel Representation
  x00280301: 'CS', // Burned In Annotation
  x00281040: 'CS', // Pixel Intensity Relationship
  x00281041: 'SS', // Pixel Intensity Relationship Sign
  x00281050: 'DS', // Window Center
  x00281051: 'DS', // Window Width
  x00281052: 'DS', // Rescale Intercept
  x00281053: 'DS', // Rescale Slope
  x00281054: 'LO', // Rescale Type
  x00281055: 'LO', // Window Center & Width Explanation
  x00282110: 'CS', // Lossy Image Compression
  x20500020: 'CS', // Presentation LUT Shape
  x7fe00010: 'OW', // Pixel Data (OB when Bits Allocated is 8 or the data are encapsulated)
};

/** The dicom-parser tag key of a 32-bit tag: "xggggeeee", lower-case hex. */
export function tagKey(tag: number): string {
  return `x${(tag >>> 0).toString(16).padStart(8, '0')}`;
}

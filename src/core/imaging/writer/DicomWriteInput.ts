/**
 * What `writeDicom` needs to write a DICOM Part-10 file: the image and the few facts about it that
 * the CT (PS3.3 A.3), MR (A.4) and Digital X-Ray For Presentation (A.26) IODs require. Every
 * identifying attribute is synthetic ("PHANTOM^CHEST"); every date is a fixed string given here,
 * so the same input always gives the same bytes.
 */
import { DEFLATED_LE, EXPLICIT_BE, EXPLICIT_LE, IMPLICIT_LE } from '../dicom/transferSyntaxes';

/** Modalities the writer can write, with their SOP classes in {@link SOP_CLASS_UIDS}. */
export type WriteModality = 'CT' | 'MR' | 'DX';

/** SOP Class UIDs (PS3.4 B.5 Table B.5-1; PS3.6 Annex A). */
export const SOP_CLASS_UIDS: Readonly<Record<WriteModality, string>> = {
  /** CT Image Storage. */
  CT: '1.2.840.10008.5.1.4.1.1.2',
  /** MR Image Storage. */
  MR: '1.2.840.10008.5.1.4.1.1.4',
  /** Digital X-Ray Image Storage – For Presentation. */
  DX: '1.2.840.10008.5.1.4.1.1.1.1',
};

/** The native (uncompressed) transfer syntaxes (PS3.5 10.1, A.1, A.2, A.5; PS3.6 Annex A). */
export const TRANSFER_SYNTAX_UIDS = {
  /** Implicit VR Little Endian, the DICOM default (PS3.5 A.1). */
  'implicit-vr-little-endian': IMPLICIT_LE,
  /** Explicit VR Little Endian (PS3.5 A.2). */
  'explicit-vr-little-endian': EXPLICIT_LE,
  /** Deflated Explicit VR Little Endian (PS3.5 A.5). */
  'deflated-explicit-vr-little-endian': DEFLATED_LE,
  /** Explicit VR Big Endian, retired but still met in archives (PS3.5 A.3). */
  'explicit-vr-big-endian': EXPLICIT_BE,
} as const;

/** One of the native transfer syntaxes, by name. */
export type NativeTransferSyntax = keyof typeof TRANSFER_SYNTAX_UIDS;

/**
 * Transfer syntaxes that are lossy by definition: JPEG Baseline (Process 1) and JPEG Extended
 * (Process 2 & 4), PS3.5 A.4.1, 8.2.1. Lossy Image Compression (0028,2110) is "01" for them.
 */
export const ALWAYS_LOSSY_TRANSFER_SYNTAXES: ReadonlySet<string> = new Set([
  '1.2.840.10008.1.2.4.50',
  '1.2.840.10008.1.2.4.51',
]);

/** A VOI LUT window (PS3.3 C.11.2.1.2), in modality units (HU for CT). */
export interface WindowPreset {
  center: number;
  width: number;
  /** Window Center & Width Explanation (0028,1055), e.g. "LUNG". */
  explanation?: string;
}

/** A coded concept: Code Sequence Macro (PS3.3 Table 8.8-1). */
export interface CodedConcept {
  codeValue: string;
  codingSchemeDesignator: string;
  codeMeaning: string;
}

/** Native stored values of one frame. Int16Array: signed (Pixel Representation 1). */
export type NativeFrame = Int16Array | Uint16Array | Uint8Array;

/** The input of `writeDicom`: one image and its header facts (see the module comment). */
export interface DicomWriteInput {
  modality: WriteModality;
  rows: number;
  columns: number;
  /**
   * Stored values, one array per frame, row-major; for 3 samples per pixel in the order Planar
   * Configuration says (0: RGBRGB…, 1: RRR…GGG…BBB…, PS3.3 C.7.6.3.1.3). Give either this or
   * `encapsulated`.
   */
  frames?: readonly NativeFrame[];
  /**
   * Already-compressed frames and the transfer syntax they are compressed in; written as
   * encapsulated pixel data with one fragment per frame (PS3.5 A.4).
   */
  encapsulated?: { transferSyntaxUid: string; frames: readonly Uint8Array[] };
  /** Native transfer syntax, 'explicit-vr-little-endian' by default. Ignored with `encapsulated`. */
  transferSyntax?: NativeTransferSyntax;
  /** Bits Allocated (0028,0100): 16 by default, 8 for Uint8Array frames. */
  bitsAllocated?: 8 | 16;
  /** Bits Stored (0028,0101): `bitsAllocated` by default. */
  bitsStored?: number;
  /** High Bit (0028,0102): `bitsStored − 1` by default. */
  highBit?: number;
  /** Pixel Representation (0028,0103): 1 for Int16Array frames, else 0. */
  pixelRepresentation?: 0 | 1;
  /** Photometric Interpretation (0028,0004), PS3.3 C.7.6.3.1.2: MONOCHROME2 by default (RGB for 3 samples). */
  photometric?: 'MONOCHROME1' | 'MONOCHROME2' | 'RGB' | 'YBR_FULL' | 'YBR_FULL_422' | 'YBR_ICT' | 'YBR_RCT';
  /** Samples per Pixel (0028,0002): 1 or 3. */
  samplesPerPixel?: 1 | 3;
  /** Planar Configuration (0028,0006), written when samplesPerPixel is 3; 0 by default. */
  planarConfiguration?: 0 | 1;
  /** Rescale Slope (0028,1053), 1 by default. CT and DX only (PS3.3 C.8.2.1, C.8.11.3). */
  rescaleSlope?: number;
  /** Rescale Intercept (0028,1052), 0 by default. CT and DX only. */
  rescaleIntercept?: number;
  /** VOI LUT windows, first one the default (PS3.3 C.11.2). */
  windows?: readonly WindowPreset[];
  /** [row spacing, column spacing] in mm: Pixel Spacing (CT, MR) or Imager Pixel Spacing (DX). */
  pixelSpacing: readonly [number, number];
  /** Slice Thickness (0018,0050) in mm (CT, MR). */
  sliceThickness?: number;
  /** Slice Location (0020,1041) and the z of Image Position (Patient), mm; 0 by default. */
  sliceLocation?: number;
  patient: {
    /** Patient's Name (0010,0010), PN, e.g. "PHANTOM^CHEST". Synthetic only. */
    name: string;
    /** Patient ID (0010,0020). */
    id: string;
    /** Patient's Birth Date (0010,0030), YYYYMMDD; empty when absent (type 2). */
    birthDate?: string;
    /** Patient's Sex (0010,0040): M, F or O; empty when absent (type 2). */
    sex?: 'M' | 'F' | 'O';
  };
  study: {
    /** Study Date (0008,0020), YYYYMMDD; also Series and Content Date. */
    date: string;
    /** Study Time (0008,0030), HHMMSS; also Series and Content Time. */
    time: string;
    /** Study Description (0008,1030). */
    description?: string;
    /** Study ID (0020,0010), SH. */
    id?: string;
    /** Accession Number (0008,0050), SH. */
    accessionNumber?: string;
  };
  series?: {
    /** Series Number (0020,0011); 1 by default. */
    number?: number;
    /** Series Description (0008,103E). */
    description?: string;
    /** Body Part Examined (0018,0015), e.g. CHEST, HEAD (PS3.16 CID 4031 / Annex L). */
    bodyPartExamined?: string;
  };
  /** Instance Number (0020,0013); 1 by default. */
  instanceNumber?: number;
  /**
   * Seed of every UID of the file: Study, Series, SOP Instance and Frame of Reference UIDs are
   * `uidFromSeed(uidSeed + '/study')` etc. (see uid.ts). Give the study seed separately to put
   * several files in one study.
   */
  uidSeed: string;
  /** Seed of the Study Instance UID only; `uidSeed` by default. */
  studyUidSeed?: string;
  /** Image Type (0008,0008) values; a default per modality otherwise. */
  imageType?: readonly string[];
  /** Lossy Image Compression (0028,2110); by default true only for always-lossy syntaxes. */
  lossyImageCompression?: boolean;
  /** CT Image module extras (PS3.3 C.8.2.1). */
  ct?: { kvp?: number; convolutionKernel?: string };
  /** MR Image module (PS3.3 C.8.3.1): spin-echo by default. */
  mr?: {
    /** Repetition Time (0018,0080), ms. */
    repetitionTime: number;
    /** Echo Time (0018,0081), ms. */
    echoTime: number;
    /** Magnetic Field Strength (0018,0087), tesla. */
    magneticFieldStrength?: number;
    /** Scanning Sequence (0018,0020), e.g. "SE"; "SE" by default. */
    scanningSequence?: string;
    /** Sequence Variant (0018,0021); "NONE" by default. */
    sequenceVariant?: string;
    /** Echo Train Length (0018,0091); 1 by default. */
    echoTrainLength?: number;
  };
  /** DX Image, DX Anatomy Imaged and DX Positioning extras (PS3.3 C.8.11). */
  dx?: {
    /** Pixel Intensity Relationship (0028,1040): LOG by default. */
    pixelIntensityRelationship?: 'LIN' | 'LOG';
    /**
     * Pixel Intensity Relationship Sign (0028,1041): +1 when lower values mean less X-ray
     * intensity, −1 when higher values mean less intensity (PS3.3 C.8.11.3, DX Image module). Default: −1 for
     * MONOCHROME2 (bone, which stops the beam, has high values and shows white), +1 for MONOCHROME1.
     */
    pixelIntensityRelationshipSign?: 1 | -1;
    /** View Position (0018,5101), e.g. PA. */
    viewPosition?: string;
    /** Image Laterality (0020,0062): R, L, U (unpaired) or B; U by default. */
    imageLaterality?: 'R' | 'L' | 'U' | 'B';
    /** Anatomic Region Sequence (0008,2218) item; chest (SCT 51185008) by default. */
    anatomicRegion?: CodedConcept;
    /** Patient Orientation (0020,0020), row then column direction; "L\\F" (a PA chest) by default. */
    patientOrientation?: string;
    /** Detector Type (0018,7004): DIRECT, SCINTILLATOR, STORAGE or FILM; SCINTILLATOR by default. */
    detectorType?: string;
  };
}

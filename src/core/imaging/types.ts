/**
 * Shared types of the imaging module: what a decoded image is, whatever its source.
 *
 * Units are branded where a mix-up is likely (DESIGN.md conventions): modality values of a CT are
 * Hounsfield units, pixel spacing is in millimetres.
 */

/** Hounsfield units: (µ − µ_water) / µ_water × 1000 (Hounsfield 1973; DICOM PS3.3 C.8.2.1.1.4). */
export type Hu = number & { readonly __unit?: 'HU' };
/** A length in millimetres (DICOM PS3.3 C.7.6.2.1.1: Pixel Spacing is in mm). */
export type Millimetre = number & { readonly __unit?: 'mm' };

/** Photometric Interpretation (0028,0004), PS3.3 C.7.6.3.1.2. */
export type PhotometricInterpretation =
  | 'MONOCHROME1'
  | 'MONOCHROME2'
  | 'RGB'
  | 'PALETTE COLOR'
  | 'YBR_FULL'
  | 'YBR_FULL_422'
  | 'YBR_RCT'
  | 'YBR_ICT'
  | 'YBR_PARTIAL_420'
  | string;

/**
 * A decoded DICOM image. Pixel values are *modality values*: stored value × RescaleSlope +
 * RescaleIntercept (the modality LUT, PS3.3 C.11.1), i.e. Hounsfield units for CT.
 */
export interface DicomImage {
  /** Always 'dicom'; lets a union with RasterImage be told apart. */
  readonly kind: 'dicom';
  rows: number;
  columns: number;
  numberOfFrames: number;
  /** 1 for greyscale; 3 for colour (frames come back as interleaved RGB). */
  samplesPerPixel: number;
  /**
   * As written in the file (e.g. 'YBR_FULL_422'). Colour frames are returned as RGB whatever this
   * says; `MONOCHROME1` is kept so that the display inverts (PS3.3 C.7.6.3.1.2).
   */
  photometricInterpretation: PhotometricInterpretation;
  /** Modality (0008,0060), e.g. 'CT', 'MR', 'DX', 'CR'; 'OT' when absent. */
  modality: string;
  transferSyntaxUid: string;
  bitsAllocated: number;
  bitsStored: number;
  /** 0 = unsigned, 1 = two's complement (PS3.3 C.7.6.3.1). */
  pixelRepresentation: 0 | 1;
  /** Defaults to 1 when absent (PS3.3 C.11.1.1.2). */
  rescaleSlope: number;
  /** Defaults to 0 when absent. */
  rescaleIntercept: number;
  /** 'HU' for CT (or RescaleType), '' when the values have no physical unit. */
  unit: string;
  /** First value of Window Center (0028,1050), in modality units. */
  windowCenter?: number;
  /** First value of Window Width (0028,1051), in modality units. */
  windowWidth?: number;
  /** [row spacing, column spacing] in mm (0028,0030), or Imager Pixel Spacing (0018,1164). */
  pixelSpacing?: [Millimetre, Millimetre];
  sliceThickness?: Millimetre;
  /** Names (keywords) of the identifying attributes present in the file, e.g. ['PatientName']. Never values. */
  phi: string[];
  /** Other header attributes for the metadata panel: keyword → printable value (no PHI values). */
  header: Record<string, string>;
  /**
   * Modality values of one frame, row-major, `rows × columns × (samplesPerPixel === 3 ? 3 : 1)`.
   * Colour frames: interleaved RGB, 0…2^bits − 1. Throws ImageDecodeError for an index out of range.
   */
  frame(index: number): Float32Array;
  /** Stored (raw) values of one frame, after masking and sign extension, before rescale. */
  storedFrame(index: number): Int32Array;
}

/** A decoded PNG or JPEG: no modality, values 0…2^bitDepth − 1. */
export interface RasterImage {
  readonly kind: 'raster';
  format: 'png' | 'jpeg';
  rows: number;
  columns: number;
  /** 1 (grey) or 3 (RGB; alpha dropped). */
  samplesPerPixel: 1 | 3;
  bitDepth: 8 | 16;
  /** Row-major, interleaved when samplesPerPixel is 3. */
  pixels: Float32Array;
}

export type DecodedImage = DicomImage | RasterImage;

/**
 * Reads the frame header (SOFn) of a JPEG (ISO/IEC 10918-1 B.2.2) or JPEG-LS (ISO/IEC 14495-1
 * C.2.2, marker SOF55 = FFF7) stream without decoding it: the precision picks the decoder for
 * JPEG Extended (8-bit → libjpeg-turbo, 12-bit → JpegImage), and the size bounds the output
 * before any buffer is allocated.
 */

/** What the SOF segment says. */
export interface JpegFrameHeader {
  /** The SOF marker's second byte: C0 baseline, C1 extended, C2 progressive, C3 lossless, F7 JPEG-LS… */
  sof: number;
  /** Sample precision P, bits. */
  precision: number;
  /** Number of lines Y (0 means "defined later by DNL", B.2.5). */
  height: number;
  /** Samples per line X. */
  width: number;
  components: number;
}

/**
 * SOF markers of the lossless processes: JPEG lossless SOF3/7/11/15 (ISO/IEC 10918-1 Table B.1)
 * and JPEG-LS SOF55 (ISO/IEC 14495-1), which the DCT decoders do not read.
 */
export const LOSSLESS_SOF_MARKERS: readonly number[] = [0xc3, 0xc7, 0xcb, 0xcf, 0xf7];

/** Marker segments without a length field: TEM, RSTm, SOI, EOI (B.1.1.3). */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9);
}

/** SOF markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC), plus JPEG-LS SOF55 (F7). */
function isSof(marker: number): boolean {
  return (
    (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) ||
    marker === 0xf7
  );
}

/**
 * The first frame header of `bytes`, or `null` when the bytes are not a JPEG stream (no SOI) or
 * end before a SOF segment is complete.
 */
export function readJpegFrameHeader(bytes: Uint8Array): JpegFrameHeader | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte (B.1.1.2)
      continue;
    }
    if (isStandalone(marker)) {
      i += 2;
      continue;
    }
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    if (isSof(marker)) {
      if (i + 4 + 6 > bytes.length) return null;
      const at = (k: number): number => bytes[i + 4 + k] ?? 0;
      return {
        sof: marker,
        precision: at(0),
        height: (at(1) << 8) | at(2),
        width: (at(3) << 8) | at(4),
        components: at(5),
      };
    }
    if (marker === 0xda || length < 2) return null; // scan before any frame header: not valid
    i += 2 + length;
  }
  return null;
}

/** A DICOM fragment is padded to even length (PS3.5 A.4) with 0x00; some writers pad with 0xFF. */
function isPadding(byte: number | undefined): boolean {
  return byte === 0x00 || byte === 0xff;
}

/**
 * Whether the stream ends with EOI (FFD9), ignoring trailing padding: 0x00 (a DICOM fragment is
 * padded to even length, PS3.5 A.4) or 0xFF (fill bytes, ISO/IEC 10918-1 B.1.1.2, which real
 * writers also put after EOI, e.g. NEMA's NM1_JPLY). B.2.1 ends every image with EOI; a stream
 * without it was cut off, or written by a careless encoder.
 */
export function endsWithEoi(bytes: Uint8Array): boolean {
  let end = bytes.length;
  while (end > 0 && isPadding(bytes[end - 1])) end--;
  // The loop also ate EOI's own FF when the stream ends FF D9 FF…: D9 stops it before that.
  return end >= 2 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
}

/**
 * The stream with an EOI marker: `bytes` itself when it has one (see endsWithEoi), else a copy with
 * FFD9 appended after its last byte that is not 0x00 padding (a 00 after FF stays: it is a stuffed
 * byte, B.1.1.5). Decoders stop at EOI, so a stream whose writer left EOI out decodes like GDCM
 * decodes it; one cut inside its entropy-coded data meets FFD9 there and still fails.
 */
export function withEndOfImage(bytes: Uint8Array): Uint8Array {
  if (endsWithEoi(bytes)) return bytes;
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0x00) end--;
  if (end > 0 && end < bytes.length && bytes[end - 1] === 0xff) end++;
  const out = new Uint8Array(end + 2);
  out.set(bytes.subarray(0, end));
  out[end] = 0xff;
  out[end + 1] = 0xd9;
  return out;
}

/** What the marker segments before the first scan say about colour (ISO/IEC 10918-1 B.2, T.872). */
export interface JpegColourMarkers {
  /** A JFIF APP0 segment ("JFIF\0", at least 14 bytes: ISO/IEC 10918-5 / JFIF 1.02). */
  jfif: boolean;
  /** The transform flag of an Adobe APP14 segment ("Adobe", 12 bytes; 0 = none, 1 = YCbCr, 2 = YCCK), if any. */
  adobeTransform: number | undefined;
  /** Component identifiers Ci of the frame header (B.2.2), in order. */
  componentIds: number[];
  /** Whether every component has the same sampling factors Hi/Vi (no chroma subsampling). */
  sameSampling: boolean;
  /** Whether a start-of-scan (SOS) segment follows the frame header. */
  hasScan: boolean;
}

/**
 * Walks the marker segments up to the first SOS (B.2.4) and collects what decides the colour space,
 * or returns `null` when the bytes are not a JPEG stream. Segments are read as libjpeg reads them
 * (jdmarker.c examine_app0 / examine_app14): JFIF needs 14 bytes of data and Adobe 12, shorter
 * ones are ignored.
 */
export function readJpegColourMarkers(bytes: Uint8Array): JpegColourMarkers | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const result: JpegColourMarkers = {
    jfif: false,
    adobeTransform: undefined,
    componentIds: [],
    sameSampling: true,
    hasScan: false,
  };
  const at = (k: number): number => bytes[k] ?? 0;
  const text = (from: number, length: number): string =>
    String.fromCharCode(...bytes.subarray(from, from + length));
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return result;
    const marker = at(i + 1);
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (isStandalone(marker)) {
      i += 2;
      continue;
    }
    const length = (at(i + 2) << 8) | at(i + 3);
    if (length < 2) return result;
    const data = i + 4;
    const dataLength = length - 2;
    if (marker === 0xda) {
      result.hasScan = true;
      return result;
    }
    if (marker === 0xe0 && dataLength >= 14 && text(data, 5) === 'JFIF\0') result.jfif = true;
    if (marker === 0xee && dataLength >= 12 && text(data, 5) === 'Adobe')
      result.adobeTransform = at(data + 11);
    if (isSof(marker) && result.componentIds.length === 0) {
      const count = at(data + 5);
      const sampling = new Set<number>();
      for (let c = 0; c < count; c++) {
        result.componentIds.push(at(data + 6 + 3 * c));
        sampling.add(at(data + 7 + 3 * c));
      }
      result.sameSampling = sampling.size <= 1;
    }
    i += 2 + length;
  }
  return result;
}

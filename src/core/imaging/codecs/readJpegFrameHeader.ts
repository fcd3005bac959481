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

/**
 * Whether the stream ends with EOI (FFD9), ignoring trailing zero bytes (a DICOM fragment is
 * padded to even length, PS3.5 A.4). ISO/IEC 10918-1 B.2.1 ends every image with EOI; a stream
 * without it was cut off.
 */
export function endsWithEoi(bytes: Uint8Array): boolean {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return end >= 2 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
}

/**
 * A deliberately plain reference walker over top-level DICOM elements, written from PS3.5 7.1
 * alone, used by the writer tests to check VRs, lengths, order and padding byte by byte
 * independently of the writer (and of dicom-parser, which hides padding and header bytes).
 */

export interface WalkedElement {
  tag: number;
  /** Explicit VR, or '' in implicit VR. */
  vr: string;
  /** Value length as written (0xFFFFFFFF = undefined). */
  length: number;
  /** Offset of the first byte of the element's header. */
  headerOffset: number;
  /** Offset of the first value byte. */
  valueOffset: number;
}

const LONG = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

/** Walks elements from `start` to `end`. Undefined-length values are skipped to their delimiter. */
export function walkElements(
  bytes: Uint8Array,
  start: number,
  end: number,
  explicitVr: boolean,
  littleEndian: boolean,
): WalkedElement[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: WalkedElement[] = [];
  let at = start;
  while (at < end) {
    const group = view.getUint16(at, littleEndian);
    const element = view.getUint16(at + 2, littleEndian);
    const tag = ((group << 16) | element) >>> 0;
    let vr = '';
    let length: number;
    let valueOffset: number;
    if (explicitVr) {
      vr = String.fromCharCode(bytes[at + 4] ?? 0, bytes[at + 5] ?? 0);
      if (LONG.has(vr)) {
        length = view.getUint32(at + 8, littleEndian);
        valueOffset = at + 12;
      } else {
        length = view.getUint16(at + 6, littleEndian);
        valueOffset = at + 8;
      }
    } else {
      length = view.getUint32(at + 4, littleEndian);
      valueOffset = at + 8;
    }
    out.push({ tag, vr, length, headerOffset: at, valueOffset });
    if (length === 0xffffffff) {
      // Items until the Sequence Delimitation Item (FFFE,E0DD), PS3.5 7.5.
      let p = valueOffset;
      for (;;) {
        const g = view.getUint16(p, littleEndian);
        const e = view.getUint16(p + 2, littleEndian);
        const len = view.getUint32(p + 4, littleEndian);
        p += 8;
        if (g === 0xfffe && e === 0xe0dd) break;
        p += len;
      }
      at = p;
    } else {
      at = valueOffset + length;
    }
  }
  return out;
}

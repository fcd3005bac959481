/**
 * A DICOM Part-10 file writer for synthetic CT, MR and DX images (PS3.10 7.1 file format, PS3.5
 * data encoding, PS3.3 IODs). Used by `npm run samples` and by tests that need fixture files.
 */

import { deflateSync } from 'fflate';
import {
  ALWAYS_LOSSY_TRANSFER_SYNTAXES,
  SOP_CLASS_UIDS,
  TRANSFER_SYNTAX_UIDS,
  type DicomWriteInput,
  type NativeFrame,
} from './DicomWriteInput';
import { instanceUids, numbers, text, type PixelDescription } from './iodAttributes';
import { datasetElements } from './modalityAttributes';
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './uid';
import { encodeElements, sortByTag, type DataElement, type EncodingSyntax } from './writeElement';

export type { DicomWriteInput } from './DicomWriteInput';

const EXPLICIT_LE: EncodingSyntax = { explicitVr: true, littleEndian: true };

/** Concatenates byte arrays. */
function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Throws unless every stored value fits Bits Stored and Pixel Representation (PS3.5 8.1.1). */
function checkRange(frame: NativeFrame, bitsStored: number, signed: boolean): void {
  const min = signed ? -(2 ** (bitsStored - 1)) : 0;
  const max = signed ? 2 ** (bitsStored - 1) - 1 : 2 ** bitsStored - 1;
  for (let i = 0; i < frame.length; i++) {
    const v = frame[i] ?? 0;
    if (v < min || v > max) {
      throw new RangeError(`Stored value ${v} at ${i} does not fit ${bitsStored} bits (${min}…${max})`);
    }
  }
}

/** Native Pixel Data (PS3.5 8.1.1, 8.2): OW for 16 bits allocated, OB for 8 bits, NUL-padded. */
function nativePixelData(frames: readonly NativeFrame[], bitsAllocated: 8 | 16): DataElement {
  if (bitsAllocated === 16) {
    const words = new Uint16Array(frames.reduce((n, f) => n + f.length, 0));
    let at = 0;
    for (const f of frames) {
      words.set(f instanceof Int16Array ? new Uint16Array(f.buffer, f.byteOffset, f.length) : f, at);
      at += f.length;
    }
    return { tag: 0x7fe00010, vr: 'OW', value: words };
  }
  return { tag: 0x7fe00010, vr: 'OB', value: concat(frames as readonly Uint8Array[]) };
}

/** Checks the input and derives the Image Pixel module values (PS3.3 C.7.6.3). */
function describePixels(input: DicomWriteInput): PixelDescription {
  const { rows, columns } = input;
  if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 1 || columns < 1) {
    throw new RangeError(`Rows and Columns must be integers in 1…65535, got ${rows}×${columns}`);
  }
  if (rows > 0xffff || columns > 0xffff) throw new RangeError('Rows and Columns are US: at most 65535');
  const samplesPerPixel = input.samplesPerPixel ?? 1;
  const photometric = input.photometric ?? (samplesPerPixel === 3 ? 'RGB' : 'MONOCHROME2');
  const monochrome = photometric === 'MONOCHROME1' || photometric === 'MONOCHROME2';
  if (monochrome !== (samplesPerPixel === 1)) {
    throw new RangeError(
      `${photometric} does not go with ${samplesPerPixel} samples per pixel (C.7.6.3.1.2)`,
    );
  }
  const native = input.frames;
  const encapsulated = input.encapsulated;
  if ((native === undefined) === (encapsulated === undefined)) {
    throw new RangeError('Give exactly one of `frames` (native) and `encapsulated`');
  }
  const first = native?.[0];
  const bitsAllocated = input.bitsAllocated ?? (first instanceof Uint8Array ? 8 : 16);
  const bitsStored = input.bitsStored ?? bitsAllocated;
  const highBit = input.highBit ?? bitsStored - 1;
  const pixelRepresentation = input.pixelRepresentation ?? (first instanceof Int16Array ? 1 : 0);
  if (bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1 || highBit >= bitsAllocated) {
    throw new RangeError(`Bits Stored ${bitsStored} / High Bit ${highBit} do not fit ${bitsAllocated} bits`);
  }
  const base = {
    samplesPerPixel,
    photometric,
    bitsAllocated,
    bitsStored,
    highBit,
    pixelRepresentation,
    planarConfiguration: input.planarConfiguration ?? 0,
  } as const;
  if (encapsulated !== undefined) {
    if (encapsulated.frames.length === 0) throw new RangeError('Encapsulated pixel data needs ≥ 1 frame');
    return {
      ...base,
      numberOfFrames: encapsulated.frames.length,
      pixelData: { tag: 0x7fe00010, vr: 'OB', frames: encapsulated.frames },
      lossy:
        input.lossyImageCompression ?? ALWAYS_LOSSY_TRANSFER_SYNTAXES.has(encapsulated.transferSyntaxUid),
    };
  }
  const frames = native ?? [];
  if (frames.length === 0) throw new RangeError('Native pixel data needs ≥ 1 frame');
  const expected = rows * columns * samplesPerPixel;
  for (const f of frames) {
    const ok =
      bitsAllocated === 8
        ? f instanceof Uint8Array
        : pixelRepresentation === 1
          ? f instanceof Int16Array
          : f instanceof Uint16Array;
    if (!ok) {
      const wanted =
        bitsAllocated === 8 ? 'Uint8Array' : pixelRepresentation === 1 ? 'Int16Array' : 'Uint16Array';
      throw new RangeError(
        `Frames must be ${wanted} for ${bitsAllocated} bits, representation ${pixelRepresentation}`,
      );
    }
    if (f.length !== expected) throw new RangeError(`A frame holds ${f.length} values, expected ${expected}`);
    checkRange(f, bitsStored, pixelRepresentation === 1);
  }
  return {
    ...base,
    numberOfFrames: frames.length,
    pixelData: nativePixelData(frames, bitsAllocated),
    lossy: input.lossyImageCompression ?? false,
  };
}

/**
 * File Meta Information, PS3.10 7.1 (Table 7.1-1), always Explicit VR Little Endian: group length
 * (0002,0000) UL = bytes of the group's remaining elements; version (0002,0001) OB 00H 01H;
 * Media Storage SOP Class and Instance UIDs; Transfer Syntax UID; Implementation Class UID and
 * Implementation Version Name.
 */
function fileMetaInformation(
  sopClassUid: string,
  sopInstanceUid: string,
  transferSyntaxUid: string,
): Uint8Array {
  const rest = encodeElements(
    [
      { tag: 0x00020001, vr: 'OB', value: new Uint8Array([0x00, 0x01]) },
      text(0x00020002, 'UI', sopClassUid),
      text(0x00020003, 'UI', sopInstanceUid),
      text(0x00020010, 'UI', transferSyntaxUid),
      text(0x00020012, 'UI', IMPLEMENTATION_CLASS_UID),
      text(0x00020013, 'SH', IMPLEMENTATION_VERSION_NAME),
    ],
    EXPLICIT_LE,
  );
  const groupLength = encodeElements([numbers(0x00020000, 'UL', rest.length)], EXPLICIT_LE);
  return concat([groupLength, rest]);
}

/**
 * Writes a DICOM Part-10 file (PS3.10 7.1): a 128-byte zero preamble, the prefix "DICM", the File
 * Meta Information, then the Data Set sorted by tag (PS3.5 7.1) in the chosen transfer syntax:
 * - Explicit VR Little Endian (PS3.5 A.2), the default;
 * - Implicit VR Little Endian (A.1);
 * - Explicit VR Big Endian (A.3: multi-byte numbers and OW words byte-swapped, OB not);
 * - Deflated Explicit VR Little Endian (A.5: the whole Explicit VR LE Data Set compressed with raw
 *   DEFLATE, RFC 1951, by fflate at level 6, padded with one NUL byte to even length);
 * - or, with `input.encapsulated`, the caller's compressed transfer syntax: Explicit VR LE with
 *   encapsulated Pixel Data (A.4).
 * Every value has even length: text padded with a space, UI with NUL, OB with NUL (PS3.5 6.2).
 * The output depends on the input only (no clock, no randomness): UIDs come from `input.uidSeed`.
 * @throws RangeError for input the file could not hold (values out of range, wrong lengths).
 */
export function writeDicom(input: DicomWriteInput): Uint8Array {
  const pixel = describePixels(input);
  const elements = sortByTag(datasetElements(input, pixel));
  const syntaxName = input.transferSyntax ?? 'explicit-vr-little-endian';
  const transferSyntaxUid = input.encapsulated?.transferSyntaxUid ?? TRANSFER_SYNTAX_UIDS[syntaxName];
  let dataset: Uint8Array;
  if (input.encapsulated !== undefined) {
    dataset = encodeElements(elements, EXPLICIT_LE);
  } else if (syntaxName === 'implicit-vr-little-endian') {
    dataset = encodeElements(elements, { explicitVr: false, littleEndian: true });
  } else if (syntaxName === 'explicit-vr-big-endian') {
    dataset = encodeElements(elements, { explicitVr: true, littleEndian: false });
  } else if (syntaxName === 'deflated-explicit-vr-little-endian') {
    const deflated = deflateSync(encodeElements(elements, EXPLICIT_LE), { level: 6 });
    dataset = deflated.length % 2 === 0 ? deflated : concat([deflated, new Uint8Array(1)]);
  } else {
    dataset = encodeElements(elements, EXPLICIT_LE);
  }
  const meta = fileMetaInformation(
    SOP_CLASS_UIDS[input.modality],
    instanceUids(input).instance,
    transferSyntaxUid,
  );
  const preamble = new Uint8Array(132);
  preamble.set([0x44, 0x49, 0x43, 0x4d], 128); // "DICM"
  return concat([preamble, meta, dataset]);
}

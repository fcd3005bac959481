/**
 * Parses the bytes of a DICOM file into dicom-parser DataSets, tolerant like a real viewer: Part 10
 * files (PS3.10 7.1: 128-byte preamble, "DICM", File Meta Information in Explicit VR Little
 * Endian), bare data sets without preamble, a Transfer Syntax UID that is missing or contradicts
 * how the data set is actually encoded, deflated data sets (PS3.5 A.5), and files with trailing
 * garbage after the pixel data. Every failure becomes an ImageDecodeError.
 */
import dicomParser from 'dicom-parser';
import type { DataSet, ParseDicomOptions } from 'dicom-parser';
import { inflateSync, unzlibSync } from 'fflate';
import { describeThrown } from '../codecs/codecErrors';
import { ImageDecodeError } from '../ImageDecodeError';
import {
  corruptError,
  emptyFileError,
  noDataSetError,
  notDicomError,
  truncatedElementsError,
} from './dicomErrors';
import {
  bareDataSetStart,
  hasPart10Prefix,
  identifyFileType,
  looksLikeBareDataSet,
  peekElementEncoding,
} from './sniffFileType';
import { readText } from './textValues';
import {
  DEFLATED_LE,
  EXPLICIT_BE,
  EXPLICIT_LE,
  GE_PRIVATE_IMPLICIT_LE_BE_PIXELS,
  IMPLICIT_LE,
  dataSetEncodingOf,
  isNativeSyntax,
} from './transferSyntaxes';
import type { DataSetEncoding } from './transferSyntaxes';

/** A parsed file. Element offsets of `dataSet` are relative to `dataSet.byteArray`. */
export interface ParsedDicom {
  /** The main data set (everything after the File Meta Information). */
  dataSet: DataSet;
  /** The File Meta Information (group 0002), when the file has one. */
  meta: DataSet | undefined;
  /** The syntax the pixel data is read with: the declared one unless the bytes prove it wrong. */
  transferSyntaxUid: string;
  /** How the data set was actually encoded. */
  encoding: DataSetEncoding;
  /** Whether multi-byte pixel samples are big endian (Explicit VR Big Endian, GE private syntax). */
  pixelsBigEndian: boolean;
  /** What was repaired or ignored on the way, for the metadata panel. */
  warnings: string[];
}

/**
 * Maps an exception of dicom-parser (or of the inflater) to an ImageDecodeError: reads past the end
 * of the bytes → 'truncated'; a missing "DICM" prefix → 'not-dicom'; anything else → 'corrupt'.
 */
export function mapParserError(e: unknown): ImageDecodeError {
  if (e instanceof ImageDecodeError) return e;
  if (typeof e === 'object' && e !== null && 'exception' in e && e.exception instanceof ImageDecodeError) {
    return e.exception;
  }
  const text = describeThrown(e);
  if (/DICM prefix not found/i.test(text)) return notDicomError();
  if (
    /past end of buffer|buffer overrun|buffer overread|maxP ?osition|greater than or equal to|out of bounds|invalid typed array length|unexpected EOF|eof encountered/i.test(
      text,
    )
  ) {
    return truncatedElementsError(e);
  }
  return corruptError(
    {
      en: `its data elements cannot be read (${text}).`,
      zh: '无法读取其中的数据元素，文件结构不符合 DICOM 标准。',
    },
    e,
  );
}

/**
 * The `inflater` of dicom-parser for Deflated Explicit VR Little Endian (PS3.5 A.5): raw deflate
 * (RFC 1951) with fflate; some writers wrongly add a zlib header (RFC 1950), which is accepted too.
 * Returns the header bytes followed by the inflated data set, as dicom-parser expects.
 */
export function inflateDataSet(bytes: Uint8Array, position: number | undefined): Uint8Array {
  // dicom-parser passes no position for a file without File Meta Information.
  const start = typeof position === 'number' && Number.isInteger(position) ? position : 0;
  const deflated = bytes.subarray(start);
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(deflated);
  } catch (rawError) {
    const zlibHeader = deflated.length >= 2 && ((deflated[0] ?? 0) * 256 + (deflated[1] ?? 0)) % 31 === 0;
    try {
      if (!zlibHeader) throw rawError;
      inflated = unzlibSync(deflated);
    } catch {
      if (/unexpected EOF/i.test(describeThrown(rawError))) throw truncatedElementsError(rawError);
      throw corruptError(
        {
          en: `its data set is declared deflated (${DEFLATED_LE}) but cannot be inflated (${describeThrown(rawError)}).`,
          zh: `其数据集声明为 Deflate 压缩（${DEFLATED_LE}），但无法解压。`,
        },
        rawError,
      );
    }
  }
  const full = new Uint8Array(start + inflated.length);
  full.set(bytes.subarray(0, start), 0);
  full.set(inflated, start);
  return full;
}

const UID_OF_ENCODING: Readonly<Record<DataSetEncoding, string>> = {
  'implicit-le': IMPLICIT_LE,
  'explicit-le': EXPLICIT_LE,
  'explicit-be': EXPLICIT_BE,
  deflated: DEFLATED_LE,
};

/** A Buffer (Node) or any Uint8Array as a plain Uint8Array view on the same memory. */
function asPlainBytes(input: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(input) === Uint8Array.prototype
    ? input
    : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
}

/** Whether every element dicom-parser read as File Meta Information is in group 0002. */
function onlyGroup2(meta: DataSet): boolean {
  return Object.keys(meta.elements).every((tag) => tag.startsWith('x0002'));
}

/**
 * Where the File Meta Information ends by its Group Length (0002,0000), the first element after
 * "DICM" (PS3.10 7.1, Table 7.1-1: UL, Type 1), or undefined when it has none or it points past the
 * end of the file.
 */
function metaGroupEnd(file: Uint8Array): number | undefined {
  const at = (k: number): number => file[132 + k] ?? 0;
  const isGroupLength = at(0) === 0x02 && at(1) === 0 && at(2) === 0 && at(3) === 0;
  if (!isGroupLength || at(4) !== 0x55 || at(5) !== 0x4c || at(6) !== 4 || at(7) !== 0) return undefined;
  const end = 144 + at(8) + at(9) * 0x100 + at(10) * 0x10000 + at(11) * 0x1000000;
  return end <= file.length ? end : undefined;
}

/**
 * Reads the File Meta Information; returns it and where the data set starts. dicom-parser reads
 * meta elements until a tag above (0002,FFFF), so a data set that starts with a lower group
 * (group 0000 or 0001, as in pydicom's meta_missing_tsyntax.dcm) would be swallowed as meta: then
 * the meta is read again, bounded by its Group Length.
 */
function readMeta(file: Uint8Array): { meta: DataSet; position: number } {
  let meta: (DataSet & { position?: number }) | undefined;
  let error: unknown;
  try {
    meta = dicomParser.readPart10Header(file) as DataSet & { position?: number };
    if (onlyGroup2(meta)) return { meta, position: meta.position ?? file.length };
  } catch (e) {
    error = e;
  }
  const end = metaGroupEnd(file);
  if (end !== undefined) {
    try {
      const bounded = dicomParser.readPart10Header(file.subarray(0, end));
      if (onlyGroup2(bounded)) return { meta: bounded, position: end };
    } catch {
      // fall through to what the unbounded read gave
    }
  }
  if (meta === undefined) throw error;
  return { meta, position: meta.position ?? file.length };
}

/**
 * dicom-parser 1.8 predates the 64-bit VRs and reads OV with a 2-byte length, although OV, like OB,
 * has 2 reserved bytes and a 4-byte length (PS3.5 Table 7.1-1). The Extended Offset Table
 * (7FE0,0001) and its lengths (7FE0,0002) are OV: relabel them OB (same layout) in a copy.
 */
function relabelExtendedOffsetTable(body: Uint8Array): Uint8Array {
  let copy: Uint8Array | undefined;
  for (const element of [0x01, 0x02]) {
    const pattern = [0xe0, 0x7f, element, 0x00, 0x4f, 0x56, 0x00, 0x00]; // (7FE0,000x) 'OV' 00 00
    for (let at = body.indexOf(0xe0); at >= 0 && at + 8 <= body.length; at = body.indexOf(0xe0, at + 1)) {
      if (pattern.every((b, i) => body[at + i] === b)) {
        copy ??= body.slice();
        copy[at + 5] = 0x42; // 'B'
        break;
      }
    }
  }
  return copy ?? body;
}

/**
 * Reads the Pixel Data element that an Implicit VR parse stopped at, then the rest of the data set.
 * dicom-parser takes any undefined-length element of an implicit data set whose value starts with
 * an Item tag for a sequence (it has no dictionary, PS3.5 7.1.3), so it would read encapsulated
 * Pixel Data (PS3.5 A.4: fragment Items of raw codestream, not data sets) as nested data sets and
 * fail. Its fragments are found here as in an explicit data set. Errors after the pixel data are
 * ignored with a warning, as in parseBody.
 */
function readImplicitPixelDataAndRest(dataSet: DataSet, warnings: string[]): void {
  const pixelData = dataSet.elements.x7fe00010;
  if (pixelData === undefined) return;
  const bytes = dataSet.byteArray;
  const stream = new dicomParser.ByteStream(
    dicomParser.littleEndianByteArrayParser,
    bytes,
    pixelData.dataOffset,
  );
  if (pixelData.hadUndefinedLength === true) {
    dicomParser.findEndOfEncapsulatedElement(stream, pixelData, dataSet.warnings);
  } else {
    if (pixelData.dataOffset + pixelData.length >= bytes.length) return; // nothing after it (or cut short)
    stream.seek(pixelData.length);
  }
  try {
    dicomParser.parseDicomDataSetImplicit(dataSet, stream, bytes.length);
  } catch (e) {
    warnings.push(`Ignored unreadable data after the pixel data: ${describeThrown(e)}`);
  }
}

/**
 * Parses the data set in `body` (offset 0) with one encoding; returns a partial data set when the
 * error came after the pixel data. The Extended Offset Table only comes with encapsulated pixel
 * data (PS3.3 C.7.6.3.1.8), so it is looked for only under a non-native `transferSyntaxUid`.
 */
function parseBody(
  rawBody: Uint8Array,
  encoding: DataSetEncoding,
  transferSyntaxUid: string,
  warnings: string[],
): DataSet {
  const body =
    encoding === 'explicit-le' && !isNativeSyntax(transferSyntaxUid)
      ? relabelExtendedOffsetTable(rawBody)
      : rawBody;
  const implicit = encoding === 'implicit-le';
  const options: ParseDicomOptions = {
    TransferSyntaxUID: UID_OF_ENCODING[encoding],
    inflater: inflateDataSet,
    // Implicit VR: stop at the top-level Pixel Data and read it here (readImplicitPixelDataAndRest).
    ...(implicit ? { untilTag: 'x7fe00010' } : {}),
  };
  try {
    const dataSet = dicomParser.parseDicom(body, options);
    if (implicit) readImplicitPixelDataAndRest(dataSet, warnings);
    return dataSet;
  } catch (e) {
    // dicom-parser keeps what it read before failing: trailing garbage after the pixel data (bad
    // padding, a cut-off private element) does not stop a viewer from showing the image.
    const partial =
      typeof e === 'object' && e !== null && 'dataSet' in e ? (e.dataSet as DataSet) : undefined;
    if (partial?.elements.x7fe00010 !== undefined) {
      warnings.push(`Ignored unreadable data after the pixel data: ${describeThrown(e)}`);
      return partial;
    }
    throw mapParserError(e);
  }
}

/**
 * Parses a DICOM file. Throws ImageDecodeError: 'not-dicom' (empty, or neither a Part 10 file nor
 * a bare data set), 'truncated', or 'corrupt'.
 */
export function parseDicomFile(input: Uint8Array): ParsedDicom {
  let bytes = asPlainBytes(input);
  if (bytes.length === 0) throw emptyFileError('not-dicom');
  const warnings: string[] = [];
  const stray = hasPart10Prefix(bytes) ? 0 : (bareDataSetStart(bytes) ?? 0);
  if (stray > 0) {
    bytes = bytes.subarray(stray);
    warnings.push(`Skipped ${stray} stray byte(s) before the data set, which has no preamble.`);
  }
  let file = bytes;
  const first = peekElementEncoding(bytes, 0);
  if (!hasPart10Prefix(bytes)) {
    if (first === undefined || !looksLikeBareDataSet(bytes)) throw notDicomError(identifyFileType(bytes));
    if (first.group === 0x0002 && first.explicit && !first.bigEndian) {
      // File Meta Information without the preamble: give it one so that dicom-parser reads group 0002.
      file = new Uint8Array(132 + bytes.length);
      file.set([0x44, 0x49, 0x43, 0x4d], 128);
      file.set(bytes, 132);
      warnings.push('The file has no 128-byte preamble and "DICM" prefix (PS3.10 7.1).');
    }
  }

  let meta: DataSet | undefined;
  let body = file;
  if (hasPart10Prefix(file)) {
    let position: number;
    try {
      ({ meta, position } = readMeta(file));
    } catch (e) {
      throw mapParserError(e);
    }
    body = file.subarray(position);
    if (body.length === 0) throw noDataSetError();
  }

  const declared = meta === undefined ? undefined : readText(meta, 'x00020010');
  if (meta !== undefined && declared === undefined) {
    warnings.push(
      'The File Meta Information has no Transfer Syntax UID (0002,0010); inferred from the data set.',
    );
  }
  const { encoding, transferSyntaxUid } = chooseEncoding(body, declared, warnings);
  if (body.length < 8 && encoding !== 'deflated') throw noDataSetError();
  const dataSet = parseBody(body, encoding, transferSyntaxUid, warnings);
  const pixelsBigEndian =
    encoding === 'explicit-be' || transferSyntaxUid === GE_PRIVATE_IMPLICIT_LE_BE_PIXELS;
  return { dataSet, meta, transferSyntaxUid, encoding, pixelsBigEndian, warnings };
}

/**
 * The encoding to parse the data set with: the declared syntax's (PS3.5 10.1), unless the first
 * element shows another one (a common writer bug, e.g. "implicit" files written explicit). A
 * missing Transfer Syntax UID is inferred from the first element (bare data sets default to
 * Implicit VR Little Endian, PS3.5 10.1).
 */
function chooseEncoding(
  body: Uint8Array,
  declared: string | undefined,
  warnings: string[],
): { encoding: DataSetEncoding; transferSyntaxUid: string } {
  const peek = peekElementEncoding(body, 0);
  const seen: DataSetEncoding | undefined =
    peek === undefined
      ? undefined
      : peek.explicit
        ? peek.bigEndian
          ? 'explicit-be'
          : 'explicit-le'
        : 'implicit-le';
  if (declared === undefined || declared === '') {
    const encoding = seen ?? 'implicit-le';
    return { encoding, transferSyntaxUid: UID_OF_ENCODING[encoding] };
  }
  const encoding = dataSetEncodingOf(declared);
  if (encoding === 'deflated' || seen === undefined || seen === encoding)
    return { encoding, transferSyntaxUid: declared };
  if (isNativeSyntax(declared)) {
    warnings.push(
      `The data set is encoded as ${UID_OF_ENCODING[seen]}, not as the declared ${declared}; read as encoded.`,
    );
    return { encoding: seen, transferSyntaxUid: UID_OF_ENCODING[seen] };
  }
  // Compressed syntaxes are always Explicit VR Little Endian (PS3.5 A.4), but some writers put
  // Implicit VR data sets behind them (pydicom's SC_rgb_jpeg.dcm): read the data set as encoded,
  // keep the declared syntax for the pixel data.
  if (seen === 'implicit-le') {
    warnings.push(
      `The data set is encoded as ${IMPLICIT_LE}, not as Explicit VR Little Endian as ${declared} requires (PS3.5 A.4); read as encoded.`,
    );
    return { encoding: seen, transferSyntaxUid: declared };
  }
  return { encoding, transferSyntaxUid: declared };
}

/** Small writer inputs shared by the writer tests, and a dicom-parser front end. */
import dicomParser from 'dicom-parser';
import { inflateSync } from 'fflate';
import type { DicomWriteInput } from '../../../../../src/core/imaging/writer/DicomWriteInput';

export const ROWS = 5;
export const COLUMNS = 7;

/** A 5×7 signed CT frame spanning air to dense bone: −1024 + 97·i. */
export function ctFrame(offset = 0): Int16Array {
  return Int16Array.from({ length: ROWS * COLUMNS }, (_, i) => -1024 + 97 * i + offset);
}

export function ctInput(extra: Partial<DicomWriteInput> = {}): DicomWriteInput {
  return {
    modality: 'CT',
    rows: ROWS,
    columns: COLUMNS,
    frames: [ctFrame()],
    rescaleSlope: 1,
    rescaleIntercept: 0,
    windows: [
      { center: -600, width: 1500, explanation: 'LUNG' },
      { center: 40, width: 400, explanation: 'MEDIASTINUM' },
    ],
    pixelSpacing: [0.7, 0.75],
    sliceThickness: 1.25,
    sliceLocation: -120.5,
    patient: { name: 'PHANTOM^CHEST', id: 'PH-0001', birthDate: '19700101', sex: 'O' },
    study: { date: '20240315', time: '093000', description: 'Synthetic chest CT', id: 'S1' },
    series: { number: 3, description: 'Axial 1.25 mm', bodyPartExamined: 'CHEST' },
    instanceNumber: 12,
    uidSeed: 'test/ct',
    ct: { kvp: 120, convolutionKernel: 'STANDARD' },
    ...extra,
  };
}

/** dicom-parser on a Part-10 file, inflating Deflated data sets with fflate (raw DEFLATE). */
export function parse(bytes: Uint8Array): dicomParser.DataSet {
  return dicomParser.parseDicom(bytes, {
    inflater: (arr: Uint8Array, position: number) => {
      const inflated = inflateSync(arr.subarray(position));
      const full = new Uint8Array(position + inflated.length);
      full.set(arr.subarray(0, position));
      full.set(inflated, position);
      return full;
    },
  } as dicomParser.ParseDicomOptions);
}

/** Reads `count` 16-bit values at `offset` of `bytes`. */
export function readWords(
  bytes: Uint8Array,
  offset: number,
  count: number,
  littleEndian: boolean,
  signed: boolean,
): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: count }, (_, i) =>
    signed ? view.getInt16(offset + 2 * i, littleEndian) : view.getUint16(offset + 2 * i, littleEndian),
  );
}

/**
 * The Patient ID (0010,0020) of a DICOM file (PS3.3 C.7.1.1, Patient module), for grouping a
 * folder's images by patient so that a train/test split can keep each patient in one split.
 * decodeDicom never returns identifying values (only their names, DicomImage.phi); this one value
 * is read for grouping alone: callers turn it into an anonymous number and drop the text.
 */
import { parseDicomFile } from './parseDicomFile';
import { readText, textDecoderFor } from './textValues';

/** The file's Patient ID, trimmed; null when absent, empty, or the bytes are not a readable DICOM. */
export function readPatientId(bytes: Uint8Array): string | null {
  try {
    const { dataSet } = parseDicomFile(bytes);
    const id = readText(dataSet, 'x00100020', textDecoderFor(dataSet))?.trim();
    return id === undefined || id === '' ? null : id;
  } catch {
    return null;
  }
}

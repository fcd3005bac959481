/**
 * `phi` lists the keywords of identifying attributes present (PS3.15 Annex E), never values;
 * `header` holds a readable, non-identifying subset, decoded in the file's character set.
 */
import { describe, expect, it } from 'vitest';
import { decodeDicom } from '../../../../../src/core/imaging/dicom/decodeDicom';
import { buildFile, ow, SOP, str, textBytes, TS, us } from './dicomBuilder';
import type { El } from './dicomBuilder';

const pixels: El[] = [
  us(0x0028, 0x0010, 1), // (0028,0010) Rows
  us(0x0028, 0x0011, 2), // (0028,0011) Columns
  us(0x0028, 0x0100, 16), // (0028,0100) Bits Allocated
  ow(0x7fe0, 0x0010, [0, 1]), // (7FE0,0010) Pixel Data
];

describe('decodeDicom: phi and header', () => {
  const file = buildFile(
    'implicit-le',
    [
      str(0x0008, 0x0016, 'UI', SOP.ct), // (0008,0016) SOP Class UID
      str(0x0008, 0x0018, 'UI', '1.2.826.0.1.3680043.8.498.1'), // (0008,0018) SOP Instance UID
      str(0x0008, 0x0020, 'DA', '20240131'), // (0008,0020) Study Date
      str(0x0008, 0x0060, 'CS', 'CT'), // (0008,0060) Modality
      str(0x0008, 0x0070, 'LO', 'ACME Medical'), // (0008,0070) Manufacturer
      str(0x0008, 0x0080, 'LO', 'General Hospital'), // (0008,0080) Institution Name
      str(0x0008, 0x0090, 'PN', '  '), // (0008,0090) Referring Physician's Name: empty (spaces only)
      str(0x0008, 0x1030, 'LO', 'CHEST'), // (0008,1030) Study Description
      str(0x0010, 0x0010, 'PN', 'DOE^JANE'), // (0010,0010) Patient's Name
      str(0x0010, 0x0020, 'LO', 'PID-0042'), // (0010,0020) Patient ID
      str(0x0010, 0x0030, 'DA', '19700101'), // (0010,0030) Patient's Birth Date
      str(0x0018, 0x0060, 'DS', '120'), // (0018,0060) KVP
      str(0x0018, 0x1210, 'SH', 'B30f'), // (0018,1210) Convolution Kernel
      str(0x0020, 0x000d, 'UI', '1.2.826.0.1.3680043.8.498.2'), // (0020,000D) Study Instance UID
      str(0x0020, 0x0032, 'DS', '-12.5\\3\\4'), // (0020,0032) Image Position (Patient)
      str(0x0028, 0x0301, 'CS', 'YES'), // (0028,0301) Burned In Annotation
      ...pixels,
    ],
    { transferSyntax: TS.implicitLE },
  ).bytes;

  it('lists the keywords of identifying attributes that have a value, in table order', async () => {
    const image = await decodeDicom(file);
    expect(image.phi).toEqual([
      'PatientName',
      'PatientID',
      'PatientBirthDate',
      'InstitutionName',
      'StudyDate',
      'StudyInstanceUID',
      'SOPInstanceUID',
      'MediaStorageSOPInstanceUID',
      'BurnedInAnnotation',
    ]);
  });

  it('puts readable technical attributes in the header and no identifying value anywhere', async () => {
    const image = await decodeDicom(file);
    expect(image.header).toMatchObject({
      SOPClassUID: `CT Image Storage (${SOP.ct})`,
      TransferSyntaxUID: `Implicit VR Little Endian (${TS.implicitLE})`,
      Modality: 'CT',
      Manufacturer: 'ACME Medical',
      StudyDescription: 'CHEST',
      KVP: '120',
      ConvolutionKernel: 'B30f',
      ImagePositionPatient: '-12.5, 3, 4',
      Rows: '1',
      Columns: '2',
      BitsAllocated: '16',
    });
    const values = Object.values(image.header).join('|');
    for (const secret of ['DOE', 'PID-0042', '19700101', '20240131', 'General Hospital', '3680043']) {
      expect(values).not.toContain(secret);
    }
  });

  it('decodes text in the Specific Character Set (ISO_IR 192 = UTF-8)', async () => {
    const utf8 = new TextEncoder().encode('胸部 CT 平扫');
    const image = await decodeDicom(
      buildFile('explicit-le', [
        str(0x0008, 0x0005, 'CS', 'ISO_IR 192'), // (0008,0005) Specific Character Set
        textBytes(0x0008, 0x103e, 'LO', utf8), // (0008,103E) Series Description, UTF-8 bytes
        ...pixels,
      ]).bytes,
    );
    expect(image.header.SeriesDescription).toBe('胸部 CT 平扫');
  });

  it('decodes Latin-1 text (ISO_IR 100)', async () => {
    // "Müller": M, ü = 0xFC in ISO 8859-1, l, l, e, r.
    const image = await decodeDicom(
      buildFile('explicit-le', [
        str(0x0008, 0x0005, 'CS', 'ISO_IR 100'), // (0008,0005) Specific Character Set
        textBytes(0x0008, 0x1090, 'LO', Uint8Array.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72])), // (0008,1090) Model
        ...pixels,
      ]).bytes,
    );
    expect(image.header.ManufacturerModelName).toBe('Müller');
  });
});

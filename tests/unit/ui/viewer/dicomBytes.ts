/**
 * A minimal DICOM Part-10 file written byte by byte (PS3.10 7.1: 128-byte preamble, "DICM", File
 * Meta Information in Explicit VR Little Endian; data set in Explicit VR Little Endian, PS3.5 7.1.2).
 */

function pad(text: string, padChar: string): string {
  return text.length % 2 === 0 ? text : text + padChar;
}

/** One explicit-VR little-endian element: tag, VR, length (2 or 4 bytes after 2 reserved), value. */
function element(group: number, elem: number, vr: string, value: Uint8Array): number[] {
  const out = [group & 0xff, group >> 8, elem & 0xff, elem >> 8, vr.charCodeAt(0), vr.charCodeAt(1)];
  const long = vr === 'OB' || vr === 'OW' || vr === 'UN' || vr === 'SQ' || vr === 'UT';
  const n = value.length;
  if (long) out.push(0, 0, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24);
  else out.push(n & 0xff, n >> 8);
  return [...out, ...value];
}

const ascii = (s: string): Uint8Array => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
const text = (vr: string, s: string): Uint8Array => ascii(pad(s, vr === 'UI' ? '\0' : ' '));
const us = (v: number): Uint8Array => new Uint8Array([v & 0xff, v >> 8]);

/**
 * A 2×2 CT: stored signed 16-bit values `stored` (row-major), Rescale Intercept −1024, slope 1,
 * Window Center 40 / Width 400, Patient's Name present (a PHI attribute).
 */
export function tinyCtDicom(stored: [number, number, number, number]): Uint8Array<ArrayBuffer> {
  const explicitLe = '1.2.840.10008.1.2.1';
  const ctImageStorage = '1.2.840.10008.5.1.4.1.1.2';
  const meta = [
    ...element(0x0002, 0x0001, 'OB', new Uint8Array([0, 1])),
    ...element(0x0002, 0x0002, 'UI', text('UI', ctImageStorage)),
    ...element(0x0002, 0x0003, 'UI', text('UI', '1.2.3.4.5')),
    ...element(0x0002, 0x0010, 'UI', text('UI', explicitLe)),
  ];
  const groupLength = element(0x0002, 0x0000, 'UL', new Uint8Array(new Uint32Array([meta.length]).buffer));
  const pixels = new Uint8Array(new Int16Array(stored).buffer);
  const data = [
    ...element(0x0008, 0x0016, 'UI', text('UI', ctImageStorage)),
    ...element(0x0008, 0x0018, 'UI', text('UI', '1.2.3.4.5')),
    ...element(0x0008, 0x0060, 'CS', text('CS', 'CT')),
    ...element(0x0010, 0x0010, 'PN', text('PN', 'Doe^Jane')),
    ...element(0x0028, 0x0002, 'US', us(1)),
    ...element(0x0028, 0x0004, 'CS', text('CS', 'MONOCHROME2')),
    ...element(0x0028, 0x0010, 'US', us(2)),
    ...element(0x0028, 0x0011, 'US', us(2)),
    ...element(0x0028, 0x0100, 'US', us(16)),
    ...element(0x0028, 0x0101, 'US', us(16)),
    ...element(0x0028, 0x0102, 'US', us(15)),
    ...element(0x0028, 0x0103, 'US', us(1)),
    ...element(0x0028, 0x1050, 'DS', text('DS', '40')),
    ...element(0x0028, 0x1051, 'DS', text('DS', '400')),
    ...element(0x0028, 0x1052, 'DS', text('DS', '-1024')),
    ...element(0x0028, 0x1053, 'DS', text('DS', '1')),
    ...element(0x7fe0, 0x0010, 'OW', pixels),
  ];
  return new Uint8Array([
    ...new Array<number>(128).fill(0),
    ...ascii('DICM'),
    ...groupLength,
    ...meta,
    ...data,
  ]);
}

/**
 * Deterministic DICOM UIDs.
 *
 * Root: `2.25`, the UUID-derived form of PS3.5 B.2: "2.25." followed by the 128-bit UUID written as
 * one unsigned decimal integer (ISO/IEC 9834-8 / ITU-T X.667). The UUID is a name-based version 5
 * UUID (RFC 4122 4.3: SHA-1 of a namespace UUID and a name), so the same seed always gives the same
 * UID and `npm run samples` writes byte-identical files, while distinct seeds give distinct UIDs
 * with the collision odds of a 122-bit hash. No organisation root is needed (PS3.5 B.2).
 */

import { sha1 } from './sha1';

/** The UID root of every UID this writer makes (PS3.5 B.2). */
export const UID_ROOT = '2.25';

/**
 * The namespace UUID of this application (RFC 4122 4.3 step 1: "allocate a UUID to use as a name
 * space identifier"), drawn once at random and fixed here for ever.
 */
export const RADIOLOGY_CNN_LAB_NAMESPACE = '6f1c2a4e-8d0b-4e57-9a3c-2b7d5e9f1a60';

/** The 16 bytes of a UUID written in its 8-4-4-4-12 hexadecimal form. */
export function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new RangeError(`"${uuid}" is not a UUID`);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** The 8-4-4-4-12 lower-case hexadecimal form of 16 UUID bytes (RFC 4122 3). */
export function formatUuid(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Name-based UUID, version 5 (RFC 4122 4.3): SHA-1 of namespace bytes followed by the UTF-8 name;
 * the first 16 bytes, with the version nibble set to 5 and the variant bits to 10.
 */
export function uuidV5(namespace: string, name: string): string {
  const ns = uuidBytes(namespace);
  const nameBytes = new TextEncoder().encode(name);
  const message = new Uint8Array(ns.length + nameBytes.length);
  message.set(ns);
  message.set(nameBytes, ns.length);
  const hash = sha1(message).slice(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  return formatUuid(hash);
}

/**
 * The UUID-derived UID of a UUID (PS3.5 B.2): "2.25." and the UUID as an unsigned decimal integer,
 * without leading zeros. At most 44 characters, within the 64 of a UI value (PS3.5 9.1).
 */
export function uidFromUuid(uuid: string): string {
  const hex = uuid.replace(/-/g, '');
  return `${UID_ROOT}.${BigInt(`0x${hex}`).toString(10)}`;
}

/** A deterministic UID for a seed string: `2.25.` + the decimal value of uuidV5(namespace, seed). */
export function uidFromSeed(seed: string): string {
  return uidFromUuid(uuidV5(RADIOLOGY_CNN_LAB_NAMESPACE, seed));
}

/** Implementation Class UID (0002,0012) of this writer (PS3.7 D.3.3.2, PS3.10 7.1). */
export const IMPLEMENTATION_CLASS_UID = uidFromSeed('radiology-cnn-lab/dicom-writer/implementation-class');
/** Implementation Version Name (0002,0013), SH, at most 16 characters (PS3.10 7.1). */
export const IMPLEMENTATION_VERSION_NAME = 'RCNNLAB_1';

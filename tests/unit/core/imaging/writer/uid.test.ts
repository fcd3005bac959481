import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1 } from '../../../../../src/core/imaging/writer/sha1';
import {
  IMPLEMENTATION_CLASS_UID,
  RADIOLOGY_CNN_LAB_NAMESPACE,
  uidFromSeed,
  uuidV5,
} from '../../../../../src/core/imaging/writer/uid';

/** Decimal digits of a big-endian byte string by schoolbook long division (no BigInt). */
function bytesToDecimal(bytes: Uint8Array): string {
  let digits = [0];
  for (const byte of bytes) {
    // digits = digits * 256 + byte, least significant digit first
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      const v = (digits[i] ?? 0) * 256 + carry;
      digits[i] = v % 10;
      carry = Math.floor(v / 10);
    }
    while (carry > 0) {
      digits.push(carry % 10);
      carry = Math.floor(carry / 10);
    }
  }
  while (digits.length > 1 && digits[digits.length - 1] === 0) digits = digits.slice(0, -1);
  return digits.reverse().join('');
}

function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.replace(/-/g, ''), 'hex'));
}

describe('sha1', () => {
  it('matches node:crypto on messages around the 64-byte block boundaries', () => {
    for (const length of [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 1000]) {
      const message = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
      const expected = createHash('sha1').update(message).digest('hex');
      expect(Buffer.from(sha1(message)).toString('hex')).toBe(expected);
    }
  });
});

describe('uuidV5', () => {
  it('gives the RFC 4122 name-based UUID of the Python documentation example', () => {
    // Python docs: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org') == UUID('886313e1-3b8a-5372-9b90-0c9aee199e5d')
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });
});

describe('uidFromSeed', () => {
  it('is "2.25." + the decimal value of the version-5 UUID built with node:crypto', () => {
    const seed = 'chest-ct-nodule/instance';
    const ns = hexToBytes(RADIOLOGY_CNN_LAB_NAMESPACE);
    const digest = createHash('sha1')
      .update(Buffer.concat([ns, Buffer.from(seed, 'utf8')]))
      .digest();
    const bytes = Uint8Array.from(digest.subarray(0, 16));
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    expect(uidFromSeed(seed)).toBe(`2.25.${bytesToDecimal(bytes)}`);
  });

  it('is deterministic, distinct per seed, and a valid UI value', () => {
    expect(uidFromSeed('a')).toBe(uidFromSeed('a'));
    expect(uidFromSeed('a')).not.toBe(uidFromSeed('b'));
    for (const uid of [uidFromSeed('a'), uidFromSeed(''), IMPLEMENTATION_CLASS_UID]) {
      // PS3.5 9.1: digits and dots, no leading zero in a component, at most 64 characters.
      expect(uid).toMatch(/^2\.25\.(0|[1-9][0-9]*)$/);
      expect(uid.length).toBeLessThanOrEqual(64);
    }
  });
});

/**
 * Pieces shared by the test JPEG encoders (ISO/IEC 10918-1 = ITU-T T.81): an entropy-coded bit
 * writer with 0xFF byte stuffing (F.1.2.3), marker segments, and canonical Huffman codes built
 * from BITS/HUFFVAL (Annex C).
 */

/** Collects bits MSB first; `bytes()` pads the last byte with 1-bits (F.1.2.3). */
export class BitWriter {
  private out: number[] = [];
  private acc = 0;
  private count = 0;

  /** Appends the low `length` bits of `value`. */
  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | (Math.floor(value / 2 ** i) & 1);
      this.count++;
      if (this.count === 8) {
        this.out.push(this.acc);
        if (this.acc === 0xff) this.out.push(0x00); // byte stuffing
        this.acc = 0;
        this.count = 0;
      }
    }
  }

  bytes(): number[] {
    if (this.count > 0) this.write(0x7f, 8 - this.count);
    return this.out;
  }
}

/** A marker segment: FF, marker, 16-bit length (including itself), payload. */
export function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

/** A Huffman table: BITS (counts of codes of length 1…16) and HUFFVAL (symbols in code order). */
export interface HuffmanSpec {
  bits: number[];
  values: number[];
}

/** Code and length per symbol, generated as in T.81 C.2 (Figures C.1–C.3). */
export function huffmanCodes(spec: HuffmanSpec): Map<number, { code: number; length: number }> {
  const codes = new Map<number, { code: number; length: number }>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    const n = spec.bits[length - 1] ?? 0;
    for (let i = 0; i < n; i++) {
      const symbol = spec.values[k++];
      if (symbol === undefined) throw new Error('HUFFVAL shorter than BITS');
      codes.set(symbol, { code, length });
      code++;
    }
    code <<= 1;
  }
  return codes;
}

/**
 * A table giving every symbol the same code length: the smallest length whose 2^L − 1 codes
 * (all-ones excluded, C.2) hold them all. Wasteful but valid, and simple to check.
 */
export function flatHuffman(values: number[]): HuffmanSpec {
  let length = 1;
  while (2 ** length - 1 < values.length) length++;
  const bits = new Array<number>(16).fill(0);
  bits[length - 1] = values.length;
  return { bits, values };
}

/** DHT payload for one table: Tc (0 DC/lossless, 1 AC), Th, BITS, HUFFVAL (B.2.4.2). */
export function dhtPayload(tableClass: 0 | 1, id: number, spec: HuffmanSpec): number[] {
  return [(tableClass << 4) | id, ...spec.bits, ...spec.values];
}

/** SSSS: the magnitude category of a difference or coefficient (T.81 Tables F.1, H.2). */
export function category(value: number): number {
  let magnitude = Math.abs(value);
  let ssss = 0;
  while (magnitude > 0) {
    ssss++;
    magnitude = Math.floor(magnitude / 2);
  }
  return ssss;
}

/** The SSSS extra bits of a value: the value if positive, value − 1 (one's complement) if negative (F.1.2.1). */
export function extraBits(value: number, ssss: number): number {
  return value >= 0 ? value : value - 1 + 2 ** ssss;
}

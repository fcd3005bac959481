/**
 * A plain RLE Lossless encoder (DICOM PS3.5 Annex G), for tests and fixtures only: one segment per
 * byte plane, most significant byte first (G.2), each row PackBits-coded separately (G.3.1), each
 * segment padded to even length, and the 64-byte header of segment offsets (G.5).
 */

/** PackBits of one row: replicate runs of 3 or more, literals otherwise (at most 128 per run). */
export function packBits(row: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < row.length) {
    let run = 1;
    while (i + run < row.length && run < 128 && row[i + run] === row[i]) run++;
    if (run >= 3) {
      out.push(257 - run, row[i] ?? 0); // header −(run − 1) as a byte
      i += run;
      continue;
    }
    const start = i;
    while (i < row.length && i - start < 128) {
      if (i + 2 < row.length && row[i] === row[i + 1] && row[i] === row[i + 2]) break;
      i++;
    }
    out.push(i - start - 1, ...row.subarray(start, i));
  }
  return out;
}

/**
 * Encodes one frame. `samples` are stored words (unsigned bit patterns of `bitsAllocated` bits),
 * interleaved when there are 3 samples per pixel (planar configuration 0).
 */
export function encodeRle(
  samples: ArrayLike<number>,
  rows: number,
  columns: number,
  samplesPerPixel: number,
  bitsAllocated: 8 | 16 | 32,
): Uint8Array {
  const bytesPerSample = bitsAllocated / 8;
  const segments: number[][] = [];
  for (let s = 0; s < samplesPerPixel; s++) {
    for (let b = 0; b < bytesPerSample; b++) {
      const shift = 8 * (bytesPerSample - 1 - b);
      const segment: number[] = [];
      for (let r = 0; r < rows; r++) {
        const row = new Uint8Array(columns);
        for (let c = 0; c < columns; c++) {
          const word = samples[(r * columns + c) * samplesPerPixel + s] ?? 0;
          row[c] = Math.floor(word / 2 ** shift) & 0xff;
        }
        segment.push(...packBits(row));
      }
      if (segment.length % 2 === 1) segment.push(0x80); // no-op byte pads to even length
      segments.push(segment);
    }
  }
  const total = 64 + segments.reduce((n, s) => n + s.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, segments.length, true);
  let offset = 64;
  segments.forEach((segment, i) => {
    view.setUint32(4 + 4 * i, offset, true);
    out.set(segment, offset);
    offset += segment.length;
  });
  return out;
}

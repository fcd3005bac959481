/**
 * A growable byte buffer with little- or big-endian integer writes: the sink every encoder of the
 * DICOM writer writes into. DICOM byte ordering: PS3.5 7.3 (Little Endian / Big Endian).
 */
export class ByteWriter {
  private buffer: Uint8Array;
  private view: DataView;
  private used = 0;

  /** @param littleEndian byte order of multi-byte numbers (PS3.5 7.3) */
  constructor(
    readonly littleEndian: boolean,
    initialCapacity = 4096,
  ) {
    this.buffer = new Uint8Array(initialCapacity);
    this.view = new DataView(this.buffer.buffer);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.used;
  }

  private reserve(extra: number): void {
    const needed = this.used + extra;
    if (needed <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < needed) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.buffer.subarray(0, this.used));
    this.buffer = next;
    this.view = new DataView(next.buffer);
  }

  /** Writes an unsigned 16-bit integer. */
  uint16(value: number): void {
    this.reserve(2);
    this.view.setUint16(this.used, value, this.littleEndian);
    this.used += 2;
  }

  /** Writes a signed 16-bit integer (two's complement). */
  int16(value: number): void {
    this.reserve(2);
    this.view.setInt16(this.used, value, this.littleEndian);
    this.used += 2;
  }

  /** Writes an unsigned 32-bit integer. */
  uint32(value: number): void {
    this.reserve(4);
    this.view.setUint32(this.used, value, this.littleEndian);
    this.used += 4;
  }

  /** Writes a signed 32-bit integer. */
  int32(value: number): void {
    this.reserve(4);
    this.view.setInt32(this.used, value, this.littleEndian);
    this.used += 4;
  }

  /** Writes an IEEE 754 binary32 value. */
  float32(value: number): void {
    this.reserve(4);
    this.view.setFloat32(this.used, value, this.littleEndian);
    this.used += 4;
  }

  /** Writes an IEEE 754 binary64 value. */
  float64(value: number): void {
    this.reserve(8);
    this.view.setFloat64(this.used, value, this.littleEndian);
    this.used += 8;
  }

  /** Copies raw bytes (no byte swapping). */
  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.used);
    this.used += data.length;
  }

  /** Writes 16-bit words in this writer's byte order (OW values, PS3.5 6.2 "OW"). */
  words(data: Uint16Array | Int16Array): void {
    this.reserve(data.length * 2);
    const view = this.view;
    let at = this.used;
    const le = this.littleEndian;
    for (let i = 0; i < data.length; i++) {
      view.setUint16(at, (data[i] ?? 0) & 0xffff, le);
      at += 2;
    }
    this.used = at;
  }

  /** Overwrites an unsigned 32-bit integer at an earlier position (to patch a length). */
  patchUint32(position: number, value: number): void {
    this.view.setUint32(position, value, this.littleEndian);
  }

  /** A copy of the bytes written, exactly `length` long. */
  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.used);
  }
}

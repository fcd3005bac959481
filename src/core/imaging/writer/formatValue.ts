/**
 * Number and date formatting for DICOM text VRs (PS3.5 6.2, Table 6.2-1).
 */

/**
 * A Decimal String (DS) value: at most 16 characters, fixed or exponential notation (PS3.5 6.2
 * "DS"). Integers are written without a decimal point; other numbers with as many significant
 * digits as fit in 16 characters.
 */
export function formatDs(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`DS value ${value} is not a finite number`);
  const plain = String(value);
  if (plain.length <= 16) return plain;
  for (let digits = 15; digits >= 1; digits--) {
    const s = Number(value.toPrecision(digits)).toString();
    if (s.length <= 16) return s;
  }
  throw new RangeError(`DS value ${value} does not fit in 16 characters`);
}

/** Several DS values joined with the value delimiter "\" (PS3.5 6.4). */
export function formatDsList(values: readonly number[]): string {
  return values.map(formatDs).join('\\');
}

/** An Integer String (IS) value: a base-10 integer in −2^31…2^31 − 1, at most 12 characters (PS3.5 6.2 "IS"). */
export function formatIs(value: number): string {
  if (!Number.isInteger(value) || value < -(2 ** 31) || value > 2 ** 31 - 1) {
    throw new RangeError(`IS value ${value} is not a 32-bit integer`);
  }
  return String(value);
}

/** Checks a Date (DA) value: YYYYMMDD (PS3.5 6.2 "DA"); returns it unchanged. */
export function checkDa(value: string): string {
  if (!/^\d{8}$/.test(value)) throw new RangeError(`DA value "${value}" is not YYYYMMDD`);
  return value;
}

/** Checks a Time (TM) value: HH, HHMM or HHMMSS with an optional fraction (PS3.5 6.2 "TM"). */
export function checkTm(value: string): string {
  if (!/^\d{2}(\d{2}(\d{2}(\.\d{1,6})?)?)?$/.test(value)) {
    throw new RangeError(`TM value "${value}" is not HHMMSS.FFFFFF`);
  }
  return value;
}

/** Checks that a string fits a VR's maximum length in characters (PS3.5 Table 6.2-1). */
export function checkMaxLength(value: string, max: number, what: string): string {
  if (value.length > max) throw new RangeError(`${what} "${value}" is longer than ${max} characters`);
  return value;
}

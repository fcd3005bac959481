/** A plain decimal number: optional sign, digits with an optional point, optional exponent. */
const STRICT_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Reads `text` as a plain decimal number ({@link STRICT_NUMBER}, nothing around it: no spaces, no
 * hex, no `Infinity`); `null` for anything else. A huge exponent still gives ±Infinity.
 */
export function parseStrictNumber(text: string): number | null {
  return STRICT_NUMBER.test(text) ? Number(text) : null;
}

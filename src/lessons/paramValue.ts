/**
 * Reading a step's parameter values in a widget. The lesson page hands widgets values already
 * coerced to their definitions (lessonState.ts), so these only narrow the `number | string` type,
 * with the fallback a widget rendered outside the page (a test) gets for a missing value.
 */

/** `v` when it is a number, else `fallback`. */
export function paramNumber(v: unknown, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}

/** `v` when it is a string, else `fallback`. */
export function paramString(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

import { createMemoryStorage, type StorageLike } from '../core/lessons/progress';

let fallback: StorageLike | null = null;

/**
 * `window.localStorage` when it works, else an in-memory storage (private modes and sandboxed
 * iframes can throw on access). Preferences and progress are conveniences: never crash for them.
 */
export function getBrowserStorage(): StorageLike {
  try {
    const s = globalThis.localStorage;
    if (s !== undefined && s !== null) {
      const probe = '__rcl_probe__';
      s.setItem(probe, '1');
      s.removeItem(probe);
      return s;
    }
  } catch {
    /* fall through */
  }
  fallback ??= createMemoryStorage();
  return fallback;
}

/** Reads a string preference; `null` when missing or unreadable. */
export function readPref(key: string): string | null {
  try {
    return getBrowserStorage().getItem(key);
  } catch {
    return null;
  }
}

/** Writes a string preference; failures are ignored. */
export function writePref(key: string, value: string): void {
  try {
    getBrowserStorage().setItem(key, value);
  } catch {
    /* ignore */
  }
}

/**
 * Base of the typed errors whose message a student can act on, written in every language
 * (DESIGN.md: bad input gets a typed error with a message a student can act on). `message` is the
 * English text, so that logs and `toThrow(/…/)` read as before; `localizedMessage` holds them all.
 */
import type { Lang, Localized } from './types';

/** An error with a {@link Localized} message; subclasses set `name` and add a `code`. */
export class LocalizedError extends Error {
  constructor(readonly localizedMessage: Localized) {
    super(localizedMessage.en);
  }

  /** The message in the given language. */
  localized(lang: Lang): string {
    return this.localizedMessage[lang];
  }
}

/**
 * A `RangeError` (a setting outside its allowed range) with a {@link Localized} message in the
 * field `localized`; `message` is the English text. Subclasses set `name`.
 */
export class LocalizedRangeError extends RangeError {
  constructor(readonly localized: Localized) {
    super(localized.en);
  }
}

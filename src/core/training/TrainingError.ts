/**
 * The one error type of in-browser training: a failure with a message a student can act on, in
 * both languages (DESIGN.md: typed errors, never a console stack). It crosses the worker boundary
 * as its plain {@link TrainingErrorInfo} and is rebuilt on the page by the client.
 */
import type { Localized } from '../lessons/types';
import type { TrainingErrorInfo } from './trainingTypes';

/** A training failure with a {@link Localized} message (`message` is the English text). */
export class TrainingError extends Error {
  override readonly name = 'TrainingError';
  readonly localized: Localized;

  constructor(message: Localized, options?: { cause?: unknown }) {
    super(message.en, options);
    this.localized = message;
  }

  /** The plain form sent across the worker boundary. */
  toInfo(): TrainingErrorInfo {
    return { message: this.localized };
  }
}

function isLocalized(v: unknown): v is Localized {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Localized).en === 'string' &&
    typeof (v as Localized).zh === 'string'
  );
}

/**
 * Any thrown value as {@link TrainingErrorInfo}: a {@link TrainingError}'s own message, an error
 * carrying a Localized `localized` or `localizedMessage` field (PhantomSpecError, ModelStoreError,
 * StorageError…) or an English `message` with a `messageZh` (ImageDecodeError) as is, else the text wrapped in a
 * bilingual sentence that says where it happened (`context`) and keeps the original detail.
 */
export function toTrainingErrorInfo(error: unknown, context: Localized): TrainingErrorInfo {
  if (error instanceof TrainingError) return error.toInfo();
  const e = error as { localized?: unknown; localizedMessage?: unknown } | null;
  for (const own of [e?.localized, e?.localizedMessage]) if (isLocalized(own)) return { message: own };
  const zh = (error as { messageZh?: unknown } | null)?.messageZh; // ImageDecodeError's form
  if (error instanceof Error && typeof zh === 'string') return { message: { en: error.message, zh } };
  const detail = error instanceof Error ? error.message : String(error);
  return { message: { en: `${context.en}: ${detail}`, zh: `${context.zh}：${detail}` } };
}

/**
 * Types of the lesson engine: a lesson is plain, typed data (DESIGN.md "lessons/<id>/").
 * Views live in `src/ui` and widgets in `src/lessons`; nothing here knows about React.
 */

/** The two languages every text ships in. `zh` is Simplified Chinese (BCP 47 `zh-Hans`). */
export type Lang = 'en' | 'zh';

/** All supported languages, in the order the language switch shows them. */
export const LANGS: readonly Lang[] = ['en', 'zh'];

/** A text in every language: the compiler refuses a lesson that lacks one. */
export interface Localized {
  en: string;
  zh: string;
}

/** What every kind of parameter has. */
interface ParamBase {
  /**
   * When true the generic parameter controls leave this parameter out: the step's widget shows
   * its own control for it (a kernel grid, a play button). It is still in the URL.
   */
  hidden?: boolean;
  /**
   * When true, moving to another step that has this parameter keeps its value (a saved model
   * opened from a link stays open from step to step); otherwise each step opens with its default.
   */
  carry?: boolean;
}

/** A numeric parameter of a step: a slider or a number field. `default` lies on the grid `min + k·step`. */
export interface NumberParamDef extends ParamBase {
  kind: 'number';
  /** URL key; must not be `step`. */
  id: string;
  label: Localized;
  min: number;
  max: number;
  /** Grid spacing (> 0); values are snapped to `min + k·step`. */
  step: number;
  default: number;
}

/** One choice of an {@link EnumParamDef}. */
export interface EnumOption {
  value: string;
  label: Localized;
}

/** A parameter with a fixed set of values: a select or a radio group. */
export interface EnumParamDef extends ParamBase {
  kind: 'enum';
  /** URL key; must not be `step`. */
  id: string;
  label: Localized;
  options: readonly EnumOption[];
  default: string;
}

/**
 * A short text a widget encodes its state in (e.g. a kernel's weights, `1,0,-1,2,0,-2,1,0,-1`).
 * A URL value is kept only when it is at most `maxLength` characters long and matches `pattern`
 * in full; anything else falls back to `default` (which must itself match). Always `hidden`:
 * the widget edits it.
 */
export interface TextParamDef extends ParamBase {
  kind: 'text';
  /** URL key; must not be `step`. */
  id: string;
  label: Localized;
  /** A regular expression the whole value must match (anchors are added). */
  pattern: string;
  maxLength: number;
  default: string;
  hidden: true;
}

/** A step parameter: everything a link must reproduce besides the step itself. */
export type ParamDef = NumberParamDef | EnumParamDef | TextParamDef;

/** Current values of a step's parameters, by parameter id. */
export type ParamValues = Readonly<Record<string, number | string>>;

/** A multiple-choice question with exactly one correct option. */
export interface ChoiceQuestion {
  kind: 'choice';
  id: string;
  prompt: Localized;
  options: readonly { id: string; text: Localized }[];
  /** The id of the correct option. */
  correct: string;
  explanation: Localized;
}

/**
 * A question answered with a number. An answer `x` is correct when `|x − answer| ≤ tolerance`
 * (plus a few ulps so that decimal inputs such as 0.3 for 0.1 + 0.2 are not rejected).
 */
export interface NumericQuestion {
  kind: 'numeric';
  id: string;
  prompt: Localized;
  /** Computed from the lesson's data, never typed in (DESIGN.md). */
  answer: number;
  /** Absolute tolerance, ≥ 0. */
  tolerance: number;
  unit?: Localized;
  explanation: Localized;
}

/** Any quiz question. */
export type QuizQuestion = ChoiceQuestion | NumericQuestion;

/** A quiz attached to a step. */
export interface QuizDef {
  questions: readonly QuizQuestion[];
}

/** One step of a lesson: one concept, one widget. */
export interface StepDef {
  /** Stable id within the lesson. */
  id: string;
  title: Localized;
  /** Markdown-ish text (paragraphs, `- ` bullets, `**bold**`): see {@link parseRichText}. */
  body: Localized;
  /** Key in the widget registry of `src/lessons` (e.g. `text`). */
  widget: string;
  params: readonly ParamDef[];
  /** Notes for the instructor; hidden unless the user turns them on. */
  notes: Localized;
  quiz?: QuizDef;
}

/** A whole lesson, as data. */
export interface LessonDef {
  id: string;
  title: Localized;
  summary: Localized;
  /** Estimated time to work through it, in minutes. */
  minutes: number;
  steps: readonly StepDef[];
}

/**
 * What the catalogue knows of a built lesson without loading it: its texts, time and shape. The
 * {@link LessonDef} takes `title`, `summary` and `minutes` from it; a unit test checks that
 * `stepCount` and `questionIds` match the lesson's steps and quiz.
 */
export interface LessonMeta {
  id: string;
  title: Localized;
  summary: Localized;
  /** Estimated time to work through it, in minutes. */
  minutes: number;
  /** `steps.length` of the lesson. */
  stepCount: number;
  /** The ids of all quiz questions of the lesson, in step order. */
  questionIds: readonly string[];
}

/** Where a learner is in a lesson; `step` is 0-based here and 1-based in the URL. */
export interface LessonState {
  step: number;
  params: ParamValues;
}

/**
 * The state of the `#/zoo` page's run panel, kept in the URL so that a link reopens the same run:
 * `#/zoo?model=unet&src=chest-ct-nodule&cx=300&cy=220` or `#/zoo?model=dae&src=phantom&seed=7&ex=1`.
 *
 * | key    | value                                                   | default            |
 * |--------|---------------------------------------------------------|--------------------|
 * | `model`| a zoo model id                                          | `tiny-vgg`         |
 * | `user` | the name of a model trained in the browser (IndexedDB); overrides `model` | none |
 * | `src`  | a gallery sample id, `own` (the learner's file), `phantom` (zoo models only) | `chest-ct-nodule` |
 * | `cx`,`cy` | crop centre, source column and row (both or neither) | the sample's lesion, else the slice centre |
 * | `seed` | phantom seed, a whole number 0…2³¹−1                     | 7                  |
 * | `ex`   | phantom example index 0…{@link PHANTOM_EXAMPLES}−1        | 1                  |
 *
 * Unknown or malformed values fall back to the default (parsing never throws). A model trained in
 * the browser has no phantom task, so `src=phantom` with `user` falls back to the default source.
 */
import { formatQuery, queryValue } from '../../core/lessons/route';
import { validateModelName } from '../../core/training/modelFiles';
import { getZooModel } from '../../core/models/zooCatalog';
import type { ZooModelId, ZooTaskId } from '../../core/models/zooTypes';
import { LESSON_SAMPLES } from '../../lessons/radiology-images/radiologyImagesParams';
import { OWN_SLICE } from '../../lessons/shared/lessonSlice';

/** The `src` value that selects a generated phantom example. */
export const PHANTOM_SOURCE = 'phantom';
/** How many phantom examples of a seed the page offers (labels cycle through the classes). */
export const PHANTOM_EXAMPLES = 8;
/** Largest seed (the phantoms' seeds are 32-bit). */
const MAX_SEED = 2 ** 31 - 1;
/** Largest image side a crop centre can name (as the lesson's `cx`/`cy`). */
const MAX_SIDE = 4096;

/** The run panel's state. */
export interface ZooQuery {
  model: ZooModelId;
  /** A model trained in the browser, by its stored name: shown instead of `model` when set. */
  user?: string;
  source: string;
  /** Crop centre in source pixels, or undefined for automatic. */
  centre?: { row: number; column: number };
  seed: number;
  example: number;
}

/** The state of a bare `#/zoo`. */
export const DEFAULT_ZOO_QUERY: ZooQuery = {
  model: 'tiny-vgg',
  source: 'chest-ct-nodule',
  seed: 7,
  example: 1,
};

const SOURCES: readonly string[] = [...LESSON_SAMPLES.map((s) => s.value), OWN_SLICE, PHANTOM_SOURCE];

function wholeNumber(s: string | undefined, min: number, max: number): number | undefined {
  if (s === undefined || !/^\d{1,10}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= min && n <= max ? n : undefined;
}

/** Reads the run panel's state from a parsed query (see the module comment). */
export function parseZooQuery(query: Readonly<Record<string, string>>): ZooQuery {
  const model = getZooModel(queryValue(query, 'model') ?? '')?.id ?? DEFAULT_ZOO_QUERY.model;
  const userValue = queryValue(query, 'user');
  const user = userValue !== undefined && validateModelName(userValue) === null ? userValue : undefined;
  const src = queryValue(query, 'src');
  const source =
    src !== undefined && SOURCES.includes(src) && !(user !== undefined && src === PHANTOM_SOURCE)
      ? src
      : DEFAULT_ZOO_QUERY.source;
  const column = wholeNumber(queryValue(query, 'cx'), 0, MAX_SIDE - 1);
  const row = wholeNumber(queryValue(query, 'cy'), 0, MAX_SIDE - 1);
  const seed = wholeNumber(queryValue(query, 'seed'), 0, MAX_SEED) ?? DEFAULT_ZOO_QUERY.seed;
  const example = wholeNumber(queryValue(query, 'ex'), 0, PHANTOM_EXAMPLES - 1) ?? DEFAULT_ZOO_QUERY.example;
  return {
    model,
    ...(user !== undefined ? { user } : {}),
    source,
    ...(row !== undefined && column !== undefined ? { centre: { row, column } } : {}),
    seed,
    example,
  };
}

/** The hash of a state: only the values that differ from the defaults are written. */
export function formatZooHash(q: ZooQuery): string {
  const out: Record<string, string> = {};
  if (q.user !== undefined) out.user = q.user;
  else if (q.model !== DEFAULT_ZOO_QUERY.model) out.model = q.model;
  if (q.source !== DEFAULT_ZOO_QUERY.source) out.src = q.source;
  if (q.centre && q.source !== PHANTOM_SOURCE) {
    out.cx = String(q.centre.column);
    out.cy = String(q.centre.row);
  }
  if (q.source === PHANTOM_SOURCE) {
    if (q.seed !== DEFAULT_ZOO_QUERY.seed) out.seed = String(q.seed);
    if (q.example !== DEFAULT_ZOO_QUERY.example) out.ex = String(q.example);
  }
  const s = formatQuery(out);
  return s === '' ? '#/zoo' : `#/zoo?${s}`;
}

/** The page's link that runs the model trained in the browser called `name`. */
export function userZooHash(name: string): string {
  return formatZooHash({ ...DEFAULT_ZOO_QUERY, user: name });
}

/** The gallery sample that suits a task: chest CT with a nodule for the lung tasks, head CT with a bleed. */
export function suggestedSample(task: ZooTaskId | undefined): string {
  switch (task) {
    case 'haemorrhage':
      return 'head-ct-haemorrhage';
    case 'region':
      return 'chest-ct-normal';
    default:
      return 'chest-ct-nodule';
  }
}

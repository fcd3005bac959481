/**
 * The built lessons. Each lesson's {@link LessonDef} (steps, texts, quiz and the data and maths
 * modules they import) is its own chunk, loaded when its route opens, so the first visit stays light
 * and does not grow as lessons are added. What the catalogue needs up front is in {@link lessonMetas}.
 */
import { isLessonId, type LessonId } from '../core/lessons/lessonIds';
import type { LessonDef, LessonMeta } from '../core/lessons/types';
import { aiMlDlMeta } from './ai-ml-dl/aiMlDlMeta';
import { backpropSgdMeta } from './backprop-sgd/backpropSgdMeta';
import { radiologyImagesMeta } from './radiology-images/radiologyImagesMeta';
import { neuronsMeta } from './neurons/neuronsMeta';
import { convolutionMeta } from './convolution/convolutionMeta';
import { activationPoolingMeta } from './activation-pooling/activationPoolingMeta';
import { cnnArchitectureMeta } from './cnn-architecture/cnnArchitectureMeta';
import { trainClassifierMeta } from './train-classifier/trainClassifierMeta';

/** A function that loads one lesson's chunk and returns its definition. */
export type LessonLoader = () => Promise<LessonDef>;

/** The lessons that are built, by id. A lesson id absent here is shown as "coming soon". */
export const lessonLoaders: Readonly<Partial<Record<LessonId, LessonLoader>>> = {
  'radiology-images': () => import('./radiology-images/radiologyImages').then((m) => m.radiologyImages),
  'ai-ml-dl': () => import('./ai-ml-dl/aiMlDl').then((m) => m.aiMlDl),
  neurons: () => import('./neurons/neurons').then((m) => m.neurons),
  convolution: () => import('./convolution/convolution').then((m) => m.convolution),
  'activation-pooling': () =>
    import('./activation-pooling/activationPooling').then((m) => m.activationPooling),
  'cnn-architecture': () => import('./cnn-architecture/cnnArchitecture').then((m) => m.cnnArchitecture),
  'backprop-sgd': () => import('./backprop-sgd/backpropSgd').then((m) => m.backpropSgd),
  'train-classifier': () => import('./train-classifier/trainClassifier').then((m) => m.trainClassifier),
};

/** The eager metadata of every built lesson (same keys as {@link lessonLoaders}). */
export const lessonMetas: Readonly<Partial<Record<LessonId, LessonMeta>>> = {
  'radiology-images': radiologyImagesMeta,
  'ai-ml-dl': aiMlDlMeta,
  neurons: neuronsMeta,
  convolution: convolutionMeta,
  'activation-pooling': activationPoolingMeta,
  'cnn-architecture': cnnArchitectureMeta,
  'backprop-sgd': backpropSgdMeta,
  'train-classifier': trainClassifierMeta,
};

const loaded = new Map<LessonId, LessonDef>();
const pending = new Map<LessonId, Promise<LessonDef>>();

function builtId(id: string): LessonId | undefined {
  return isLessonId(id) && lessonLoaders[id] !== undefined ? id : undefined;
}

/** True when the lesson with this id is built (it may not be loaded yet). */
export function isBuiltLesson(id: string): boolean {
  return builtId(id) !== undefined;
}

/** The metadata of the built lesson with this id, or `undefined`. */
export function getLessonMeta(id: string): LessonMeta | undefined {
  const known = builtId(id);
  return known === undefined ? undefined : lessonMetas[known];
}

/** The built lesson with this id if its chunk has already been loaded, else `undefined`. */
export function getLoadedLesson(id: string): LessonDef | undefined {
  const known = builtId(id);
  return known === undefined ? undefined : loaded.get(known);
}

/**
 * Loads the built lesson with this id (once; later calls share the result). Resolves to
 * `undefined` for an id that is not built; rejects when the chunk cannot be fetched, and a later
 * call tries again.
 */
export function loadLesson(id: string): Promise<LessonDef | undefined> {
  const known = builtId(id);
  const loader = known === undefined ? undefined : lessonLoaders[known];
  if (known === undefined || loader === undefined) return Promise.resolve(undefined);
  const done = loaded.get(known);
  if (done) return Promise.resolve(done);
  let promise = pending.get(known);
  if (!promise) {
    promise = loader().then(
      (lesson) => {
        loaded.set(known, lesson);
        pending.delete(known);
        return lesson;
      },
      (error: unknown) => {
        pending.delete(known);
        throw error;
      },
    );
    pending.set(known, promise);
  }
  return promise;
}

/** Loads every built lesson (for tests and tools); resolves to them by id. */
export async function loadAllLessons(): Promise<Readonly<Partial<Record<LessonId, LessonDef>>>> {
  const ids = Object.keys(lessonLoaders).filter(isLessonId);
  const lessons = await Promise.all(ids.map((id) => loadLesson(id)));
  const out: Partial<Record<LessonId, LessonDef>> = {};
  ids.forEach((id, i) => {
    const lesson = lessons[i];
    if (lesson) out[id] = lesson;
  });
  return out;
}

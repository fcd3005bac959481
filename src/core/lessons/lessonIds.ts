/** The twelve lesson ids of DESIGN.md, in teaching order. They appear in URLs: never rename one. */
export const LESSON_IDS = [
  'radiology-images',
  'ai-ml-dl',
  'neurons',
  'convolution',
  'activation-pooling',
  'cnn-architecture',
  'backprop-sgd',
  'train-classifier',
  'transfer-learning',
  'off-the-shelf-features',
  'radiology-tasks',
  'pitfalls',
] as const;

/** A known lesson id. */
export type LessonId = (typeof LESSON_IDS)[number];

/** True when `id` is one of {@link LESSON_IDS}. */
export function isLessonId(id: string): id is LessonId {
  return (LESSON_IDS as readonly string[]).includes(id);
}

import type { LessonId } from '../core/lessons/lessonIds';
import type { LessonDef } from '../core/lessons/types';
import { aiMlDl } from './ai-ml-dl/aiMlDl';
import { backpropSgd } from './backprop-sgd/backpropSgd';
import { radiologyImages } from './radiology-images/radiologyImages';

/** The lessons that are built. A lesson id absent here is shown as "coming soon". */
export const lessonRegistry: Readonly<Partial<Record<LessonId, LessonDef>>> = {
  'radiology-images': radiologyImages,
  'ai-ml-dl': aiMlDl,
  'backprop-sgd': backpropSgd,
};

/** The built lesson with this id, or `undefined`. */
export function getLesson(id: string): LessonDef | undefined {
  return Object.prototype.hasOwnProperty.call(lessonRegistry, id)
    ? lessonRegistry[id as LessonId]
    : undefined;
}

import type { ExampleCam } from '../../core/training/trainingTypes';

/** Key of a class-activation map in the training store's `cams`. */
export function camKey(index: number, classIndex: number, method: ExampleCam['method'] = 'grad-cam'): string {
  return `${index}:${classIndex}:${method}`;
}

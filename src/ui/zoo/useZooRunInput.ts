/**
 * The input of the `#/zoo` run panel: a slice (gallery sample or the learner's file) prepared for
 * the model around a crop centre, or a phantom example generated for the model's task
 * (`makeZooTaskSet`, already windowed and sized for the model, with its ground truth).
 */
import { useMemo } from 'react';
import { makeZooTaskSet } from '../../core/datasets/zooTasks';
import type { ZooModelDef, ZooTaskId } from '../../core/models/zooTypes';
import { sampleLesionCentre } from '../../lessons/cnn-architecture/lesionCentre';
import {
  OWN_SLICE,
  useLessonSlice,
  type LessonSlice,
  type LessonSliceState,
} from '../../lessons/shared/lessonSlice';
import { prepareZooInput, type ZooInput } from './prepareZooInput';
import { PHANTOM_SOURCE, type ZooQuery } from './zooQuery';

/** How the crop centre was chosen. */
export type CentreMode = 'lesion' | 'middle' | 'chosen';

/** A phantom example for the model's task. */
export interface PhantomExample {
  /** size² values in 0…1: the model's input. */
  input: Float32Array;
  size: number;
  /** Class index (classifiers), or 1 when the example holds a lesion. */
  label: number;
  /** The true mask (segmentation) or the noise-free image in 0…1 (denoising); null for classifiers. */
  target: Float32Array | null;
  seed: number;
  example: number;
}

/** What {@link useZooRunInput} returns. */
export type ZooRunInput =
  | {
      kind: 'slice';
      state: LessonSliceState;
      slice?: LessonSlice;
      prepared?: ZooInput;
      /** The centre used (source pixels). */
      centre?: { row: number; column: number };
      centreMode: CentreMode;
      input?: Float32Array;
    }
  | { kind: 'phantom'; example?: PhantomExample; error?: string; input?: Float32Array };

/** Example `index` of the set `seed` of `def`'s task (the first index + 1 examples are generated). */
export function phantomExample(def: { task: ZooTaskId }, seed: number, index: number): PhantomExample {
  const set = makeZooTaskSet(def.task, seed, index + 1);
  const n = set.size * set.size;
  return {
    input: set.inputs.slice(index * n, (index + 1) * n),
    size: set.size,
    label: set.labels[index]!,
    target: set.targets ? set.targets.slice(index * n, (index + 1) * n) : null,
    seed,
    example: index,
  };
}

/**
 * The run panel's input for the state `query` and model `def`. With `ready` false (a model trained
 * in the browser whose record has not loaded yet: its preprocessing is unknown) the slice loads but
 * nothing is prepared. A model without a phantom task (trained in the browser) gets no phantom.
 */
export function useZooRunInput(query: ZooQuery, def: ZooModelDef, ready = true): ZooRunInput {
  const phantom = query.source === PHANTOM_SOURCE;
  // A phantom needs no slice: ask for the learner's file, which loads nothing.
  const state = useLessonSlice(phantom ? OWN_SLICE : query.source);
  const slice = state.status === 'ready' ? state.slice : undefined;
  const lesion = useMemo(
    () => (phantom || query.centre ? undefined : sampleLesionCentre(query.source)),
    [phantom, query.centre, query.source],
  );
  const centre = query.centre ?? lesion;
  const prepared = useMemo(
    () => (slice && !phantom && ready ? prepareZooInput(slice, def, centre) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the centre's coordinates, not its identity
    [slice, def, phantom, ready, centre?.row, centre?.column],
  );
  const example = useMemo((): { example?: PhantomExample; error?: string } => {
    if (!phantom) return {};
    try {
      const task = def.task;
      if (!task)
        throw new Error(`${def.name.en} has no phantom task: run it on a sample or on your own file.`);
      return { example: phantomExample({ task }, query.seed, query.example) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [phantom, def, query.seed, query.example]);

  if (phantom) {
    return { kind: 'phantom', ...example, ...(example.example ? { input: example.example.input } : {}) };
  }
  const used =
    centre ??
    (slice ? { row: Math.floor(slice.height / 2), column: Math.floor(slice.width / 2) } : undefined);
  return {
    kind: 'slice',
    state,
    ...(slice ? { slice } : {}),
    ...(prepared ? { prepared, input: prepared.input } : {}),
    ...(used ? { centre: used } : {}),
    centreMode: query.centre ? 'chosen' : lesion ? 'lesion' : 'middle',
  };
}

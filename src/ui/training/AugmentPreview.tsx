import './training.css';
import { useMemo, useState } from 'react';
import type { Lang } from '../../core/lessons/types';
import type { ImageDataset } from '../../core/datasets/imageDataset';
import { createRng } from '../../core/imaging/phantoms/random';
import { augmentImage } from '../../core/training/augment';
import type { AugmentSpec } from '../../core/training/trainingTypes';
import { SampleImage } from './SampleGrid';
import { fill, previewTexts as T } from './trainingTexts';

/** Augmented versions shown per image. */
export const PREVIEW_VERSIONS = 8;

/** The first image of each class (at most `max`), by dataset index. */
export function previewIndices(labels: Int32Array, classes: number, max: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < classes && out.length < max; k++) {
    const i = labels.indexOf(k);
    if (i >= 0) out.push(i);
  }
  return out;
}

/**
 * `versions` augmented copies of each image (`size²` values each), drawn from one generator
 * seeded with `seed`, image by image: the same seed gives the same grid.
 */
export function augmentPreview(
  dataset: ImageDataset,
  indices: readonly number[],
  spec: AugmentSpec,
  seed: number,
  versions = PREVIEW_VERSIONS,
): Float32Array[][] {
  const n = dataset.size * dataset.size;
  const rng = createRng(seed);
  return indices.map((i) => {
    const src = dataset.images.subarray(i * n, (i + 1) * n);
    return Array.from({ length: versions }, () => {
      const out = new Float32Array(n);
      augmentImage(src, dataset.size, spec, rng, out);
      return out;
    });
  });
}

function isOff(a: AugmentSpec): boolean {
  return !a.flip && a.rotateDeg === 0 && a.shiftPx < 1 && a.intensity === 0 && a.noise === 0;
}

/**
 * One training image per class (up to `images`) and 8 augmented versions of each, computed on the
 * page (cheap at these sizes), seeded; the button draws new ones.
 */
export function AugmentPreview({
  dataset,
  indices,
  spec,
  lang,
  images = 2,
}: {
  dataset: ImageDataset | null;
  /** The images to augment (dataset indices); default the first image of each class. */
  indices?: readonly number[];
  spec: AugmentSpec;
  lang: Lang;
  images?: number;
}) {
  const [seed, setSeed] = useState(1);
  const chosen = useMemo(
    () => (dataset ? (indices ?? previewIndices(dataset.labels, dataset.classNames.length, images)) : []),
    [dataset, indices, images],
  );
  const grid = useMemo(
    () => (dataset ? augmentPreview(dataset, chosen, spec, seed) : []),
    [dataset, chosen, spec, seed],
  );
  const originals = useMemo(() => {
    const n = dataset ? dataset.size * dataset.size : 0;
    return chosen.map((i) => dataset?.images.subarray(i * n, (i + 1) * n) ?? new Float32Array(0));
  }, [dataset, chosen]);
  if (!dataset) return <p className="hint">{T.noData[lang]}</p>;
  return (
    <figure className="training-augment-preview" data-testid="augment-preview" data-seed={seed}>
      <figcaption>
        {T.title[lang]}{' '}
        <button
          type="button"
          className="button button--quiet"
          data-testid="augment-reroll"
          onClick={() => setSeed((s) => s + 1)}
        >
          {T.reroll[lang]}
        </button>
      </figcaption>
      {isOff(spec) && <p className="hint">{T.off[lang]}</p>}
      {chosen.map((i, row) => {
        const className = dataset.classNames[dataset.labels[i] ?? 0]?.[lang] ?? '';
        return (
          <div className="training-samples__row" key={i}>
            <SampleImage
              values={originals[row]!}
              size={dataset.size}
              label={fill(T.original[lang], { className })}
            />
            {(grid[row] ?? []).map((values, v) => (
              <SampleImage
                key={v}
                values={values}
                size={dataset.size}
                label={fill(T.version[lang], { n: v + 1, className })}
              />
            ))}
          </div>
        );
      })}
    </figure>
  );
}

import './training.css';
import { useMemo } from 'react';
import type { Lang } from '../../core/lessons/types';
import type { ImageDataset } from '../../core/datasets/imageDataset';
import { MapCanvas } from '../../lessons/shared/MapCanvas';
import { fill, sampleTexts as T } from './trainingTexts';

/** The first `perClass` image indices of each class, in label order. */
export function samplesPerClass(labels: Int32Array, classes: number, perClass: number): number[][] {
  const out: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const row = out[labels[i] ?? -1];
    if (row && row.length < perClass) row.push(i);
  }
  return out;
}

/** One square grey image (values 0…1, `size` × `size`) of a sample grid, 72 px wide. */
export function SampleImage({
  values,
  size,
  label,
}: {
  values: ArrayLike<number>;
  size: number;
  label: string;
}) {
  return (
    <MapCanvas
      values={values}
      width={size}
      height={size}
      scale="gray"
      range={[0, 1]}
      displayWidth={72}
      label={label}
    />
  );
}

/** A grid of sample images per class (grey, 0…1), each row labelled with its class. */
export function SampleGrid({
  dataset,
  perClass = 6,
  lang,
}: {
  dataset: ImageDataset;
  perClass?: number;
  lang: Lang;
}) {
  // Stable views of the images, so the canvases redraw only when the data changes.
  const rows = useMemo(() => {
    const n = dataset.size * dataset.size;
    return samplesPerClass(dataset.labels, dataset.classNames.length, perClass).map((indices) =>
      indices.map((i) => ({ i, values: dataset.images.subarray(i * n, (i + 1) * n) })),
    );
  }, [dataset, perClass]);
  return (
    <figure className="training-samples" data-testid="sample-grid">
      <figcaption>{T.title[lang]}</figcaption>
      {rows.map((indices, k) => {
        const className = dataset.classNames[k]?.[lang] ?? String(k);
        return (
          <div className="training-samples__row" key={k}>
            <span className="training-samples__label">{className}</span>
            {indices.map(({ i, values }, j) => (
              <SampleImage
                key={i}
                values={values}
                size={dataset.size}
                label={fill(T.image[lang], { className, index: j + 1 })}
              />
            ))}
          </div>
        );
      })}
    </figure>
  );
}

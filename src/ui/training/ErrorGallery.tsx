import { useEffect, useId, useRef, useState } from 'react';
import type { ImageDataset } from '../../core/datasets/imageDataset';
import type { Lang } from '../../core/lessons/types';
import type { Evaluation, ExampleCam } from '../../core/training/trainingTypes';
import { drawOverlay, maxOf, OpacitySlider } from '../../lessons/cnn-architecture/CamParts';
import { MapCanvas } from '../../lessons/shared/MapCanvas';
import { formatPercent, formatProbability } from '../zoo/zooFormat';
import { camKey } from './camKey';

type CamMethod = ExampleCam['method'];
/** The maps the gallery offers (core/models/gradCam.ts `CamMethod`). */
const CAM_METHODS: readonly CamMethod[] = ['grad-cam', 'hires-cam'];
const METHOD_NAMES: Record<CamMethod, string> = { 'grad-cam': 'Grad-CAM', 'hires-cam': 'HiResCAM' };
import { errorText, galleryTexts as T } from './evaluationTexts';

export { camKey };

/** The false positives and false negatives at a threshold, as rows of the evaluation. */
export interface GalleryErrors {
  /** Negatives with score ≥ threshold, highest score first (most confident first). */
  falsePositives: number[];
  /** Positives with score < threshold, lowest score first (most confident first). */
  falseNegatives: number[];
}

/**
 * The mistakes at `threshold` when every score ≥ it is called positive (the rule of
 * `confusionAt`, so the lists have its FP and FN counts), most confident first; ties keep the
 * evaluation's order.
 */
export function galleryErrors(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
): GalleryErrors {
  const fp: number[] = [];
  const fn: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const called = (scores[i] as number) >= threshold;
    if (called && labels[i] === 0) fp.push(i);
    else if (!called && labels[i] === 1) fn.push(i);
  }
  const s = (i: number): number => scores[i] as number;
  fp.sort((a, b) => s(b) - s(a) || a - b);
  fn.sort((a, b) => s(a) - s(b) || a - b);
  return { falsePositives: fp, falseNegatives: fn };
}

/** An image in grey with a Grad-CAM heat map over it (CamParts' `drawOverlay`: viridis at an opacity). */
function OverlayCanvas({
  image,
  heat,
  size,
  opacity,
  label,
}: {
  image: Float32Array;
  heat: Float32Array;
  size: number;
  opacity: number;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => drawOverlay(canvas.current, image, heat, size, opacity), [image, heat, size, opacity]);
  return (
    <div className="map-canvas" style={{ width: 96, aspectRatio: '1 / 1' }}>
      <canvas
        ref={canvas}
        className="map-canvas__canvas"
        role="img"
        aria-label={label}
        data-testid="gallery-cam"
        data-max={maxOf(heat)}
      />
    </div>
  );
}

/**
 * The false positives and false negatives at the threshold (one-vs-rest for `positiveClass`),
 * most confident first, up to `limit` of each: each image in grey with its true class and its
 * probability of the positive class; on demand, the Grad-CAM map of the positive class over each
 * shown image (asked for with `onGradCam(datasetIndices, positiveClass)`, read from `cams`).
 */
export function ErrorGallery({
  evaluation,
  dataset,
  scores,
  labels,
  threshold,
  positiveClass,
  classNames,
  cams,
  onGradCam,
  lang,
  limit = 12,
}: {
  evaluation: Evaluation;
  /** The images; null when they are not on the page (the gallery then says so). */
  dataset: ImageDataset | null;
  scores: Float32Array;
  labels: Uint8Array;
  threshold: number;
  positiveClass: number;
  classNames: readonly string[];
  cams: Readonly<Record<string, ExampleCam>>;
  onGradCam(indices: readonly number[], classIndex: number, method: CamMethod): void | Promise<void>;
  lang: Lang;
  limit?: number;
}) {
  const id = useId();
  const [opacity, setOpacity] = useState(0.5);
  const [showCam, setShowCam] = useState(true);
  const [method, setMethod] = useState<CamMethod>('grad-cam');
  const camOf = (index: number) => cams[camKey(index, positiveClass, method)];
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errors = galleryErrors(scores, labels, threshold);
  const positive = classNames[positiveClass] ?? String(positiveClass);
  const groups = [
    {
      key: 'fp',
      rows: errors.falsePositives,
      title: T.falsePositives[lang](errors.falsePositives.length, positive),
    },
    {
      key: 'fn',
      rows: errors.falseNegatives,
      title: T.falseNegatives[lang](errors.falseNegatives.length, positive),
    },
  ];
  const shownIndices = groups.flatMap((g) =>
    g.rows.slice(0, limit).map((r) => evaluation.indices[r] as number),
  );
  const missing = shownIndices.filter((i) => !camOf(i));
  const withCam = shownIndices.filter((i) => camOf(i));
  const anyCam = withCam.length > 0;
  const zeroCams = withCam.filter((i) => maxOf(camOf(i)!.map) <= 0).length;
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const askCams = async (): Promise<void> => {
    setRunning(true);
    setError(null);
    try {
      await onGradCam(missing, positiveClass, method);
    } catch (e) {
      if (live.current) setError(errorText(e, T.camFailed)[lang]);
    } finally {
      if (live.current) setRunning(false);
    }
  };

  const size = dataset?.size ?? 0;
  return (
    <section className="error-gallery" data-testid="error-gallery">
      <h4>{T.title[lang]}</h4>
      <p className="hint">{T.order[lang]}</p>
      {groups.map((g) => (
        <div
          key={g.key}
          className="error-gallery__group"
          data-testid={`gallery-${g.key}`}
          data-count={g.rows.length}
        >
          <h5>{g.title}</h5>
          {g.rows.length === 0 ? (
            <p>{T.none[lang]}</p>
          ) : (
            <>
              {g.rows.length > limit && <p className="hint">{T.showing[lang](limit, g.rows.length)}</p>}
              <ul className="error-gallery__list">
                {g.rows.slice(0, limit).map((row) => {
                  const index = evaluation.indices[row] as number;
                  const truth = classNames[evaluation.labels[row] as number] ?? '';
                  const p = scores[row] as number;
                  const label = T.item[lang](index, truth, positive, formatProbability(p));
                  const image = dataset
                    ? dataset.images.subarray(index * size * size, (index + 1) * size * size)
                    : null;
                  const cam = camOf(index);
                  return (
                    <li key={row} data-testid="gallery-item" data-index={index} data-row={row} data-score={p}>
                      {image &&
                        (cam && showCam ? (
                          <OverlayCanvas
                            image={image}
                            heat={cam.map}
                            size={size}
                            opacity={opacity}
                            label={T.itemCam[lang](index, positive, METHOD_NAMES[method])}
                          />
                        ) : (
                          <MapCanvas
                            values={image}
                            width={size}
                            height={size}
                            scale="gray"
                            range={[0, 1]}
                            label={label}
                            displayWidth={96}
                          />
                        ))}
                      <span className="error-gallery__caption">
                        {truth} · {formatPercent(p)}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
      ))}
      {dataset && shownIndices.length > 0 && (
        <div className="error-gallery__cam">
          <fieldset className="error-gallery__method" data-testid="gallery-cam-method">
            <legend>{T.method[lang]}</legend>
            {CAM_METHODS.map((m) => (
              <label key={m}>
                <input
                  type="radio"
                  name={`${id}-method`}
                  value={m}
                  checked={method === m}
                  data-testid={`gallery-method-${m}`}
                  onChange={() => setMethod(m)}
                />{' '}
                {T.methods[m][lang]}
              </label>
            ))}
          </fieldset>
          {missing.length > 0 && (
            <button
              type="button"
              className="button"
              disabled={running}
              data-testid="gallery-gradcam"
              onClick={() => void askCams()}
            >
              {running ? T.camRunning[lang] : T.cam[lang]}
            </button>
          )}
          {anyCam && (
            <>
              <p className="hint">{T.camNote[method][lang](positive)}</p>
              {zeroCams > 0 && (
                <p className="hint" data-testid="gallery-cam-zero" data-count={zeroCams}>
                  {T.camZero[lang](zeroCams, withCam.length, positive)}
                </p>
              )}
              <label>
                <input
                  type="checkbox"
                  checked={showCam}
                  data-testid="gallery-cam-toggle"
                  onChange={(e) => setShowCam(e.target.checked)}
                />{' '}
                {T.camShow[lang]}
              </label>{' '}
              <OpacitySlider
                id={`${id}-opacity`}
                label={T.camOpacity[lang]}
                value={opacity}
                onChange={setOpacity}
                testId="gallery-opacity"
              />
            </>
          )}
          {error && (
            <p role="alert" className="widget-error">
              {error}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

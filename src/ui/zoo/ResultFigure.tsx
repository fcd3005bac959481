import { useMemo, type ReactNode } from 'react';
import type { Lang } from '../../core/lessons/types';
import type { ValueScale } from '../../core/viz/valuesToRgba';
import { ColourLegend, MapCanvas } from '../../lessons/shared/MapCanvas';
import { resultTexts as T } from './zooPageTexts';
import { MASK_THRESHOLD, maskContourPath, maskFillPath } from './zooResultMaths';
import './results.css';

/** Okabe–Ito colours (distinguishable with every common colour-vision deficiency). */
export const ORANGE = '#E69F00';
export const VERMILLION = '#D55E00';
export const SKY_BLUE = '#56B4E9';

/**
 * A 2-pixel outline (at any zoom) for a {@link ResultFigure} overlay, in image pixel units: solid,
 * or dashed for what is not the model's prediction (a true mask, a measuring region).
 */
export function Outline({
  d,
  colour,
  dashed = false,
  testId,
}: {
  /** SVG path data in image pixels. */
  d: string;
  colour: string;
  dashed?: boolean;
  testId?: string;
}) {
  return (
    <path
      d={d}
      fill="none"
      stroke={colour}
      strokeWidth={2}
      strokeDasharray={dashed ? '4 3' : undefined}
      vectorEffect="non-scaling-stroke"
      data-testid={testId}
    />
  );
}

/**
 * One square model-sized image (input, output, mask, map) with its caption above, drawn by
 * {@link MapCanvas}; `overlay` (SVG elements in image pixel units, e.g. {@link Outline}) is drawn
 * over the image, `legend` adds a colour bar with that label, `children` go under the image.
 * Shared by the `#/zoo` page and the `cnn-architecture` lesson.
 */
export function ResultFigure({
  caption,
  values,
  size,
  width,
  scale = 'gray',
  range = [0, 1],
  label = caption,
  testId,
  overlay,
  legend,
  children,
}: {
  caption: string;
  /** size × size values, row-major. */
  values: ArrayLike<number>;
  size: number;
  /** CSS width in pixels. */
  width: number;
  scale?: ValueScale;
  range?: readonly [number, number];
  /** The image's accessible name (default: the caption). */
  label?: string;
  testId?: string;
  overlay?: ReactNode;
  legend?: string;
  children?: ReactNode;
}) {
  return (
    <figure className="result-figure" style={{ width }}>
      <figcaption>{caption}</figcaption>
      <MapCanvas
        values={values}
        width={size}
        height={size}
        scale={scale}
        range={range}
        label={label}
        displayWidth={width}
        testId={testId}
      >
        {overlay && (
          <svg viewBox={`0 0 ${size} ${size}`} preserveAspectRatio="none" aria-hidden="true">
            {overlay}
          </svg>
        )}
      </MapCanvas>
      {legend && <ColourLegend scale={scale} range={range} label={legend} width={width} />}
      {children}
    </figure>
  );
}

/**
 * The thresholded mask (probability ≥ {@link MASK_THRESHOLD}) over the input: an orange
 * translucent fill with a vermillion outline, and the true mask, when known, as a dashed sky-blue
 * outline; a legend under the image. Test ids: `${testIdPrefix}-fill`, `-outline`, `-truth` on the
 * SVG paths (each path's `d` is empty for an empty mask).
 */
export function MaskFigure({
  input,
  mask,
  size,
  width,
  lang,
  truth,
  testIdPrefix,
  testId,
}: {
  /** The model input, size × size in 0…1. */
  input: ArrayLike<number>;
  /** 1 for a mask pixel, else 0 ({@link binaryMask}). */
  mask: ArrayLike<number>;
  size: number;
  width: number;
  lang: Lang;
  truth?: ArrayLike<number> | null;
  testIdPrefix: string;
  testId?: string;
}) {
  const paths = useMemo(
    () => ({
      fill: maskFillPath(mask, size),
      contour: maskContourPath(mask, size),
      truth: truth ? maskContourPath(truth, size) : null,
    }),
    [mask, size, truth],
  );
  const threshold = String(MASK_THRESHOLD);
  const overlay = (
    <>
      <path d={paths.fill} fill={ORANGE} fillOpacity={0.45} data-testid={`${testIdPrefix}-fill`} />
      <Outline d={paths.contour} colour={VERMILLION} testId={`${testIdPrefix}-outline`} />
      {paths.truth !== null && (
        <Outline d={paths.truth} colour={SKY_BLUE} dashed testId={`${testIdPrefix}-truth`} />
      )}
    </>
  );
  return (
    <ResultFigure
      caption={T.maskTitle[lang]}
      values={input}
      size={size}
      width={width}
      label={T.maskLabel[lang](threshold)}
      overlay={overlay}
      testId={testId}
    >
      <ul className="result-legend">
        <li>
          <span className="result-swatch" style={{ background: ORANGE, borderColor: VERMILLION }} />{' '}
          {T.maskLegendPred[lang](threshold)}
        </li>
        {paths.truth !== null && (
          <li>
            <span className="result-swatch result-swatch--dashed" style={{ borderColor: SKY_BLUE }} />{' '}
            {T.maskLegendTruth[lang]}
          </li>
        )}
      </ul>
    </ResultFigure>
  );
}

/** A segmentation model's probability per pixel (viridis, 0…1) with its colour bar. */
export function ProbabilityMapFigure({
  probabilities,
  size,
  width,
  lang,
}: {
  probabilities: ArrayLike<number>;
  size: number;
  width: number;
  lang: Lang;
}) {
  return (
    <ResultFigure
      caption={T.probMapTitle[lang]}
      values={probabilities}
      size={size}
      width={width}
      scale="viridis"
      label={T.probMapLabel[lang]}
      legend={T.probMapLabel[lang]}
    />
  );
}

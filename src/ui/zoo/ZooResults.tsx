import { useMemo } from 'react';
import type { Lang } from '../../core/lessons/types';
import { diceScore, psnr } from '../../core/training/zooMetrics';
import type { ForwardResult, ZooModelDef, ZooPreprocessing } from '../../core/models/zooTypes';
import { ColourLegend, MapCanvas } from '../../lessons/shared/MapCanvas';
import type { PhantomExample } from './useZooRunInput';
import { formatProbability, formatQuantity } from './zooFormat';
import { resultTexts as T, runTexts } from './zooPageTexts';
import {
  argmax,
  binaryMask,
  difference,
  FLAT_BLUR,
  FLAT_SIDE,
  flatRegionNoise,
  MASK_THRESHOLD,
  maskArea,
  maskContourPath,
  maskFillPath,
  standardDeviation,
  unitsToHu,
} from './zooResultMaths';

/** Okabe–Ito colours (distinguishable with every common colour-vision deficiency). */
const ORANGE = '#E69F00';
const VERMILLION = '#D55E00';
const SKY_BLUE = '#56B4E9';
/** CSS width of the result images. */
const VIEW = 208;
/** CSS width of each of the denoiser's four images (one row). */
const SMALL_VIEW = 176;

/** What every result view gets. */
export interface ResultProps {
  def: ZooModelDef;
  lang: Lang;
  result: ForwardResult;
  /** The model input (size² values in 0…1). */
  input: Float32Array;
  size: number;
  /** The side of a model pixel in mm. */
  pixelMm: number;
  /** The preprocessing actually applied (for HU conversions). */
  preprocessing: ZooPreprocessing;
  phantom?: PhantomExample;
}

function sep(lang: Lang): string {
  return lang === 'zh' ? '' : ' ';
}

/** Class probabilities as a table with bars, the predicted class, and the phantom's truth. */
export function ClassifierResult({ def, lang, result, phantom }: ResultProps) {
  const probs = result.prediction.values;
  const best = argmax(probs);
  let sum = 0;
  for (const p of probs) sum += p;
  const name = (i: number): string => def.classes[i]?.[lang] ?? String(i);
  return (
    <div data-testid="zoo-probs" data-sum={sum} data-predicted={best} className="zoo-result">
      <table className="data-table zoo-probs">
        <caption>{T.probabilities[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">{T.classCol[lang]}</th>
            <th scope="col">{T.probCol[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {[...probs].map((p, i) => (
            <tr
              key={i}
              data-testid={`zoo-prob-${i}`}
              data-p={p}
              className={i === best ? 'zoo-probs__best' : undefined}
            >
              <th scope="row">{name(i)}</th>
              <td>
                <span className="zoo-bar" aria-hidden="true">
                  <span
                    className="zoo-bar__fill"
                    style={{ width: `${Math.max(0, Math.min(1, p)) * 100}%` }}
                  />
                </span>{' '}
                {formatProbability(p)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="zoo-predicted">
        <strong>{T.predicted[lang](name(best), formatProbability(probs[best] ?? NaN))}</strong>
        {sep(lang)}
        <span className="hint">{T.sum[lang](sum.toFixed(4))}</span>
      </p>
      {phantom && (
        <p data-testid="zoo-truth" data-label={phantom.label}>
          {T.truth[lang](name(phantom.label))}
        </p>
      )}
    </div>
  );
}

/** The thresholded mask over the input (translucent fill and outline), the probability map, the area. */
export function MaskResult({ lang, result, input, size, pixelMm, phantom }: ResultProps) {
  const prob = result.prediction.values;
  const view = useMemo(() => {
    const mask = binaryMask(prob);
    const truth = phantom?.target ?? null;
    return {
      area: maskArea(mask, pixelMm),
      fill: maskFillPath(mask, size),
      contour: maskContourPath(mask, size),
      truth: truth
        ? {
            area: maskArea(truth, pixelMm),
            contour: maskContourPath(truth, size),
            dice: diceScore(prob, truth),
          }
        : null,
    };
  }, [prob, size, pixelMm, phantom]);
  const mm2 = (v: number): string => formatQuantity(v, 'mm²', 1);
  return (
    <div
      className="zoo-result"
      data-testid="zoo-mask"
      data-area-px={view.area.pixels}
      data-area-mm2={view.area.mm2}
      data-dice={view.truth?.dice ?? ''}
    >
      <div className="zoo-figures">
        <figure className="zoo-figure" style={{ width: VIEW }}>
          <figcaption>{T.maskTitle[lang]}</figcaption>
          <MapCanvas
            values={input}
            width={size}
            height={size}
            scale="gray"
            range={[0, 1]}
            label={T.maskLabel[lang](String(MASK_THRESHOLD))}
            displayWidth={VIEW}
            testId="zoo-mask-canvas"
          >
            <svg viewBox={`0 0 ${size} ${size}`} preserveAspectRatio="none" aria-hidden="true">
              <path d={view.fill} fill={ORANGE} fillOpacity={0.45} data-testid="zoo-mask-fill" />
              <path
                d={view.contour}
                fill="none"
                stroke={VERMILLION}
                strokeWidth={2}
                vectorEffect="non-scaling-stroke"
              />
              {view.truth && (
                <path
                  d={view.truth.contour}
                  fill="none"
                  stroke={SKY_BLUE}
                  strokeWidth={2}
                  strokeDasharray="4 3"
                  vectorEffect="non-scaling-stroke"
                  data-testid="zoo-mask-truth"
                />
              )}
            </svg>
          </MapCanvas>
          <ul className="zoo-legend">
            <li>
              <span className="zoo-swatch" style={{ background: ORANGE, borderColor: VERMILLION }} />{' '}
              {T.maskLegendPred[lang](String(MASK_THRESHOLD))}
            </li>
            {view.truth && (
              <li>
                <span className="zoo-swatch zoo-swatch--dashed" style={{ borderColor: SKY_BLUE }} />{' '}
                {T.maskLegendTruth[lang]}
              </li>
            )}
          </ul>
        </figure>
        <figure className="zoo-figure" style={{ width: VIEW }}>
          <figcaption>{T.probMapTitle[lang]}</figcaption>
          <MapCanvas
            values={prob}
            width={size}
            height={size}
            scale="viridis"
            range={[0, 1]}
            label={T.probMapLabel[lang]}
            displayWidth={VIEW}
          />
          <ColourLegend scale="viridis" range={[0, 1]} label={T.probMapLabel[lang]} width={VIEW} />
        </figure>
      </div>
      <p data-testid="zoo-mask-area">
        {T.area[lang](view.area.pixels, mm2(view.area.mm2), formatQuantity(pixelMm, 'mm', 2))}
      </p>
      {view.truth && (
        <p data-testid="zoo-mask-dice">
          {T.trueArea[lang](view.truth.area.pixels, mm2(view.truth.area.mm2), view.truth.dice.toFixed(3))}
        </p>
      )}
    </div>
  );
}

/** Input, output and their difference side by side, with noise estimates in HU. */
export function DenoiseResult({ lang, result, input, size, preprocessing, phantom }: ResultProps) {
  const out = result.prediction.values;
  const width = preprocessing.width;
  const view = useMemo(() => {
    const diffUnits = difference(input, out);
    const diffHu = diffUnits.map((v) => unitsToHu(v, width));
    let m = 0;
    for (const v of diffHu) m = Math.max(m, Math.abs(v));
    const clean = phantom?.target ?? null;
    return {
      diffHu,
      range: [-Math.max(1, Math.ceil(m)), Math.max(1, Math.ceil(m))] as const,
      flat: flatRegionNoise(input, out, size),
      removed: unitsToHu(standardDeviation(diffUnits), width),
      truth: clean
        ? {
            clean,
            sigmaIn: unitsToHu(standardDeviation(difference(input, clean)), width),
            sigmaOut: unitsToHu(standardDeviation(difference(out, clean)), width),
            psnrIn: psnr(input, clean),
            psnrOut: psnr(out, clean),
          }
        : null,
    };
  }, [input, out, size, width, phantom]);
  const huText = (v: number): string => formatQuantity(v, 'HU', 1);
  const dbText = (v: number): string => formatQuantity(v, 'dB', 1);
  const { flat } = view;
  const square = (
    <svg viewBox={`0 0 ${size} ${size}`} preserveAspectRatio="none" aria-hidden="true">
      <rect
        x={flat.column0}
        y={flat.row0}
        width={flat.side}
        height={flat.side}
        fill="none"
        stroke={ORANGE}
        strokeWidth={2}
        strokeDasharray="4 3"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
  const sigmaIn = unitsToHu(flat.sigmaInput, width);
  const sigmaOut = unitsToHu(flat.sigmaOutput, width);
  return (
    <div
      className="zoo-result"
      data-testid="zoo-denoise"
      data-sigma-in={sigmaIn}
      data-sigma-out={sigmaOut}
      data-removed={view.removed}
    >
      <div className="zoo-figures">
        <figure className="zoo-figure" style={{ width: SMALL_VIEW }}>
          <figcaption>{T.denoiseInput[lang]}</figcaption>
          <MapCanvas
            values={input}
            width={size}
            height={size}
            scale="gray"
            range={[0, 1]}
            label={T.denoiseInput[lang]}
            displayWidth={SMALL_VIEW}
          >
            {square}
          </MapCanvas>
        </figure>
        <figure className="zoo-figure" style={{ width: SMALL_VIEW }}>
          <figcaption>{T.denoiseOutput[lang]}</figcaption>
          <MapCanvas
            values={out}
            width={size}
            height={size}
            scale="gray"
            range={[0, 1]}
            label={T.denoiseOutput[lang]}
            displayWidth={SMALL_VIEW}
            testId="zoo-denoise-output"
          >
            {square}
          </MapCanvas>
        </figure>
        <figure className="zoo-figure" style={{ width: SMALL_VIEW }}>
          <figcaption>{T.denoiseDiff[lang]}</figcaption>
          <MapCanvas
            values={view.diffHu}
            width={size}
            height={size}
            scale="diverging"
            range={view.range}
            label={T.denoiseDiff[lang]}
            displayWidth={SMALL_VIEW}
          />
          <ColourLegend scale="diverging" range={view.range} label={T.diffLegend[lang]} width={SMALL_VIEW} />
        </figure>
        {view.truth && (
          <figure className="zoo-figure" style={{ width: SMALL_VIEW }}>
            <figcaption>{T.denoiseClean[lang]}</figcaption>
            <MapCanvas
              values={view.truth.clean}
              width={size}
              height={size}
              scale="gray"
              range={[0, 1]}
              label={T.denoiseClean[lang]}
              displayWidth={SMALL_VIEW}
            />
          </figure>
        )}
      </div>
      <p data-testid="zoo-denoise-flat">{T.flatNoise[lang](huText(sigmaIn), huText(sigmaOut))}</p>
      <p className="hint">{T.flatHow[lang](2 * FLAT_BLUR + 1, FLAT_SIDE)}</p>
      <p data-testid="zoo-denoise-removed">{T.removed[lang](huText(view.removed))}</p>
      {view.truth && (
        <p data-testid="zoo-denoise-truth">
          {T.trueNoise[lang](
            huText(view.truth.sigmaIn),
            huText(view.truth.sigmaOut),
            dbText(view.truth.psnrIn),
            dbText(view.truth.psnrOut),
          )}
        </p>
      )}
    </div>
  );
}

/** The result view for the model's kind. */
export function ZooResult(props: ResultProps) {
  switch (props.def.kind) {
    case 'classification':
      return <ClassifierResult {...props} />;
    case 'segmentation':
      return <MaskResult {...props} />;
    case 'denoising':
      return <DenoiseResult {...props} />;
  }
}

/** "Running…" or the error of a forward pass. */
export function RunStatus({ lang, status, error }: { lang: Lang; status: string; error?: string }) {
  if (status === 'error')
    return (
      <p className="widget-error" role="alert" data-testid="zoo-run-error">
        {runTexts.runFailed[lang]} <span lang="en">{error}</span>
      </p>
    );
  if (status === 'running') return <p className="widget-loading">{runTexts.running[lang]}</p>;
  return null;
}

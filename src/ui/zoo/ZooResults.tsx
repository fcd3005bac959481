import { useMemo } from 'react';
import type { Lang } from '../../core/lessons/types';
import { diceScore, psnr } from '../../core/training/zooMetrics';
import type { ForwardResult, ZooModelDef, ZooPreprocessing } from '../../core/models/zooTypes';
import { ProbabilityBars } from './ProbabilityBars';
import { MaskFigure, ORANGE, Outline, ProbabilityMapFigure, ResultFigure } from './ResultFigure';
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
  maskArea,
  standardDeviation,
  unitsToHu,
} from './zooResultMaths';

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

/** Class probabilities as bars, the predicted class, and the phantom's truth. */
export function ClassifierResult({ def, lang, result, phantom }: ResultProps) {
  const probs = result.prediction.values;
  const best = argmax(probs);
  const name = (i: number): string => def.classes[i]?.[lang] ?? String(i);
  return (
    <div className="zoo-result">
      <ProbabilityBars
        classes={def.classes}
        probabilities={probs}
        lang={lang}
        testId="zoo-probs"
        rowTestId="zoo-prob"
        format={formatProbability}
      />
      <p data-testid="zoo-predicted">
        <strong>{T.predicted[lang](name(best), formatProbability(probs[best] ?? NaN))}</strong>
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
      mask,
      area: maskArea(mask, pixelMm),
      truth: truth ? { mask: truth, area: maskArea(truth, pixelMm), dice: diceScore(prob, truth) } : null,
    };
  }, [prob, pixelMm, phantom]);
  const mm2 = (v: number): string => formatQuantity(v, 'mm²', 1);
  return (
    <div
      className="zoo-result"
      data-testid="zoo-mask"
      data-area-px={view.area.pixels}
      data-area-mm2={view.area.mm2}
      data-dice={view.truth?.dice ?? ''}
    >
      <div className="result-figures">
        <MaskFigure
          input={input}
          mask={view.mask}
          size={size}
          width={VIEW}
          lang={lang}
          truth={view.truth?.mask ?? null}
          testIdPrefix="zoo-mask"
          testId="zoo-mask-canvas"
        />
        <ProbabilityMapFigure probabilities={prob} size={size} width={VIEW} lang={lang} />
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
    <Outline
      d={`M${flat.column0} ${flat.row0}h${flat.side}v${flat.side}h${-flat.side}z`}
      colour={ORANGE}
      dashed
    />
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
      <div className="result-figures">
        <ResultFigure
          caption={T.denoiseInput[lang]}
          values={input}
          size={size}
          width={SMALL_VIEW}
          overlay={square}
        />
        <ResultFigure
          caption={T.denoiseOutput[lang]}
          values={out}
          size={size}
          width={SMALL_VIEW}
          overlay={square}
          testId="zoo-denoise-output"
        />
        <ResultFigure
          caption={T.denoiseDiff[lang]}
          values={view.diffHu}
          size={size}
          width={SMALL_VIEW}
          scale="diverging"
          range={view.range}
          legend={T.diffLegend[lang]}
        />
        {view.truth && (
          <ResultFigure
            caption={T.denoiseClean[lang]}
            values={view.truth.clean}
            size={size}
            width={SMALL_VIEW}
          />
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

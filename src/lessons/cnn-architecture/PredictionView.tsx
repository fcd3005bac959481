import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import type { ZooModelDef } from '../../core/models/zooTypes';
import { ProbabilityBars } from '../../ui/zoo/ProbabilityBars';
import { MaskFigure, ProbabilityMapFigure, ResultFigure } from '../../ui/zoo/ResultFigure';
import { resultTexts as R } from '../../ui/zoo/zooPageTexts';
import { binaryMask, meanAbsoluteDifference, maskArea } from '../../ui/zoo/zooResultMaths';
import { inputTexts as T } from './inputWidgetTexts';
import { frameTexts as F } from './mapsTexts';

/** CSS width of each image. */
const WIDTH = 192;

/**
 * The model's answer for the input it ran on, from the forward pass's last layer: class
 * probabilities as bars (classifiers), the thresholded mask over the input (segmentation), the
 * denoised output (denoising). `full` (step 3, under the feature maps) adds the segmentation's
 * probability map and the denoiser's input beside its output; step 1 shows the compact form.
 *
 * Test hooks (`p` = `testIdPrefix`): the section `${p}-prediction` (`data-positive` = mask pixels,
 * `data-stale`), the bars `${p}-probs` and rows `${p}-prob-${i}`, the mask paths `${p}-mask-*`.
 */
export function PredictionView({
  def,
  prediction,
  input,
  pixelMm,
  full,
  stale,
  testIdPrefix,
  lang,
}: {
  def: ZooModelDef;
  /** The model's output (`result.prediction.values`). */
  prediction: Float32Array;
  /** The model input the prediction was computed from (size², 0…1). */
  input: Float32Array;
  /** Side of one model pixel in mm. */
  pixelMm: number;
  full: boolean;
  /** True while a newer input is being run. */
  stale: boolean;
  testIdPrefix: string;
  lang: Lang;
}) {
  const n = def.preprocessing.size;
  let body;
  let positive: number | undefined;
  if (def.kind === 'classification') {
    body = (
      <ProbabilityBars
        classes={def.classes}
        probabilities={prediction}
        lang={lang}
        testId={`${testIdPrefix}-probs`}
        rowTestId={`${testIdPrefix}-prob`}
      />
    );
  } else if (def.kind === 'segmentation') {
    const mask = binaryMask(prediction);
    const area = maskArea(mask, pixelMm);
    positive = area.pixels;
    body = (
      <>
        <div className="result-figures">
          <MaskFigure
            input={input}
            mask={mask}
            size={n}
            width={WIDTH}
            lang={lang}
            testIdPrefix={`${testIdPrefix}-mask`}
          />
          {full && <ProbabilityMapFigure probabilities={prediction} size={n} width={WIDTH} lang={lang} />}
        </div>
        <p>{T.maskArea[lang](area.pixels, formatNumber(area.mm2, 1))}</p>
      </>
    );
  } else {
    body = (
      <>
        <div className="result-figures">
          {full && <ResultFigure caption={R.denoiseInput[lang]} values={input} size={n} width={WIDTH} />}
          <ResultFigure caption={R.denoiseOutput[lang]} values={prediction} size={n} width={WIDTH} />
        </div>
        <p>{T.meanChange[lang](formatNumber(meanAbsoluteDifference(prediction, input), 4))}</p>
      </>
    );
  }
  return (
    <section
      className="cnn-prediction"
      data-testid={`${testIdPrefix}-prediction`}
      data-positive={positive}
      data-stale={stale}
    >
      <h3>{full ? F.predictionTitle[lang] : T.predictionTitle[lang]}</h3>
      {body}
    </section>
  );
}

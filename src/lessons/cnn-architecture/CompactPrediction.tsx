import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import type { LayerOutput, ZooModelDef } from '../../core/models/zooTypes';
import { formatPercent } from '../../ui/zoo/zooFormat';
import { argmax, binaryMask, maskArea, maskContourPath } from '../../ui/zoo/zooResultMaths';
import { MapCanvas } from '../shared/MapCanvas';
import { inputTexts as T } from './inputWidgetTexts';

/**
 * The model's answer for the current input, compact (step 3 shows every layer): class
 * probabilities as bars, the predicted mask outlined over the input, or the denoised output. All
 * from `forward.result.prediction`.
 */
export function CompactPrediction({
  def,
  prediction,
  input,
  pixelMm,
  stale,
  lang,
}: {
  def: ZooModelDef;
  prediction: LayerOutput;
  /** The model input the prediction was computed from (size², 0…1). */
  input: Float32Array;
  /** Side of one model pixel in mm. */
  pixelMm: number;
  /** True while a newer input is being run. */
  stale: boolean;
  lang: Lang;
}) {
  const out = prediction.values;
  const n = def.preprocessing.size;
  if (def.kind === 'classification') {
    const best = argmax(out);
    let sum = 0;
    for (let i = 0; i < out.length; i++) sum += out[i]!;
    return (
      <section
        className="cnn-prediction"
        data-testid="cnn-prediction"
        data-predicted={best}
        data-prob-sum={sum}
        data-stale={stale}
      >
        <h3>{T.predictionTitle[lang]}</h3>
        <ul className="cnn-probs">
          {def.classes.map((c, i) => (
            <li key={i} data-testid={`cnn-prob-${i}`} data-value={out[i]}>
              <span className="cnn-probs__name">
                {T.probability[lang](c[lang], formatPercent(out[i] ?? 0))}
                {i === best && <strong> ({T.predicted[lang]})</strong>}
              </span>
              <span className="cnn-probs__bar" aria-hidden="true">
                <span style={{ width: `${100 * (out[i] ?? 0)}%` }} />
              </span>
            </li>
          ))}
        </ul>
        <p className="hint">{T.probSum[lang](formatNumber(sum, 4))}</p>
      </section>
    );
  }
  if (def.kind === 'segmentation') {
    const mask = binaryMask(out);
    const area = maskArea(mask, pixelMm);
    return (
      <section
        className="cnn-prediction"
        data-testid="cnn-prediction"
        data-positive={area.pixels}
        data-stale={stale}
      >
        <h3>{T.predictionTitle[lang]}</h3>
        <MapCanvas
          values={input}
          width={n}
          height={n}
          scale="gray"
          range={[0, 1]}
          label={T.maskLabel[lang]}
          displayWidth={192}
        >
          <svg viewBox={`0 0 ${n} ${n}`} aria-hidden="true">
            <path
              d={maskContourPath(mask, n)}
              fill="none"
              stroke="#E69F00"
              strokeWidth={0.6}
              data-testid="cnn-mask-outline"
            />
          </svg>
        </MapCanvas>
        <p>{T.maskArea[lang](area.pixels, formatNumber(area.mm2, 1))}</p>
      </section>
    );
  }
  let change = 0;
  for (let i = 0; i < out.length; i++) change += Math.abs(out[i]! - input[i]!);
  return (
    <section className="cnn-prediction" data-testid="cnn-prediction" data-stale={stale}>
      <h3>{T.predictionTitle[lang]}</h3>
      <MapCanvas
        values={out}
        width={n}
        height={n}
        scale="gray"
        range={[0, 1]}
        label={T.denoisedLabel[lang]}
        displayWidth={192}
      />
      <p>{T.meanChange[lang](formatNumber(change / Math.max(1, out.length), 4))}</p>
    </section>
  );
}

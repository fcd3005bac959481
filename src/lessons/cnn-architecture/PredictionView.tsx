import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import type { ForwardResult, ZooModelDef } from '../../core/models/zooTypes';
import { ColourLegend, MapCanvas } from '../shared/MapCanvas';
import { frameTexts as F } from './mapsTexts';

/** `p` as a percentage with one decimal ("91.3 %"); "< 0.1 %" / "> 99.9 %" rather than a rounded 0 or 100. */
export function percent(p: number): string {
  if (p > 0 && p < 0.0005) return '< 0.1 %';
  if (p < 1 && p > 0.9995) return '> 99.9 %';
  return `${formatNumber(100 * p, 1)} %`;
}

/** Index of the largest value (the first on ties); −1 for an empty array. */
export function argmax(values: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (best < 0 || values[i]! > values[best]!) best = i;
  return best;
}

/**
 * What the model outputs for the current input, from the forward pass: class probabilities as bars
 * (classifiers), the mask beside the input (segmentation), the output beside the input (denoising).
 */
export function PredictionView({
  def,
  result,
  input,
  size,
  lang,
}: {
  def: ZooModelDef;
  result: ForwardResult;
  input: ArrayLike<number>;
  size: number;
  lang: Lang;
}) {
  const out = result.prediction.values;
  if (def.kind === 'classification') {
    const best = argmax(out);
    return (
      <section className="maps-prediction" data-testid="maps-prediction" data-predicted={best}>
        <h3>{F.predictionTitle[lang]}</h3>
        <p className="hint">{F.probabilities[lang]}</p>
        <ul className="maps-probs">
          {def.classes.map((c, i) => (
            <li key={i} data-testid={`maps-prob-${i}`} data-value={out[i]}>
              <span className="maps-probs__name">
                {F.probability[lang](c[lang], percent(out[i] ?? 0))}
                {i === best && <strong> ({F.predicted[lang]})</strong>}
              </span>
              <span className="maps-probs__bar" aria-hidden="true">
                <span style={{ width: `${100 * (out[i] ?? 0)}%` }} />
              </span>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  const n = size;
  if (def.kind === 'segmentation') {
    let positive = 0;
    for (let i = 0; i < out.length; i++) if (out[i]! >= 0.5) positive++;
    return (
      <section className="maps-prediction" data-testid="maps-prediction" data-positive={positive}>
        <h3>{F.predictionTitle[lang]}</h3>
        <div className="maps-row">
          <figure>
            <MapCanvas
              values={input}
              width={n}
              height={n}
              scale="gray"
              range={[0, 1]}
              label={F.inputTitle[lang](n)}
              displayWidth={160}
            />
            <figcaption>{F.inputTitle[lang](n)}</figcaption>
          </figure>
          <figure>
            <MapCanvas
              values={out}
              width={n}
              height={n}
              scale="viridis"
              range={[0, 1]}
              label={F.maskTitle[lang](n)}
              displayWidth={160}
            />
            <figcaption>{F.maskTitle[lang](n)}</figcaption>
            <ColourLegend scale="viridis" range={[0, 1]} label={F.maskLegend[lang]} width={160} />
          </figure>
        </div>
        <p>{F.maskArea[lang](positive, percent(positive / out.length))}</p>
      </section>
    );
  }
  let change = 0;
  for (let i = 0; i < out.length; i++) change += Math.abs(out[i]! - input[i]!);
  return (
    <section className="maps-prediction" data-testid="maps-prediction">
      <h3>{F.predictionTitle[lang]}</h3>
      <div className="maps-row">
        <figure>
          <MapCanvas
            values={input}
            width={n}
            height={n}
            scale="gray"
            range={[0, 1]}
            label={F.inputTitle[lang](n)}
            displayWidth={160}
          />
          <figcaption>{F.inputTitle[lang](n)}</figcaption>
        </figure>
        <figure>
          <MapCanvas
            values={out}
            width={n}
            height={n}
            scale="gray"
            range={[0, 1]}
            label={F.outputTitle[lang](n)}
            displayWidth={160}
          />
          <figcaption>{F.outputTitle[lang](n)}</figcaption>
        </figure>
      </div>
      <p>{F.meanChange[lang](formatNumber(change / Math.max(1, out.length), 4))}</p>
    </section>
  );
}

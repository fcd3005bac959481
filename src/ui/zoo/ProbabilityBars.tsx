import type { Lang, Localized } from '../../core/lessons/types';
import { formatPercent } from './zooFormat';
import { resultTexts as T } from './zooPageTexts';
import { argmax } from './zooResultMaths';
import './results.css';

/**
 * A classifier's output as one bar per class (width = probability), the most probable class marked
 * "predicted", and the sum of the probabilities (1 for a softmax, up to float error). Shared by the
 * `#/zoo` page and the `cnn-architecture` lesson.
 *
 * Test hooks: the block is `testId` with `data-sum` and `data-predicted` (the argmax, the first on
 * ties); row `i` is `${rowTestId}-${i}` with `data-value` = its probability.
 */
export function ProbabilityBars({
  classes,
  probabilities,
  lang,
  testId,
  rowTestId,
  format = formatPercent,
}: {
  /** Class names, in the order of the model's outputs. */
  classes: readonly Localized[];
  probabilities: ArrayLike<number>;
  lang: Lang;
  testId: string;
  /** Prefix of the rows' test ids. */
  rowTestId: string;
  /** How a probability is written (default: a percentage). */
  format?: (p: number) => string;
}) {
  const best = argmax(probabilities);
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) sum += probabilities[i]!;
  return (
    <div className="prob-bars" data-testid={testId} data-sum={sum} data-predicted={best}>
      <p className="prob-bars__caption">{T.probabilities[lang]}</p>
      <ul className="prob-bars__list">
        {Array.from(probabilities, (p, i) => (
          <li
            key={i}
            data-testid={`${rowTestId}-${i}`}
            data-value={p}
            className={i === best ? 'prob-bars__best' : undefined}
          >
            <span className="prob-bars__name">
              {T.probability[lang](classes[i]?.[lang] ?? String(i), format(p))}
              {i === best && <strong> ({T.predictedMark[lang]})</strong>}
            </span>
            <span className="prob-bars__bar" aria-hidden="true">
              <span style={{ width: `${100 * Math.max(0, Math.min(1, p))}%` }} />
            </span>
          </li>
        ))}
      </ul>
      <p className="hint">{T.sum[lang](sum.toFixed(4))}</p>
    </div>
  );
}

import type { Lang } from '../../core/lessons/types';
import type { PoolTerms } from '../../core/tensor/reference/pool2dRef';
import { fillPlaceholders } from '../../i18n/translate';
import { fmt } from './activationPoolingData';
import { poolTexts as T } from './activationPoolingTexts';
import './activationPooling.css';

/**
 * One pooling window stepped through (step 2): which input rows and columns it covers, buttons to
 * the first, previous and next window (row-major over the output), its k × k values with the maximum
 * marked, and the output as "the largest value" or "sum ÷ count = mean".
 */
export function PoolWindowPanel({
  terms,
  kind,
  k,
  s,
  index,
  count,
  lang,
  goIndex,
}: {
  terms: PoolTerms;
  kind: 'max' | 'avg';
  /** Window size and stride. */
  k: number;
  s: number;
  /** Row-major index of this window among the `count` windows. */
  index: number;
  count: number;
  lang: Lang;
  goIndex(i: number): void;
}) {
  const { oy, ox } = terms;
  const inside = terms.taps.filter((t) => t.inside);
  const windowSum = inside.reduce((a, t) => a + t.value, 0);
  return (
    <section aria-label={T.stepper[lang]}>
      <h3>
        {fillPlaceholders(T.windowTitle[lang], {
          oy,
          ox,
          y0: oy * s,
          y1: oy * s + k - 1,
          x0: ox * s,
          x1: ox * s + k - 1,
        })}
      </h3>
      <div className="actpool__controls">
        {(
          [
            ['first', T.first, 0, index === 0],
            ['prev', T.prev, index - 1, index === 0],
            ['next', T.next, index + 1, index >= count - 1],
          ] as const
        ).map(([id, text, to, disabled]) => (
          <button
            key={id}
            type="button"
            className="button"
            onClick={() => goIndex(to)}
            disabled={disabled}
            data-testid={`pool-${id}`}
          >
            {text[lang]}
          </button>
        ))}
      </div>
      <table
        className="actpool__table actpool__window"
        data-testid="pool-window"
        data-values={JSON.stringify(inside.map((t) => t.value))}
      >
        <caption>{T.windowValues[lang]}</caption>
        <tbody>
          {Array.from({ length: k }, (_, i) => (
            <tr key={i}>
              {terms.taps.slice(i * k, i * k + k).map((t, j) => {
                const isMax = kind === 'max' && terms.argmax === i * k + j;
                return (
                  <td
                    key={j}
                    className={isMax ? 'actpool__max' : undefined}
                    data-max={isMax ? 'true' : undefined}
                  >
                    {fmt(t.value)}
                    {isMax ? ` (${T.maxMark[lang]})` : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="pool-result" aria-live="polite">
        {kind === 'max'
          ? fillPlaceholders(T.maxResult[lang], { count: terms.count, max: fmt(terms.output) })
          : fillPlaceholders(T.avgResult[lang], {
              sum: fmt(windowSum),
              count: terms.count,
              mean: fmt(terms.output),
            })}
      </p>
    </section>
  );
}

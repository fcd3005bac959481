import type { CSSProperties } from 'react';
import type { Lang } from '../../core/lessons/types';
import { formatPercent } from '../zoo/zooFormat';
import { confusionTexts as T } from './evaluationTexts';

/**
 * A confusion matrix as an HTML table: rows are the true classes, columns the predicted ones
 * (the layout of `confusionMatrix`), each cell its count and its share of the row (for the
 * diagonal, the class's sensitivity), the row totals at the end; `caption` says how the calls
 * were made (a threshold or argmax).
 */
export function ConfusionMatrix({
  matrix,
  classNames,
  caption,
  lang,
}: {
  /** `matrix[t][p]`: images of true class t called p. */
  matrix: readonly (readonly number[])[];
  classNames: readonly string[];
  caption: string;
  lang: Lang;
}) {
  const rowTotals = matrix.map((row) => row.reduce((s, v) => s + v, 0));
  return (
    <table className="confusion-matrix" data-testid="confusion-matrix">
      <caption>
        <strong>{T.title[lang]}</strong> {caption}
      </caption>
      <thead>
        <tr>
          <td />
          <th scope="colgroup" colSpan={classNames.length}>
            {T.predicted[lang]}
          </th>
          <td />
        </tr>
        <tr>
          <th scope="col">{T.truth[lang]}</th>
          {classNames.map((name, p) => (
            <th key={p} scope="col">
              {name}
            </th>
          ))}
          <th scope="col">{T.total[lang]}</th>
        </tr>
      </thead>
      <tbody>
        {matrix.map((row, t) => (
          <tr key={t}>
            <th scope="row">{classNames[t]}</th>
            {row.map((count, p) => {
              const total = rowTotals[t] ?? 0;
              const share = total > 0 ? count / total : Number.NaN;
              return (
                <td
                  key={p}
                  className={t === p ? 'confusion-matrix__cell is-right' : 'confusion-matrix__cell'}
                  data-testid={`cm-${t}-${p}`}
                  data-count={count}
                  style={{ '--share': Number.isFinite(share) ? share : 0 } as CSSProperties}
                >
                  <span className="confusion-matrix__count">{count}</span>
                  <span className="confusion-matrix__share">
                    {Number.isFinite(share) ? formatPercent(share) : '\u2014'}
                  </span>
                </td>
              );
            })}
            <td className="confusion-matrix__total">{rowTotals[t]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { Lang } from '../../core/lessons/types';
import type { SecondFeature } from './classifierData';
import type { FeatureComparisonRow } from './lineClassifier';
import { fmtPercent } from './neuronsFormat';
import { FEATURE_NAMES } from './neuronsParams';
import { classifierTexts as T, tx } from './neuronsTexts';

/**
 * The fitted line's training counts for mean HU alone and for each second feature
 * ({@link compareSecondFeatures}), the row of the feature on the plot marked, and one sentence
 * that reads the numbers: what the second feature adds and how many patches stay wrong.
 */
export function FeatureComparisonTable({
  rows,
  f2,
  count,
  lang,
}: {
  rows: readonly FeatureComparisonRow[];
  f2: SecondFeature;
  count: number;
  lang: Lang;
}) {
  const alone = rows.find((r) => r.id === 'meanHuOnly');
  const shown = rows.find((r) => r.id === f2);
  const name = (r: FeatureComparisonRow) =>
    r.id === 'meanHuOnly' ? T.meanHuOnly[lang] : tx(T.withFeature, lang, { f2: FEATURE_NAMES[r.id][lang] });
  return (
    <>
      <table className="data-table neurons-table" data-testid="classifier-compare">
        <caption>{tx(T.compareCaption, lang, { n: count })}</caption>
        <thead>
          <tr>
            <th scope="col">{T.compareFeatures[lang]}</th>
            <th scope="col">{T.accuracy[lang]}</th>
            <th scope="col">{T.sensitivity[lang]}</th>
            <th scope="col">{T.specificity[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id}
              data-testid={`classifier-compare-${r.id}`}
              data-accuracy={r.confusion.accuracy}
              className={r.id === f2 ? 'neurons-table__current' : undefined}
            >
              <th scope="row">
                {name(r)} {r.id === f2 && T.current[lang]}
              </th>
              <td>{fmtPercent(r.confusion.accuracy)}</td>
              <td>{fmtPercent(r.confusion.sensitivity)}</td>
              <td>{fmtPercent(r.confusion.specificity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {alone && shown && (
        <p data-testid="classifier-compare-summary">
          {tx(T.compareSummary, lang, {
            a0: fmtPercent(alone.confusion.accuracy),
            a1: fmtPercent(shown.confusion.accuracy),
            f2: FEATURE_NAMES[f2][lang],
            wrong: shown.confusion.fp + shown.confusion.fn,
            n: count,
          })}
        </p>
      )}
      <p className="hint">{T.trainingNote[lang]}</p>
    </>
  );
}

import { useId, useState } from 'react';
import type { Lang } from '../../core/lessons/types';
import type { ConfusionCounts, ThresholdStats } from '../../core/training/binaryMetrics';
import { formatPercent, formatProbability } from '../zoo/zooFormat';
import { thresholdTexts as T } from './evaluationTexts';

/** A fraction as a percentage, or "undefined (0/0)" for `NaN`. */
export function formatStat(value: number, lang: Lang): string {
  return Number.isFinite(value) ? formatPercent(value) : T.undefinedValue[lang];
}

const STATS = [
  ['sensitivity', 'sensitivityHow'],
  ['specificity', 'specificityHow'],
  ['ppv', 'ppvHow'],
  ['npv', 'npvHow'],
  ['f1', 'f1How'],
  ['accuracy', 'accuracyHow'],
] as const;

/**
 * The threshold (a slider and a number, in step with the ROC handle), the confusion counts and
 * sensitivity, specificity, PPV, NPV, F1 and accuracy there (all from `thresholdStats`), a
 * prevalence slider (default: the sample's) that changes PPV, NPV, F1 and accuracy by Bayes'
 * theorem and says so, and the button that moves the threshold to Youden's best.
 */
export function ThresholdPanel({
  threshold,
  onThreshold,
  counts,
  stats,
  samplePrevalence,
  prevalence,
  onPrevalence,
  youden,
  positiveName,
  lang,
}: {
  threshold: number;
  onThreshold(threshold: number): void;
  counts: ConfusionCounts;
  /** At `prevalence`, or at the sample's when it is null. */
  stats: ThresholdStats;
  samplePrevalence: number;
  /** The prevalence chosen, or null for the sample's. */
  prevalence: number | null;
  onPrevalence(prevalence: number | null): void;
  /** Youden's best threshold (from `bestThreshold`), or null when undefined. */
  youden: { threshold: number; stats: ThresholdStats } | null;
  positiveName: string;
  lang: Lang;
}) {
  const id = useId();
  // The text of the number field while it is being typed (it may be briefly invalid), with the
  // threshold it gave: a threshold set elsewhere (the ROC handle, the slider) replaces it.
  const [typed, setTyped] = useState<{ text: string; threshold: number } | null>(null);
  const tText = formatProbability(threshold);
  const set = (v: number): void => {
    if (Number.isFinite(v) && v >= 0 && v <= 1) onThreshold(v);
  };
  const shownPrevalence = prevalence ?? samplePrevalence;
  const j = youden ? youden.stats.sensitivity + youden.stats.specificity - 1 : Number.NaN;
  return (
    <section className="eval-threshold" data-testid="threshold-panel">
      <h4>{T.title[lang]}</h4>
      <div className="eval-threshold__controls">
        <label htmlFor={`${id}-t`}>{T.threshold[lang](positiveName)}</label>
        <input
          id={`${id}-t`}
          type="range"
          min={0}
          max={1}
          step="any"
          value={threshold}
          data-testid="threshold-slider"
          onChange={(e) => set(Number(e.target.value))}
        />
        <input
          type="number"
          min={0}
          max={1}
          step={0.001}
          aria-label={T.thresholdNumber[lang]}
          value={typed?.threshold === threshold ? typed.text : String(Number(threshold.toFixed(4)))}
          data-testid="threshold-number"
          onChange={(e) => {
            const text = e.target.value;
            const v = Number(text);
            const valid = text.trim() !== '' && Number.isFinite(v) && v >= 0 && v <= 1;
            setTyped({ text, threshold: valid ? v : threshold });
            if (valid) onThreshold(v);
          }}
          onBlur={() => setTyped(null)}
        />
        <button
          type="button"
          className="button"
          disabled={!youden || !Number.isFinite(youden.threshold)}
          data-testid="threshold-youden"
          onClick={() => youden && set(youden.threshold)}
        >
          {T.youden[lang]}
        </button>
      </div>
      {youden && Number.isFinite(youden.threshold) && (
        <p className="hint" data-testid="youden-note">
          {T.youdenNote[lang](formatProbability(youden.threshold), formatProbability(j))}
        </p>
      )}
      <p data-testid="threshold-counts">
        <strong>{T.atThreshold[lang](tText)}</strong>
        {lang === 'zh' ? '：' : ': '}
        {T.counts[lang](counts.tp, counts.fp, counts.tn, counts.fn)}
      </p>
      <dl className="eval-stats">
        {STATS.map(([key, how]) => (
          <div key={key} className="eval-stats__item">
            <dt>
              {T[key][lang]}{' '}
              <span className="hint">{lang === 'zh' ? `（${T[how][lang]}）` : `(${T[how][lang]})`}</span>
            </dt>
            <dd data-testid={`stat-${key}`} data-value={stats[key]}>
              {formatStat(stats[key], lang)}
            </dd>
          </div>
        ))}
      </dl>
      <div className="eval-threshold__controls">
        <label htmlFor={`${id}-p`}>{T.prevalence[lang]}</label>
        <input
          id={`${id}-p`}
          type="range"
          min={0.001}
          max={0.999}
          step={0.001}
          value={Number.isFinite(shownPrevalence) ? shownPrevalence : 0.5}
          disabled={!Number.isFinite(samplePrevalence)}
          data-testid="prevalence-slider"
          onChange={(e) => onPrevalence(Number(e.target.value))}
        />
        <output htmlFor={`${id}-p`} data-testid="prevalence-value">
          {formatStat(shownPrevalence, lang)}
        </output>
        {prevalence !== null && (
          <button
            type="button"
            className="button button--quiet"
            data-testid="prevalence-reset"
            onClick={() => onPrevalence(null)}
          >
            {T.prevalenceReset[lang]}
          </button>
        )}
      </div>
      <p className="hint" data-testid="prevalence-note" aria-live="polite">
        {prevalence === null
          ? T.prevalenceSample[lang](formatStat(samplePrevalence, lang))
          : T.prevalenceChanged[lang](formatStat(prevalence, lang), formatStat(samplePrevalence, lang))}
      </p>
    </section>
  );
}

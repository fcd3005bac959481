import './training.css';
import { useId } from 'react';
import type { Lang } from '../../core/lessons/types';
import { SPLIT_NAMES, type DatasetSplit, type ImageDataset } from '../../core/datasets/imageDataset';
import { splitCounts } from '../../core/datasets/splitDataset';
import { NumberField } from './NumberField';
import type { SplitOptions } from './trainingStoreTypes';
import { splitTexts as T } from './trainingTexts';

/** Rounds a share to 2 decimals (the controls' grid), avoiding 0.30000000000000004. */
function r2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** A checkbox and its label, as a line of choices. */
function CheckboxChoice({
  label,
  checked,
  disabled,
  testId,
  onChange,
}: {
  label: string;
  checked: boolean;
  disabled?: boolean;
  testId: string;
  onChange(checked: boolean): void;
}) {
  const id = useId();
  return (
    <p className="choice">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </p>
  );
}

/**
 * The split controls (training and validation shares, the test share being the rest; the seed;
 * patient-level grouping when the data has patient ids; the publisher's split when it has one;
 * an optional smaller training set) and a table of images per class in each split.
 */
export function SplitSummary({
  dataset,
  split,
  options,
  onChange,
  trainLimit,
  onTrainLimit,
  lang,
}: {
  dataset: ImageDataset;
  split: DatasetSplit | null;
  options: SplitOptions;
  onChange(options: Partial<SplitOptions>): void;
  trainLimit: number | null;
  onTrainLimit(limit: number | null): void;
  lang: Lang;
}) {
  const preset = options.usePreset && dataset.presetSplit !== null;
  const f = options.fractions;
  const counts = split ? splitCounts(dataset.labels, split, dataset.classNames.length) : null;
  const trainTotal = split?.train.length ?? 0;
  return (
    <fieldset className="field-group training-split">
      <legend>{T.legend[lang]}</legend>
      {dataset.presetSplit !== null && (
        <CheckboxChoice
          label={T.usePreset[lang]}
          checked={options.usePreset}
          testId="split-preset"
          onChange={(checked) => onChange({ usePreset: checked })}
        />
      )}
      {!preset && (
        <div className="training-row">
          <NumberField
            label={T.fractionTrain[lang]}
            value={f.train}
            min={0.05}
            max={r2(1 - f.validation)}
            step={0.05}
            testId="split-train"
            onChange={(v) =>
              onChange({ fractions: { train: v, validation: f.validation, test: r2(1 - v - f.validation) } })
            }
          />
          <NumberField
            label={T.fractionValidation[lang]}
            value={f.validation}
            min={0}
            max={r2(1 - f.train)}
            step={0.05}
            testId="split-validation"
            onChange={(v) =>
              onChange({ fractions: { train: f.train, validation: v, test: r2(1 - f.train - v) } })
            }
          />
          <p className="training-field">
            <span>{T.fractionTest[lang]}</span> <output data-testid="split-test">{r2(f.test)}</output>
          </p>
          <NumberField
            label={T.seed[lang]}
            value={options.seed}
            min={0}
            max={2 ** 31 - 1}
            integer
            testId="split-seed"
            onChange={(v) => onChange({ seed: v })}
          />
        </div>
      )}
      {!preset && dataset.patientIds !== null && (
        <CheckboxChoice
          label={T.byPatient[lang]}
          checked={options.byPatient}
          testId="split-by-patient"
          onChange={(checked) => onChange({ byPatient: checked })}
        />
      )}
      <CheckboxChoice
        label={T.limit[lang]}
        checked={trainLimit !== null}
        disabled={trainTotal < 2}
        testId="split-limit"
        onChange={(checked) => onTrainLimit(checked ? Math.max(1, Math.floor(trainTotal / 10)) : null)}
      />
      {trainLimit !== null && (
        <NumberField
          label={T.limitCount[lang]}
          value={Math.min(trainLimit, trainTotal)}
          min={1}
          max={Math.max(1, trainTotal)}
          integer
          testId="split-limit-count"
          onChange={(v) => onTrainLimit(v)}
        />
      )}
      {counts && (
        <table className="table training-split__table" data-testid="split-table">
          <caption>{T.table[lang]}</caption>
          <thead>
            <tr>
              <th scope="col">{T.className[lang]}</th>
              {SPLIT_NAMES.map((s) => (
                <th scope="col" key={s}>
                  {T[s][lang]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dataset.classNames.map((c, k) => (
              <tr key={k}>
                <th scope="row">{c[lang]}</th>
                {SPLIT_NAMES.map((s) => (
                  <td key={s}>{counts[s][k] ?? 0}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{T.total[lang]}</th>
              {SPLIT_NAMES.map((s) => (
                <td key={s}>{split?.[s].length ?? 0}</td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
    </fieldset>
  );
}

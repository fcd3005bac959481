import './training.css';
import { useId } from 'react';
import type { Lang } from '../../core/lessons/types';
import {
  DIFFICULTY_PRESETS,
  type PhantomDatasetSpec,
  type PhantomDifficulty,
  type PhantomTrainingTask,
} from '../../core/datasets/phantomTrainingSet';
import { NumberField } from './NumberField';
import { phantomTexts as T } from './trainingTexts';

const TASKS: readonly PhantomTrainingTask[] = ['nodule', 'haemorrhage'];
const CUSTOM = 'custom';

function sameDifficulty(a: PhantomDifficulty, b: PhantomDifficulty): boolean {
  return (
    a.lesionSizeMm[0] === b.lesionSizeMm[0] &&
    a.lesionSizeMm[1] === b.lesionSizeMm[1] &&
    a.contrast === b.contrast &&
    a.noiseHu === b.noiseHu
  );
}

/** The preset whose numbers `d` has, or `custom`. */
export function presetOf(d: PhantomDifficulty): string {
  return Object.entries(DIFFICULTY_PRESETS).find(([, p]) => sameDifficulty(p, d))?.[0] ?? CUSTOM;
}

/**
 * The settings of a phantom dataset (controlled): task, difficulty preset and its numbers (lesion
 * size range, contrast, noise), image count, share with a lesion, images per patient, seed.
 */
export function PhantomControls({
  spec,
  onChange,
  lang,
}: {
  spec: PhantomDatasetSpec;
  onChange(spec: PhantomDatasetSpec): void;
  lang: Lang;
}) {
  const id = useId();
  const d = spec.difficulty;
  const preset = presetOf(d);
  const setDifficulty = (next: Partial<PhantomDifficulty>): void =>
    onChange({ ...spec, difficulty: { ...d, ...next } });
  return (
    <fieldset className="field-group training-phantom">
      <legend>{T.legend[lang]}</legend>
      <p className="training-field">
        <label htmlFor={`${id}-task`}>{T.task[lang]}</label>
        <select
          id={`${id}-task`}
          value={spec.task}
          data-testid="phantom-task"
          onChange={(e) => onChange({ ...spec, task: e.target.value as PhantomTrainingTask })}
        >
          {TASKS.map((t) => (
            <option key={t} value={t}>
              {T[t][lang]}
            </option>
          ))}
        </select>
      </p>
      <p className="training-field">
        <label htmlFor={`${id}-preset`}>{T.difficulty[lang]}</label>
        <select
          id={`${id}-preset`}
          value={preset}
          data-testid="phantom-difficulty"
          onChange={(e) => {
            const p = DIFFICULTY_PRESETS[e.target.value as keyof typeof DIFFICULTY_PRESETS];
            if (p) onChange({ ...spec, difficulty: { ...p, lesionSizeMm: [...p.lesionSizeMm] } });
          }}
        >
          {Object.keys(DIFFICULTY_PRESETS).map((k) => (
            <option key={k} value={k}>
              {(T.presetNames[k] ?? { en: k, zh: k })[lang]}
            </option>
          ))}
          {preset === CUSTOM && <option value={CUSTOM}>{T.custom[lang]}</option>}
        </select>
      </p>
      <div className="training-row">
        <NumberField
          label={T.sizeMin[lang]}
          value={d.lesionSizeMm[0]}
          min={1}
          max={d.lesionSizeMm[1]}
          step={0.5}
          testId="phantom-size-min"
          onChange={(v) => setDifficulty({ lesionSizeMm: [v, d.lesionSizeMm[1]] })}
        />
        <NumberField
          label={T.sizeMax[lang]}
          value={d.lesionSizeMm[1]}
          min={d.lesionSizeMm[0]}
          max={40}
          step={0.5}
          testId="phantom-size-max"
          onChange={(v) => setDifficulty({ lesionSizeMm: [d.lesionSizeMm[0], v] })}
        />
        <NumberField
          label={T.contrast[lang]}
          value={d.contrast}
          min={0}
          max={2}
          step={0.05}
          testId="phantom-contrast"
          onChange={(v) => setDifficulty({ contrast: v })}
        />
        <NumberField
          label={T.noise[lang]}
          value={d.noiseHu}
          min={0}
          max={200}
          step={1}
          testId="phantom-noise"
          onChange={(v) => setDifficulty({ noiseHu: v })}
        />
      </div>
      <div className="training-row">
        <NumberField
          label={T.count[lang]}
          value={spec.count}
          min={4}
          max={20000}
          step={1}
          integer
          testId="phantom-count"
          onChange={(v) => onChange({ ...spec, count: v })}
        />
        <NumberField
          label={T.positive[lang]}
          value={spec.positiveFraction}
          min={0.05}
          max={0.95}
          step={0.05}
          testId="phantom-positive"
          onChange={(v) => onChange({ ...spec, positiveFraction: v })}
        />
        <NumberField
          label={T.perPatient[lang]}
          value={spec.imagesPerPatient}
          min={1}
          max={50}
          step={1}
          integer
          testId="phantom-per-patient"
          onChange={(v) => onChange({ ...spec, imagesPerPatient: v })}
        />
        <NumberField
          label={T.seed[lang]}
          value={spec.seed}
          min={0}
          max={2 ** 31 - 1}
          step={1}
          integer
          testId="phantom-seed"
          onChange={(v) => onChange({ ...spec, seed: v })}
        />
      </div>
    </fieldset>
  );
}

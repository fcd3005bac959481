import { useId, useState } from 'react';
import type { Lang } from '../../core/lessons/types';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { featureTexts as T } from './convolutionTexts';
import { weightColours } from './KernelGrid';
import { KERNEL_PRESETS, kernelSum } from './kernelPresets';
import { formatWeight, KERNEL_SIZES, WEIGHT_LIMIT, type KernelSize } from './kernelString';
import './convolution.css';

/**
 * The kernel controls of the feature-map step: preset radio buttons (each with what it finds), a k × k
 * grid of number fields labelled "row r, column c", the size, Normalise and Random. A field being
 * typed in keeps its text until it holds a valid weight, so "−" or "0." can be typed on the way.
 */
export function KernelEditor({
  presetId,
  weights,
  size,
  lang,
  onPreset,
  onWeights,
  onSize,
  onNormalise,
  onRandom,
}: {
  /** A preset id or 'custom'. */
  presetId: string;
  weights: readonly number[];
  size: KernelSize;
  lang: Lang;
  onPreset(id: string): void;
  onWeights(weights: number[]): void;
  onSize(size: KernelSize): void;
  onNormalise(): void;
  onRandom(): void;
}) {
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const group = useId();
  const range = Math.max(...weights.map((w) => Math.abs(w)), 0);
  const selected = KERNEL_PRESETS.find((p) => p.id === presetId);
  const edit = (i: number, text: string): void => {
    setDrafts((d) => ({ ...d, [i]: text }));
    const v = Number(text.replace('\u2212', '-'));
    if (text.trim() === '' || !Number.isFinite(v) || Math.abs(v) > WEIGHT_LIMIT) return;
    const next = [...weights];
    next[i] = v;
    onWeights(next);
  };
  const done = (i: number): void =>
    setDrafts((d) => {
      const rest = { ...d };
      delete rest[i];
      return rest;
    });
  return (
    <div className="conv-editor" data-testid="kernel-editor">
      <fieldset className="conv-editor__presets">
        <legend>{T.presets[lang]}</legend>
        {[
          ...KERNEL_PRESETS.map((p) => ({ id: p.id, label: p.label[lang] })),
          { id: 'custom', label: T.customLabel[lang] },
        ].map((p) => (
          <label key={p.id} className="conv-editor__preset">
            <input
              type="radio"
              name={group}
              value={p.id}
              checked={presetId === p.id}
              onChange={() => onPreset(p.id)}
              data-testid={`preset-${p.id}`}
            />
            {p.label}
          </label>
        ))}
      </fieldset>
      <p className="conv-editor__finds" data-testid="preset-finds">
        {selected ? selected.finds[lang] : T.custom[lang]}
      </p>
      <fieldset className="conv-editor__grid-box">
        <legend>{T.editor[lang]}</legend>
        <div className="conv-editor__grid" style={{ gridTemplateColumns: `repeat(${size}, auto)` }}>
          {weights.map((w, i) => {
            const r = Math.floor(i / size) + 1;
            const c = (i % size) + 1;
            return (
              <input
                key={`${size}-${i}`}
                type="number"
                inputMode="decimal"
                step={0.1}
                min={-WEIGHT_LIMIT}
                max={WEIGHT_LIMIT}
                className="conv-editor__cell"
                style={weightColours(w, range)}
                aria-label={T.cell[lang](r, c)}
                value={drafts[i] ?? formatWeight(w)}
                onChange={(e) => edit(i, e.target.value)}
                onBlur={() => done(i)}
                data-testid={`kernel-cell-${r}-${c}`}
              />
            );
          })}
        </div>
      </fieldset>
      <p className="conv-editor__sum" data-testid="kernel-sum">
        {T.sum[lang](formatNumber(kernelSum(weights), 4))}
      </p>
      <div className="conv-controls">
        <span className="conv-editor__sizes" role="group" aria-label={T.size[lang]}>
          {T.size[lang]}:{' '}
          {KERNEL_SIZES.map((k) => (
            <button
              key={k}
              type="button"
              className="button button--quiet"
              aria-pressed={k === size}
              onClick={() => onSize(k)}
              data-testid={`kernel-size-${k}`}
            >
              {k}×{k}
            </button>
          ))}
        </span>
        <button
          type="button"
          className="button"
          onClick={onNormalise}
          title={T.normaliseHint[lang]}
          data-testid="kernel-normalise"
        >
          {T.normalise[lang]}
        </button>
        <button type="button" className="button" onClick={onRandom} data-testid="kernel-random">
          {T.random[lang]}
        </button>
      </div>
    </div>
  );
}

import './training.css';
import { useId } from 'react';
import type { Lang } from '../../core/lessons/types';
import {
  DEFAULT_CUSTOM_SPEC,
  MAX_CUSTOM_BLOCKS,
  MAX_CUSTOM_DENSE,
  MAX_CUSTOM_FILTERS,
  type AugmentSpec,
  type ModelSpec,
  type OptimizerSpec,
  type TrainConfig,
  type TrainableZooId,
} from '../../core/training/trainingTypes';
import { NumberField } from './NumberField';
import { setupTexts as T } from './trainingTexts';

const ZOO_IDS: readonly TrainableZooId[] = ['tiny-vgg', 'lenet5', 'mlp', 'mobilenet', 'resnet'];
const CUSTOM = 'custom';
/** The custom stack offered when the user picks it. */
export const DEFAULT_CUSTOM = DEFAULT_CUSTOM_SPEC;
const OPTIMIZERS: readonly OptimizerSpec['kind'][] = ['sgd', 'momentum', 'adam'];

/**
 * The model and training settings (controlled): zoo architecture (optionally from its trained
 * weights) or a custom stack, optimizer and learning rate, batch size, epochs, weight decay,
 * class weights, seed and the augmentation switches and amounts.
 */
export function SetupPanel({
  config,
  onChange,
  lang,
  disabled,
}: {
  config: TrainConfig;
  onChange(config: TrainConfig): void;
  lang: Lang;
  disabled?: boolean;
}) {
  const id = useId();
  const m = config.model;
  const o = config.optimizer;
  const a = config.augment;
  const set = (part: Partial<TrainConfig>): void => onChange({ ...config, ...part });
  const setModel = (model: ModelSpec): void => set({ model });
  const setAug = (part: Partial<AugmentSpec>): void => set({ augment: { ...a, ...part } });
  return (
    <fieldset className="field-group training-setup" disabled={disabled}>
      <legend>{T.legend[lang]}</legend>
      <div className="training-row">
        <p className="training-field">
          <label htmlFor={`${id}-model`}>{T.model[lang]}</label>
          <select
            id={`${id}-model`}
            value={m.kind === 'zoo' ? m.id : CUSTOM}
            data-testid="setup-model"
            onChange={(e) => {
              const v = e.target.value;
              if (v === CUSTOM) setModel(m.kind === 'custom' ? m : DEFAULT_CUSTOM);
              else
                setModel({
                  kind: 'zoo',
                  id: v as TrainableZooId,
                  pretrained: m.kind === 'zoo' && m.pretrained,
                });
            }}
          >
            {ZOO_IDS.map((z) => (
              <option key={z} value={z}>
                {(T.zoo[z] ?? { en: z, zh: z })[lang]}
              </option>
            ))}
            <option value={CUSTOM}>{T.custom[lang]}</option>
          </select>
        </p>
        {m.kind === 'zoo' && (
          <p className="choice">
            <input
              id={`${id}-pre`}
              type="checkbox"
              checked={m.pretrained}
              data-testid="setup-pretrained"
              onChange={(e) => setModel({ ...m, pretrained: e.target.checked })}
            />
            <label htmlFor={`${id}-pre`}>{T.pretrained[lang]}</label>
          </p>
        )}
      </div>
      {m.kind === 'custom' && (
        <div className="training-row" data-testid="setup-custom">
          <NumberField
            label={T.blocks[lang]}
            value={m.blocks}
            min={1}
            max={MAX_CUSTOM_BLOCKS}
            integer
            testId="setup-blocks"
            onChange={(v) => setModel({ ...m, blocks: v })}
          />
          <NumberField
            label={T.filters[lang]}
            value={m.filters}
            min={1}
            max={MAX_CUSTOM_FILTERS}
            integer
            testId="setup-filters"
            onChange={(v) => setModel({ ...m, filters: v })}
          />
          <p className="training-field">
            <label htmlFor={`${id}-kernel`}>{T.kernel[lang]}</label>
            <select
              id={`${id}-kernel`}
              value={m.kernel}
              data-testid="setup-kernel"
              onChange={(e) => setModel({ ...m, kernel: Number(e.target.value) === 5 ? 5 : 3 })}
            >
              <option value={3}>3 × 3</option>
              <option value={5}>5 × 5</option>
            </select>
          </p>
          <NumberField
            label={T.dense[lang]}
            value={m.dense}
            min={0}
            max={MAX_CUSTOM_DENSE}
            integer
            testId="setup-dense"
            onChange={(v) => setModel({ ...m, dense: v })}
          />
        </div>
      )}
      <div className="training-row">
        <p className="training-field">
          <label htmlFor={`${id}-opt`}>{T.optimizer[lang]}</label>
          <select
            id={`${id}-opt`}
            value={o.kind}
            data-testid="setup-optimizer"
            onChange={(e) => {
              const kind = e.target.value as OptimizerSpec['kind'];
              set({
                optimizer:
                  kind === 'momentum'
                    ? { ...o, kind, momentum: o.momentum ?? 0.9 }
                    : { kind, learningRate: o.learningRate },
              });
            }}
          >
            {OPTIMIZERS.map((k) => (
              <option key={k} value={k}>
                {T[k][lang]}
              </option>
            ))}
          </select>
        </p>
        <NumberField
          label={T.learningRate[lang]}
          value={o.learningRate}
          min={1e-6}
          max={1}
          step={0.0001}
          testId="setup-lr"
          onChange={(v) => set({ optimizer: { ...o, learningRate: v } })}
        />
        <NumberField
          label={T.batchSize[lang]}
          value={config.batchSize}
          min={1}
          max={512}
          integer
          testId="setup-batch"
          onChange={(v) => set({ batchSize: v })}
        />
        <NumberField
          label={T.epochs[lang]}
          value={config.epochs}
          min={1}
          max={500}
          integer
          testId="setup-epochs"
          onChange={(v) => set({ epochs: v })}
        />
        <NumberField
          label={T.weightDecay[lang]}
          value={config.weightDecay}
          min={0}
          max={0.1}
          step={0.0001}
          testId="setup-decay"
          onChange={(v) => set({ weightDecay: v })}
        />
        <p className="training-field">
          <label htmlFor={`${id}-cw`}>{T.classWeights[lang]}</label>
          <select
            id={`${id}-cw`}
            value={config.classWeights === 'balanced' ? 'balanced' : 'none'}
            data-testid="setup-class-weights"
            onChange={(e) => set({ classWeights: e.target.value === 'balanced' ? 'balanced' : 'none' })}
          >
            <option value="none">{T.weightsNone[lang]}</option>
            <option value="balanced">{T.weightsBalanced[lang]}</option>
          </select>
        </p>
        <NumberField
          label={T.seed[lang]}
          value={config.seed}
          min={0}
          max={2 ** 31 - 1}
          integer
          testId="setup-seed"
          onChange={(v) => set({ seed: v })}
        />
      </div>
      <fieldset className="field-group training-augment">
        <legend>{T.augment[lang]}</legend>
        <p className="choice">
          <input
            id={`${id}-flip`}
            type="checkbox"
            checked={a.flip}
            data-testid="setup-flip"
            onChange={(e) => setAug({ flip: e.target.checked })}
          />
          <label htmlFor={`${id}-flip`}>{T.flip[lang]}</label>
        </p>
        <div className="training-row">
          <NumberField
            label={T.rotate[lang]}
            value={a.rotateDeg}
            min={0}
            max={180}
            step={1}
            testId="setup-rotate"
            onChange={(v) => setAug({ rotateDeg: v })}
          />
          <NumberField
            label={T.shift[lang]}
            value={a.shiftPx}
            min={0}
            max={16}
            integer
            testId="setup-shift"
            onChange={(v) => setAug({ shiftPx: v })}
          />
          <NumberField
            label={T.intensity[lang]}
            value={a.intensity}
            min={0}
            max={1}
            step={0.05}
            testId="setup-intensity"
            onChange={(v) => setAug({ intensity: v })}
          />
          <NumberField
            label={T.noiseAmount[lang]}
            value={a.noise}
            min={0}
            max={0.5}
            step={0.01}
            testId="setup-noise"
            onChange={(v) => setAug({ noise: v })}
          />
        </div>
      </fieldset>
    </fieldset>
  );
}

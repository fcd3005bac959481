import { useId } from 'react';
import type { NumberParamDef } from '../../core/lessons/types';
import { fmtNum } from './neuronsFormat';

/**
 * A labelled slider for one number parameter, with its value written next to it. The range input
 * brings the keyboard (arrows, Page Up/Down, Home/End); `onChange` gets the new value.
 */
export function SliderField({
  def,
  label,
  value,
  onChange,
  disabled = false,
  format = (v: number) => fmtNum(v, 2),
}: {
  def: NumberParamDef;
  label: string;
  value: number;
  onChange(value: number): void;
  disabled?: boolean;
  format?: (v: number) => string;
}) {
  const id = useId();
  return (
    <div className="neurons-slider" data-testid={`slider-${def.id}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={def.min}
        max={def.max}
        step={def.step}
        value={value}
        disabled={disabled}
        aria-valuetext={format(value)}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output htmlFor={id} className="neurons-slider__value">
        {format(value)}
      </output>
    </div>
  );
}

/** A radio group (a fieldset with a legend): one choice of several, arrow keys move between them. */
export function RadioGroup<V extends string | number>({
  legend,
  name,
  options,
  value,
  onChange,
  testId,
}: {
  legend: string;
  name: string;
  options: readonly { value: V; label: string }[];
  value: V;
  onChange(value: V): void;
  testId?: string;
}) {
  const id = useId();
  return (
    <fieldset className="neurons-radio" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="radio-row">
        {options.map((o) => (
          <label key={String(o.value)} className="choice">
            <input
              type="radio"
              name={`${id}-${name}`}
              value={String(o.value)}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

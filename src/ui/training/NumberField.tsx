import './training.css';
import { useId, useState } from 'react';

/**
 * A labelled number input for the training panels. Controlled: it shows `value` and calls
 * `onChange` only with a number that is valid (finite, within min…max, whole when `integer`);
 * while the text typed is not valid it stays as typed, marked `aria-invalid`, and is dropped on blur.
 */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step = 1,
  integer = false,
  testId,
  disabled,
}: {
  label: string;
  value: number;
  onChange(value: number): void;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  testId?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <p className="training-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={step}
        value={draft ?? String(value)}
        disabled={disabled}
        aria-invalid={draft !== null || undefined}
        data-testid={testId}
        onChange={(e) => {
          const text = e.target.value;
          const v = Number(text);
          const ok =
            text.trim() !== '' &&
            Number.isFinite(v) &&
            v >= min &&
            v <= max &&
            (!integer || Number.isInteger(v));
          if (ok) {
            setDraft(null);
            if (v !== value) onChange(v);
          } else setDraft(text);
        }}
        onBlur={() => setDraft(null)}
      />
    </p>
  );
}

import { useState } from 'react';

/**
 * A labelled number input that lets the user type freely ("-", "4", "40") and commits every
 * parseable value; the typed text is kept until the field loses focus.
 */
export function NumberField(props: {
  id: string;
  label: string;
  value: number;
  step: number;
  min?: number;
  suffix?: string;
  disabled?: boolean;
  onCommit(value: number): void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="viewer__number">
      <label htmlFor={props.id}>{props.label}</label>
      <span className="viewer__number-row">
        <input
          id={props.id}
          type="number"
          inputMode="decimal"
          step={props.step}
          min={props.min}
          value={draft ?? String(props.value)}
          disabled={props.disabled}
          onChange={(e) => {
            const text = e.target.value;
            setDraft(text);
            const n = Number(text);
            if (text.trim() !== '' && Number.isFinite(n)) props.onCommit(n);
          }}
          onBlur={() => setDraft(null)}
        />
        {props.suffix && (
          <span className="viewer__unit" lang="en">
            {props.suffix}
          </span>
        )}
      </span>
    </div>
  );
}

import { memo, useId } from 'react';
import type { Lang, ParamDef, ParamValues, TextParamDef } from '../core/lessons/types';
import { useT } from '../i18n/useT';

/** Props of {@link ParamControls}. */
export interface ParamControlsProps {
  params: readonly ParamDef[];
  values: ParamValues;
  lang: Lang;
  onChange(id: string, value: number | string): void;
}

/**
 * Generic controls for a step's parameters: a radio group per enum, a slider per number. Hidden
 * and text parameters are left to the step's widget.
 */
export const ParamControls = memo(function ParamControls({
  params,
  values,
  lang,
  onChange,
}: ParamControlsProps) {
  const t = useT();
  const baseId = useId();
  const shown = params.filter((p): p is Exclude<ParamDef, TextParamDef> => !p.hidden);
  if (shown.length === 0) return null;
  return (
    <section className="params" aria-labelledby={`${baseId}-h`}>
      <h3 id={`${baseId}-h`}>{t('lesson.parameters')}</h3>
      {shown.map((p) => {
        const value = values[p.id] ?? p.default;
        if (p.kind === 'enum') {
          return (
            <fieldset key={p.id} className="field-group" data-testid={`param-${p.id}`}>
              <legend>{p.label[lang]}</legend>
              <div className="radio-row">
                {p.options.map((o) => (
                  <label key={o.value} className="choice">
                    <input
                      type="radio"
                      name={`${baseId}-${p.id}`}
                      value={o.value}
                      checked={value === o.value}
                      onChange={() => onChange(p.id, o.value)}
                    />
                    {o.label[lang]}
                  </label>
                ))}
              </div>
            </fieldset>
          );
        }
        const inputId = `${baseId}-${p.id}`;
        return (
          <div key={p.id} className="field-group" data-testid={`param-${p.id}`}>
            <label htmlFor={inputId}>{p.label[lang]}</label>
            <input
              id={inputId}
              type="range"
              min={p.min}
              max={p.max}
              step={p.step}
              value={Number(value)}
              onChange={(e) => onChange(p.id, Number(e.target.value))}
            />
            <output htmlFor={inputId}>{String(value)}</output>
          </div>
        );
      })}
    </section>
  );
}, sameControls);

/**
 * Props equality for {@link ParamControls}: the same definitions, language and handler, and the
 * same value for each parameter it draws (a widget's other parameters, such as a kernel edited in
 * the widget, do not re-render the panel).
 */
function sameControls(a: ParamControlsProps, b: ParamControlsProps): boolean {
  return (
    a.params === b.params &&
    a.lang === b.lang &&
    a.onChange === b.onChange &&
    a.params.every((p) => p.hidden || a.values[p.id] === b.values[p.id])
  );
}

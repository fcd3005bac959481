import { useId } from 'react';
import { windowTransform } from '../../core/imaging/display/applyWindow';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { WindowChoice } from '../../core/imaging/display/defaultWindow';
import { sameWindow, type VoiWindow } from '../../core/imaging/display/voiWindow';
import { WINDOW_PRESETS } from '../../core/imaging/display/windowPresets';
import { NumberField } from './NumberField';
import { useViewerT } from './useViewerT';
import { WithTerm } from './WithTerm';

/**
 * Window controls: centre and width inputs, the presets (CT images only), the file's window,
 * the automatic window, and the invert toggle. Every choice is a pressed/unpressed button
 * (aria-pressed and a ✓), never colour alone.
 */
export function WindowControls(props: {
  window: VoiWindow;
  unit: string;
  /** Input step, in modality units. */
  step: number;
  fileWindow: VoiWindow | null;
  autoWindow: VoiWindow | null;
  invert: boolean;
  /** Whether the frame is MONOCHROME1 (then the display is inverted unless the toggle undoes it). */
  monochrome1: boolean;
  onChange(w: VoiWindow): void;
  onChoose(choice: WindowChoice): void;
  onInvert(invert: boolean): void;
}) {
  const t = useViewerT();
  const id = useId();
  const { window: w, unit } = props;
  const isHu = unit === 'HU';
  const unitSuffix = unit ? ` ${unit}` : '';
  const { lower, upper } = windowTransform(w.center, w.width);
  const rangeParams = { low: formatNumber(lower), high: formatNumber(upper), unit: unitSuffix };
  // Inverted in the end: MONOCHROME1 xor the toggle (as renderToRgba's isDisplayInverted).
  const inverted = props.monochrome1 !== props.invert;
  const choice = (
    key: string,
    label: string,
    pressed: boolean,
    onClick: () => void,
    preset?: { title: string; values: string },
    disabled = false,
  ) => (
    <button
      key={key}
      type="button"
      className="button viewer__choice"
      aria-pressed={pressed}
      disabled={disabled}
      title={preset?.title}
      data-choice={key}
      onClick={onClick}
    >
      <span className="viewer__choice-name">
        <span aria-hidden="true" className="viewer__check">
          {pressed ? '✓ ' : ''}
        </span>
        {label}
      </span>
      {preset && <span className="viewer__choice-values">{preset.values}</span>}
    </button>
  );
  return (
    <fieldset className="field-group viewer__window">
      <legend>{t('window.legend')}</legend>
      <div className="viewer__numbers">
        <NumberField
          id={`${id}-c`}
          label={t('window.center')}
          value={w.center}
          step={props.step}
          suffix={unit}
          onCommit={(center) => props.onChange({ center, width: w.width })}
        />
        <NumberField
          id={`${id}-w`}
          label={t('window.width')}
          value={w.width}
          step={props.step}
          min={1}
          suffix={unit}
          onCommit={(width) => props.onChange({ center: w.center, width })}
        />
      </div>
      <p className="hint" data-testid="window-range">
        {t(inverted ? 'window.rangeInverted' : 'window.range', rangeParams)}
      </p>
      <div role="group" aria-label={t('window.sources')} className="viewer__choices">
        {choice(
          'file',
          t('window.file'),
          props.fileWindow !== null && sameWindow(w, props.fileWindow),
          () => props.onChoose('file'),
          undefined,
          props.fileWindow === null,
        )}
        {choice('auto', t('window.auto'), props.autoWindow !== null && sameWindow(w, props.autoWindow), () =>
          props.onChoose('auto'),
        )}
        {isHu &&
          WINDOW_PRESETS.map((p) => {
            const name = t(`preset.${p.id}`);
            const width = formatNumber(p.width);
            const center = formatNumber(p.center);
            return choice(p.id, name, sameWindow(w, p), () => props.onChoose(p.id), {
              title: t('window.presetTitle', { name, width, center }),
              values: `W ${width} · L ${center}`,
            });
          })}
      </div>
      {!props.fileWindow && <p className="hint">{t('window.fileMissing')}</p>}
      <p className="hint">{t('window.autoHelp')}</p>
      {!isHu && <p className="hint">{t('window.presetsOnlyHu')}</p>}
      <label className="choice">
        <input type="checkbox" checked={props.invert} onChange={(e) => props.onInvert(e.target.checked)} />
        {t('window.invert')}
      </label>
      {props.monochrome1 && (
        <p className="hint">
          <WithTerm text={t('window.monochrome1')} term="MONOCHROME1" />
        </p>
      )}
    </fieldset>
  );
}

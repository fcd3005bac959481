import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { BackendPreference } from '../core/tensor/backendTypes';
import { useT } from '../i18n/useT';
import { BACKEND_NAMES } from './backendNames';
import { BACKEND_PREFERENCES, useBackendStore } from './backendStore';
import { getProgressStore } from './progressStore';
import { useSettingsStore } from './settingsStore';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The settings button and its modal dialog (Escape or the close button closes it; focus returns to the button). */
export function Settings() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = (): void => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button settings-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={t('header.settingsOpen')}
        data-testid="settings-button"
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">⚙</span> {t('header.settings')}
      </button>
      {open && <SettingsDialog onClose={close} />}
    </>
  );
}

/** The dialog itself: backend preference, presentation mode, instructor notes, progress reset. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const preference = useBackendStore((s) => s.preference);
  const setPreference = useBackendStore((s) => s.setPreference);
  const report = useBackendStore((s) => s.report);
  const status = useBackendStore((s) => s.status);
  const { presentation, showNotes, setPresentation, setShowNotes } = useSettingsStore();
  const [cleared, setCleared] = useState(false);

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialogRef.current) return;
    const items = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const prefLabel = (p: BackendPreference): string =>
    p === 'auto' ? t('settings.pref.auto') : BACKEND_NAMES[p];

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialogRef}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="settings-dialog"
        onKeyDown={onKeyDown}
      >
        <div className="dialog__head">
          <h2 id={titleId}>{t('settings.title')}</h2>
          <button
            type="button"
            className="button button--quiet"
            onClick={onClose}
            data-testid="settings-close"
          >
            {t('settings.close')}
          </button>
        </div>
        <fieldset className="field-group">
          <legend>{t('settings.backend')}</legend>
          <p className="hint">{t('settings.backendHelp')}</p>
          {BACKEND_PREFERENCES.map((p) => (
            <label key={p} className="choice">
              <input
                type="radio"
                name="backend-preference"
                value={p}
                checked={preference === p}
                data-testid={`backend-pref-${p}`}
                onChange={() => void setPreference(p)}
              />
              {prefLabel(p)}
            </label>
          ))}
          <p className="hint" data-testid="settings-backend-current">
            {status === 'ready' && report
              ? t('settings.current', { name: BACKEND_NAMES[report.backend] })
              : status === 'error'
                ? t('backend.error')
                : t('backend.loading')}
          </p>
        </fieldset>
        <fieldset className="field-group">
          <legend>{t('settings.display')}</legend>
          <label className="choice">
            <input
              type="checkbox"
              checked={presentation}
              data-testid="presentation-toggle"
              onChange={(e) => setPresentation(e.target.checked)}
            />
            {t('settings.presentation')}
          </label>
          <label className="choice">
            <input
              type="checkbox"
              checked={showNotes}
              data-testid="notes-toggle"
              onChange={(e) => setShowNotes(e.target.checked)}
            />
            {t('settings.notes')}
          </label>
        </fieldset>
        <fieldset className="field-group">
          <legend>{t('settings.progress')}</legend>
          <button
            type="button"
            className="button"
            data-testid="reset-progress"
            onClick={() => {
              getProgressStore().reset();
              setCleared(true);
            }}
          >
            {t('settings.resetProgress')}
          </button>
          <p className="hint" aria-live="polite">
            {cleared ? t('settings.progressCleared') : ''}
          </p>
        </fieldset>
      </div>
    </div>
  );
}

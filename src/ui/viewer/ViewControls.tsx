import { useId } from 'react';
import { useViewerT } from './useViewerT';
import { ZOOM_STEP, type DragMode } from './viewerKeys';

/** Zoom buttons, fit and reset, the drag mode (window or pan), and the frame slider for multi-frame images. */
export function ViewControls(props: {
  zoom: number;
  mode: DragMode;
  frameIndex: number;
  frameCount: number;
  onZoom(factor: number): void;
  onFit(): void;
  onReset(): void;
  onMode(mode: DragMode): void;
  onFrame(index: number): void;
}) {
  const t = useViewerT();
  const id = useId();
  return (
    <div className="viewer__view-controls">
      <div role="group" aria-label={t('view.legend')} className="viewer__buttons">
        <button
          type="button"
          className="button"
          onClick={() => props.onZoom(ZOOM_STEP)}
          aria-label={t('view.zoomIn')}
        >
          <span aria-hidden="true">+</span>
        </button>
        <button
          type="button"
          className="button"
          onClick={() => props.onZoom(1 / ZOOM_STEP)}
          aria-label={t('view.zoomOut')}
        >
          <span aria-hidden="true">−</span>
        </button>
        <button type="button" className="button" onClick={props.onFit}>
          {t('view.fit')}
        </button>
        <button type="button" className="button" onClick={props.onReset}>
          {t('view.reset')}
        </button>
        <output className="viewer__zoom" aria-live="off" data-testid="viewer-zoom">
          {t('view.zoomLevel', { percent: Math.round(props.zoom * 100) })}
        </output>
      </div>
      <fieldset className="viewer__mode">
        <legend>{t('view.dragMode')}</legend>
        {(['window', 'pan'] as const).map((m) => (
          <label key={m} className="choice">
            <input
              type="radio"
              name={`${id}-mode`}
              value={m}
              checked={props.mode === m}
              onChange={() => props.onMode(m)}
            />
            {t(m === 'window' ? 'view.modeWindow' : 'view.modePan')}
          </label>
        ))}
      </fieldset>
      {props.frameCount > 1 && (
        <div className="viewer__frame">
          <label htmlFor={`${id}-frame`}>{t('view.frame')}</label>
          <input
            id={`${id}-frame`}
            type="range"
            min={0}
            max={props.frameCount - 1}
            step={1}
            value={props.frameIndex}
            aria-valuetext={t('view.frameOf', { n: props.frameIndex + 1, total: props.frameCount })}
            onChange={(e) => props.onFrame(Number(e.target.value))}
          />
          <output htmlFor={`${id}-frame`}>
            {t('view.frameOf', { n: props.frameIndex + 1, total: props.frameCount })}
          </output>
        </div>
      )}
    </div>
  );
}

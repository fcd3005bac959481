import { useCallback, useId, useMemo, useState } from 'react';
import { fileWindow, initialWindow } from '../../core/imaging/display/defaultWindow';
import {
  frameCount,
  samplePixel,
  toDisplayFrame,
  type DisplayFrame,
  type ViewerImage,
} from '../../core/imaging/display/displayFrame';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { isMonochrome1 } from '../../core/imaging/display/renderToRgba';
import type { VoiWindow } from '../../core/imaging/display/voiWindow';
import { useLang } from '../../i18n/useT';
import { FileLoader } from './FileLoader';
import { KeyboardHint } from './KeyboardHint';
import { MetadataPanel } from './MetadataPanel';
import { PixelProbe } from './PixelProbe';
import { SampleGallery } from './SampleGallery';
import { useFileDrop } from './useFileDrop';
import { useImageLoader } from './useImageLoader';
import { useViewerT } from './useViewerT';
import { useViewerWindow } from './useViewerWindow';
import { useWindowDrag } from './useWindowDrag';
import { ViewControls } from './ViewControls';
import { ViewerAlert, loadErrorMessage } from './ViewerAlert';
import { ViewerCanvas, type PixelPos } from './ViewerCanvas';
import type { DragMode, KeyAction } from './viewerKeys';
import { FIT_VIEW, zoomAboutCentre, type ViewState } from './viewTransform';
import { roundWindow } from './windowDrag';
import { WindowControls } from './WindowControls';
import { imageLabel } from './imageLabel';
import { pixelAspectOf, type ViewerProps } from './viewerProps';
import './viewer.css';

export type { ViewerImage } from '../../core/imaging/display/displayFrame';
export type { VoiWindow } from '../../core/imaging/display/voiWindow';
export type { ViewerProps } from './viewerProps';

/** CSS pixels per arrow-key press in pan mode. */
const PAN_STEP = 20;

type FrameResult = { frame: DisplayFrame; error: null } | { frame: null; error: unknown };

/**
 * Frame 0 of each image, built once: a DICOM frame is a fresh Float32Array per `frame()` call, and
 * both the load callback (the default window) and the first render need it.
 */
const firstFrames = new WeakMap<ViewerImage, DisplayFrame>();

/** {@link toDisplayFrame}, with frame 0 kept per image. @throws as toDisplayFrame. */
function displayFrame(image: ViewerImage, index: number): DisplayFrame {
  if (index !== 0) return toDisplayFrame(image, index);
  let frame = firstFrames.get(image);
  if (!frame) {
    frame = toDisplayFrame(image, 0);
    firstFrames.set(image, frame);
  }
  return frame;
}

/**
 * The image viewer every lesson uses: canvas with zoom, pan and window/level by drag and keys,
 * window inputs and presets, invert, frames, pixel probe, metadata, and file / drop / sample loading.
 * Holds plain arrays only.
 */
export function Viewer(props: ViewerProps) {
  const t = useViewerT();
  const lang = useLang();
  const hintId = useId();
  const { onImageLoaded, initialPreset } = props;
  const handleLoaded = useCallback(
    (image: ViewerImage, name: string) => {
      if (!onImageLoaded) return;
      let defaultWindow: VoiWindow;
      try {
        defaultWindow = initialWindow(image, displayFrame(image, 0).values, initialPreset);
      } catch {
        defaultWindow = { center: 0.5, width: 1 };
      }
      onImageLoaded(image, { name, defaultWindow });
    },
    [onImageLoaded, initialPreset],
  );
  const loader = useImageLoader({ image: props.image, decode: props.decode, onLoaded: handleLoaded });
  const image = loader.image;

  // Per-image state, reset when the image changes.
  const [per, setPer] = useState({ image, frameIndex: 0, view: FIT_VIEW });
  const [probe, setProbe] = useState<{ image: ViewerImage | null; pos: PixelPos; keyboard: boolean } | null>(
    null,
  );
  if (per.image !== image) setPer({ image, frameIndex: 0, view: FIT_VIEW });
  const { frameIndex, view } = per;
  const setView = useCallback((v: ViewState) => setPer((p) => ({ ...p, view: v })), []);
  const [invert, setInvert] = useState(false);
  const [mode, setMode] = useState<DragMode>('window');

  const frameResult = useMemo<FrameResult | null>(() => {
    if (!image) return null;
    try {
      return { frame: displayFrame(image, frameIndex), error: null };
    } catch (error) {
      return { frame: null, error };
    }
  }, [image, frameIndex]);
  const frame = frameResult?.frame ?? null;

  const win = useViewerWindow({
    image,
    frame,
    controlled: props.window,
    initialChoice: initialPreset,
    onChange: props.onWindowChange,
  });
  const drag = useWindowDrag({
    sensitivity: win.sensitivity,
    decimals: win.decimals,
    onChange: win.setWindow,
  });

  const frames = image ? frameCount(image) : 1;
  const unit = frame?.unit ?? '';
  const pos = probe && probe.image === image ? probe.pos : null;
  const sample = useMemo(() => (frame && pos ? samplePixel(frame, pos.row, pos.column) : null), [frame, pos]);

  const changeFrame = (index: number): void => {
    const next = Math.min(frames - 1, Math.max(0, index));
    if (next === frameIndex) return;
    win.pin();
    setPer((p) => ({ ...p, frameIndex: next }));
  };
  const reset = (): void => {
    setView(FIT_VIEW);
    setInvert(false);
    win.setWindow(win.defaultWindow);
  };
  const onKeyAction = (a: KeyAction): void => {
    const w = win.window;
    switch (a.type) {
      case 'window':
        win.setWindow(
          roundWindow(
            { center: w.center + a.dCenter * win.keyStep, width: w.width + a.dWidth * win.keyStep },
            win.decimals,
          ),
        );
        break;
      case 'pan':
        setView({ ...view, panX: view.panX + a.dx * PAN_STEP, panY: view.panY + a.dy * PAN_STEP });
        break;
      case 'probe': {
        if (!frame) break;
        const base = pos ?? { row: frame.rows >> 1, column: frame.columns >> 1 };
        const next = pos
          ? {
              row: Math.min(frame.rows - 1, Math.max(0, base.row + a.dRow)),
              column: Math.min(frame.columns - 1, Math.max(0, base.column + a.dColumn)),
            }
          : base;
        setProbe({ image, pos: next, keyboard: true });
        break;
      }
      case 'zoom':
        setView(zoomAboutCentre(view, a.factor));
        break;
      case 'fit':
        setView(FIT_VIEW);
        break;
      case 'reset':
        reset();
        break;
      case 'toggle-mode':
        setMode((m) => (m === 'window' ? 'pan' : 'window'));
        break;
      case 'frame':
        changeFrame(frameIndex + a.delta);
        break;
      case 'hide-probe':
        setProbe(null);
        break;
    }
  };

  const showLoader = props.showLoader ?? true;
  const drop = useFileDrop(showLoader, (file) => void loader.loadFile(file));
  const showGallery = props.showGallery ?? showLoader;
  const ariaLabel =
    image && frame
      ? t('canvas.label', {
          image: imageLabel(image, lang, t),
          rows: frame.rows,
          columns: frame.columns,
          center: formatNumber(win.window.center),
          width: formatNumber(win.window.width),
          unit: unit ? ` ${unit}` : '',
        })
      : t('canvas.empty');
  const frameError = frameResult?.error ?? null;

  return (
    <section
      className={`viewer${drop.over ? ' viewer--drop' : ''}`}
      aria-label={props.label ?? t('viewer.label')}
      data-testid="viewer"
      {...drop.handlers}
    >
      {loader.error && (
        <ViewerAlert
          message={loadErrorMessage(loader.error, lang, t)}
          keptPrevious={image !== null}
          onDismiss={loader.dismissError}
        />
      )}
      {frameError !== null && (
        <ViewerAlert message={loadErrorMessage(frameError, lang, t)} keptPrevious={false} />
      )}
      <div className="viewer__layout">
        <div className="viewer__main">
          <div className="viewer__stage-wrap">
            <ViewerCanvas
              frame={frame}
              window={win.window}
              invert={invert}
              view={view}
              pixelAspect={pixelAspectOf(image)}
              mode={mode}
              crosshair={pos}
              ariaLabel={ariaLabel}
              roleDescription={t('canvas.role')}
              describedBy={hintId}
              drag={drag}
              currentWindow={() => win.window}
              onViewChange={setView}
              onProbe={(p) => setProbe(p ? { image, pos: p, keyboard: false } : null)}
              onKeyAction={onKeyAction}
            />
            {!image && <p className="viewer__empty">{t('canvas.empty')}</p>}
            {drop.over && (
              <p className="viewer__drop-hint" aria-hidden="true">
                {t('load.dropHere')}
              </p>
            )}
          </div>
          {image && (
            <ViewControls
              zoom={view.zoom}
              mode={mode}
              frameIndex={frameIndex}
              frameCount={frames}
              onZoom={(f) => setView(zoomAboutCentre(view, f))}
              onFit={() => setView(FIT_VIEW)}
              onReset={reset}
              onMode={setMode}
              onFrame={changeFrame}
            />
          )}
          <KeyboardHint id={hintId} multiFrame={frames > 1} />
        </div>
        <div className="viewer__side">
          {image && frame && (
            <WindowControls
              window={win.window}
              unit={unit}
              step={10 ** -win.decimals}
              fileWindow={fileWindow(image)}
              autoWindow={win.autoWindow}
              invert={invert}
              monochrome1={isMonochrome1(frame.photometricInterpretation, frame.samplesPerPixel)}
              onChange={win.setWindow}
              onChoose={win.choose}
              onInvert={setInvert}
            />
          )}
          {image && <PixelProbe sample={sample} unit={unit} announce={probe?.keyboard ?? false} />}
          {image && (props.showMetadata ?? true) && <MetadataPanel image={image} window={win.window} />}
        </div>
      </div>
      {showLoader && (
        <div className="viewer__loading">
          <FileLoader busy={loader.busy} name={loader.name} onFile={(f) => void loader.loadFile(f)} />
          {showGallery && (
            <SampleGallery
              busy={loader.busy !== null}
              onOpen={(url, name) => void loader.loadUrl(url, name)}
            />
          )}
        </div>
      )}
    </section>
  );
}

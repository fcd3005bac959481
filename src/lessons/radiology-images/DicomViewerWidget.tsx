import { useCallback, useMemo } from 'react';
import type { VoiWindow } from '../../core/imaging/display/voiWindow';
import { RichText } from '../../ui/RichText';
import { Viewer } from '../../ui/viewer/Viewer';
import type { WidgetProps } from '../widgetTypes';
import { SampleStatus } from './SampleStatus';
import { useSampleImage } from './useSampleImage';

/** The window kept in the step's `wc`/`ww` parameters, so a link reopens the same view. */
export function useUrlWindow({ params, setParam }: Pick<WidgetProps, 'params' | 'setParam'>) {
  const wc = Number(params.wc);
  const ww = Number(params.ww);
  const window = useMemo<VoiWindow>(() => ({ center: wc, width: ww }), [wc, ww]);
  const onWindowChange = useCallback(
    (w: VoiWindow) => {
      setParam('wc', Math.round(w.center));
      setParam('ww', Math.max(1, Math.round(w.width)));
    },
    [setParam],
  );
  return { window, onWindowChange };
}

/**
 * The `dicom-viewer` widget: the shared Viewer on the sample named by the `sample` parameter (or any
 * file the user opens), its window in the URL.
 */
export function DicomViewerWidget({ step, params, lang, setParam }: WidgetProps) {
  const sample = useSampleImage(String(params.sample));
  const { window, onWindowChange } = useUrlWindow({ params, setParam });
  return (
    <div className="ri-viewer" data-testid="ri-viewer">
      <SampleStatus state={sample} lang={lang} />
      <Viewer
        image={sample.status === 'ready' ? sample.image : null}
        window={window}
        onWindowChange={onWindowChange}
        onImageLoaded={(_img, info) => onWindowChange(info.defaultWindow)}
        label={step.title[lang]}
      />
      <RichText text={step.body[lang]} />
    </div>
  );
}

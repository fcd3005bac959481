import { RichText } from '../../ui/RichText';
import { Viewer } from '../../ui/viewer/Viewer';
import type { WidgetProps } from '../widgetTypes';
import { SampleStatus } from './SampleStatus';
import { useSampleImage } from './useSampleImage';
import { headerTexts as T } from './headerTexts';

/**
 * The `dicom-header` widget: the viewer with its metadata panel open on the chosen sample (or the
 * user's file), and a count of the identifying attributes the sample holds (names only, never values).
 */
export function DicomHeaderWidget({ step, params, lang }: WidgetProps) {
  const sample = useSampleImage(String(params.sample));
  const phi = sample.status === 'ready' && sample.image.kind === 'dicom' ? sample.image.phi : null;
  return (
    <div className="dicom-header" data-testid="dicom-header">
      <SampleStatus state={sample} lang={lang} />
      {phi && (
        <p className="callout" data-testid="phi-count">
          {T.phiCount[lang](phi.length)}
        </p>
      )}
      <Viewer image={sample.status === 'ready' ? sample.image : null} label={step.title[lang]} />
      <RichText text={step.body[lang]} />
    </div>
  );
}

import { useMemo } from 'react';
import type { DecodedImage } from '../../core/imaging';
import { applyWindow } from '../../core/imaging/display/applyWindow';
import { fileWindow } from '../../core/imaging/display/defaultWindow';
import { toDisplayFrame } from '../../core/imaging/display/displayFrame';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { percentileWindow } from '../../core/imaging/display/percentileWindow';
import type { RenderableImage } from '../../core/imaging/display/renderToRgba';
import type { VoiWindow } from '../../core/imaging/display/voiWindow';
import { RichText } from '../../ui/RichText';
import type { WidgetProps } from '../widgetTypes';
import { monochromeTexts as T } from './monochromeTexts';
import { SampleStatus } from './SampleStatus';
import { useSampleImage } from './useSampleImage';
import { WindowedImage } from './WindowedImage';

/** One frame of a decoded radiograph read under both greyscale interpretations (DICOM PS3.3 C.7.6.3.1.2). */
export interface MonochromePair {
  mono2: RenderableImage;
  mono1: RenderableImage;
  window: VoiWindow;
  /** The pixel the text follows: the centre row, a quarter of the width in (the right lung of a PA film). */
  probe: { row: number; column: number; value: number; grey2: number; grey1: number };
}

/** The same values as MONOCHROME2 and MONOCHROME1, with the file's window (or the automatic one). */
export function monochromePair(image: DecodedImage): MonochromePair | null {
  if (image.samplesPerPixel !== 1) return null;
  const { values } = toDisplayFrame(image, 0);
  const base = { values, rows: image.rows, columns: image.columns, samplesPerPixel: 1 };
  const window = fileWindow(image) ?? percentileWindow(values);
  if (!window) return null;
  const row = Math.floor(image.rows / 2);
  const column = Math.floor(image.columns / 4);
  const value = values[row * image.columns + column] ?? 0;
  const grey2 = applyWindow(Float32Array.of(value), window.center, window.width)[0] ?? 0;
  return {
    mono2: { ...base, photometricInterpretation: 'MONOCHROME2' },
    mono1: { ...base, photometricInterpretation: 'MONOCHROME1' },
    window,
    // MONOCHROME1 inverts the output of the VOI LUT: the minimum is displayed white.
    probe: { row, column, value, grey2, grey1: 255 - grey2 },
  };
}

/**
 * The `monochrome` widget: one radiograph's numbers shown twice, as MONOCHROME2 (minimum black) and
 * as MONOCHROME1 (minimum white), with one pixel followed through both.
 */
export function MonochromeWidget({ step, lang }: WidgetProps) {
  const sample = useSampleImage('chest-xray-nodule');
  const pair = useMemo(() => (sample.status === 'ready' ? monochromePair(sample.image) : null), [sample]);
  return (
    <div className="monochrome" data-testid="monochrome">
      <SampleStatus state={sample} lang={lang} />
      {pair && (
        <>
          <div className="monochrome__pair">
            <figure>
              <WindowedImage image={pair.mono2} window={pair.window} label={T.mono2[lang]} testId="mono2" />
              <figcaption>{T.mono2[lang]}</figcaption>
            </figure>
            <figure>
              <WindowedImage image={pair.mono1} window={pair.window} label={T.mono1[lang]} testId="mono1" />
              <figcaption>{T.mono1[lang]}</figcaption>
            </figure>
          </div>
          <p className="callout" data-testid="mono-probe">
            {T.probe[lang]({
              row: pair.probe.row,
              column: pair.probe.column,
              value: formatNumber(pair.probe.value),
              grey2: pair.probe.grey2,
              grey1: pair.probe.grey1,
            })}
          </p>
        </>
      )}
      <RichText text={step.body[lang]} />
    </div>
  );
}

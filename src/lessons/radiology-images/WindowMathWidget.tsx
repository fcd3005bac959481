import { applyWindow, windowTransform } from '../../core/imaging/display/applyWindow';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { huPerGreyLevel, tissue, tissueMidpoint } from '../../core/imaging/huScale';
import { RichText } from '../../ui/RichText';
import { Viewer } from '../../ui/viewer/Viewer';
import type { WidgetProps } from '../widgetTypes';
import { SampleStatus } from './SampleStatus';
import { useSampleImage } from './useSampleImage';
import { windowMathTexts as T } from './windowMathTexts';
import { useUrlWindow } from './DicomViewerWidget';

/** Tissues whose grey levels the table compares (midpoints of the cited ranges). */
const TISSUES = ['fat', 'water', 'white-matter', 'grey-matter', 'blood', 'bone'].map(tissue);

/**
 * The `window-math` widget: a head CT phantom under the step's window (`wc`, `ww`), beside the
 * arithmetic of windowing — the HU range shown, HU per grey level, and the grey level each tissue
 * gets, all from {@link applyWindow} (DICOM PS3.3 C.11.2.1.2.1).
 */
export function WindowMathWidget({ step, params, lang, setParam }: WidgetProps) {
  const sample = useSampleImage('head-ct-normal');
  const { window, onWindowChange } = useUrlWindow({ params, setParam });
  const { center, width } = window;
  const { lower: lo, upper: hi } = windowTransform(center, width);
  const greys = applyWindow(Float32Array.from(TISSUES.map(tissueMidpoint)), center, width);
  const gm = greys[TISSUES.findIndex((t) => t.id === 'grey-matter')] ?? 0;
  const wm = greys[TISSUES.findIndex((t) => t.id === 'white-matter')] ?? 0;
  return (
    <div className="window-math" data-testid="window-math">
      <div className="window-math__grid">
        <div>
          <SampleStatus state={sample} lang={lang} />
          <Viewer
            image={sample.status === 'ready' ? sample.image : null}
            window={window}
            onWindowChange={onWindowChange}
            showLoader={false}
            showMetadata={false}
            label={T.viewerLabel[lang]}
          />
        </div>
        <div className="window-math__numbers">
          <dl className="window-math__facts" data-testid="window-facts">
            <dt>{T.range[lang]}</dt>
            <dd>
              {formatNumber(lo)} … {formatNumber(hi)} HU
            </dd>
            <dt>{T.perGrey[lang]}</dt>
            <dd data-testid="hu-per-grey">{formatNumber(huPerGreyLevel(width), 3)} HU</dd>
            <dt>{T.gmWm[lang]}</dt>
            <dd data-testid="gm-wm-levels">{T.levels[lang](gm - wm)}</dd>
          </dl>
          <table className="data-table" data-testid="tissue-greys">
            <caption>{T.caption[lang]}</caption>
            <thead>
              <tr>
                <th scope="col">{T.tissue[lang]}</th>
                <th scope="col">HU</th>
                <th scope="col">{T.grey[lang]}</th>
              </tr>
            </thead>
            <tbody>
              {TISSUES.map((t, i) => {
                const g = greys[i] ?? 0;
                return (
                  <tr key={t.id}>
                    <th scope="row">{t.name[lang]}</th>
                    <td>{formatNumber(tissueMidpoint(t))}</td>
                    <td>
                      <span
                        className="swatch"
                        aria-hidden="true"
                        style={{ background: `rgb(${g},${g},${g})` }}
                      />
                      {g}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
      <RichText text={step.body[lang]} />
    </div>
  );
}

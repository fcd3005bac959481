import { useId, useState, type ReactNode } from 'react';
import { frameCount, type ViewerImage } from '../../core/imaging/display/displayFrame';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import { transferSyntaxNames } from '../../core/imaging';
import type { VoiWindow } from '../../core/imaging/display/voiWindow';
import type { Lang } from '../../core/lessons/types';
import { useLang } from '../../i18n/useT';
import { useViewerT, type ViewerT } from './useViewerT';
import { MarkLatin } from './WithTerm';

/** A technical value (a DICOM code, UID, keyword), marked as such for screen readers and the language checks. */
const tech = (text: string): ReactNode => <span lang="en">{text}</span>;

function rowsFor(image: ViewerImage, window: VoiWindow, t: ViewerT, lang: Lang): [string, ReactNode][] {
  const unit = image.kind === 'raster' ? '' : image.unit;
  const size = t('meta.sizeValue', { columns: image.columns, rows: image.rows });
  const windowText = t('meta.windowValue', {
    center: formatNumber(window.center),
    width: formatNumber(window.width),
    unit: unit ? ` ${unit}` : '',
  });
  const unitRow: [string, ReactNode] = [t('meta.unit'), unit ? tech(unit) : t('meta.noUnit')];
  if (image.kind === 'raster') {
    return [
      [t('meta.format'), tech(image.format.toUpperCase())],
      [t('meta.size'), size],
      [t('meta.bitDepth'), String(image.bitDepth)],
      [t('meta.window'), windowText],
    ];
  }
  if (image.kind === 'plain') {
    const rows: [string, ReactNode][] = [];
    if (image.modality) rows.push([t('meta.modality'), tech(image.modality)]);
    rows.push([t('meta.size'), size], unitRow, [t('meta.window'), windowText]);
    return rows;
  }
  const spacing = image.pixelSpacing;
  const ts = transferSyntaxNames(image.transferSyntaxUid);
  const notes = image.header.DecoderNotes;
  const rows: [string, ReactNode][] = [
    [t('meta.modality'), tech(image.modality)],
    [t('meta.size'), size],
    [t('meta.frames'), String(frameCount(image))],
    [
      t('meta.spacing'),
      spacing
        ? t('meta.spacingValue', { row: formatNumber(spacing[0], 4), column: formatNumber(spacing[1], 4) })
        : t('meta.notGiven'),
    ],
    [
      t('meta.thickness'),
      image.sliceThickness !== undefined
        ? t('meta.thicknessValue', { value: formatNumber(image.sliceThickness, 4) })
        : t('meta.notGiven'),
    ],
    [
      t('meta.transferSyntax'),
      <>
        {ts.known && (
          <>
            <MarkLatin text={ts[lang]} />{' '}
          </>
        )}
        <code lang="en">{image.transferSyntaxUid}</code>
      </>,
    ],
    [t('meta.bits'), `${image.bitsAllocated} / ${image.bitsStored}`],
    [t('meta.photometric'), tech(image.photometricInterpretation)],
    [t('meta.rescale'), `${formatNumber(image.rescaleSlope, 6)}, ${formatNumber(image.rescaleIntercept, 6)}`],
    unitRow,
    [t('meta.window'), windowText],
  ];
  // What the parser repaired on the way (English data from the decoder).
  if (notes) rows.push([t('meta.decoderNotes'), tech(notes)]);
  return rows;
}

/**
 * The image's metadata, the privacy notice, and — for DICOM files — the names (never the values) of
 * the identifying attributes present, hidden until the user asks for them.
 */
export function MetadataPanel(props: { image: ViewerImage; window: VoiWindow }) {
  const t = useViewerT();
  const lang = useLang();
  const id = useId();
  const [showPhi, setShowPhi] = useState(false);
  const { image } = props;
  const phi = image.kind === 'dicom' ? image.phi : null;
  return (
    <section className="viewer__panel viewer__meta" aria-labelledby={`${id}-h`} data-testid="viewer-metadata">
      <h3 id={`${id}-h`}>{t('meta.heading')}</h3>
      <dl className="facts">
        {rowsFor(image, props.window, t, lang).map(([label, value]) => (
          <div key={label} className="viewer__fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {image.kind !== 'plain' && (
        <p className="viewer__privacy" data-testid="viewer-privacy">
          {t('phi.privacy')}
        </p>
      )}
      {phi &&
        (phi.length === 0 ? (
          <p className="hint">{t('phi.none')}</p>
        ) : (
          <>
            <p>{t('phi.count', { count: phi.length })}</p>
            <button
              type="button"
              className="button button--quiet"
              aria-expanded={showPhi}
              aria-controls={showPhi ? `${id}-phi` : undefined}
              onClick={() => setShowPhi((v) => !v)}
            >
              {t(showPhi ? 'phi.hide' : 'phi.show')}
            </button>
            {showPhi && (
              <ul id={`${id}-phi`} className="viewer__phi" data-testid="viewer-phi">
                {phi.map((name) => (
                  <li key={name}>
                    <code lang="en">{name}</code>
                  </li>
                ))}
              </ul>
            )}
          </>
        ))}
    </section>
  );
}

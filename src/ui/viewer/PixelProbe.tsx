import { useId } from 'react';
import type { PixelSample } from '../../core/imaging/display/displayFrame';
import { formatModalityValue, formatNumber } from '../../core/imaging/display/formatModalityValue';
import { useViewerT } from './useViewerT';

/**
 * The pixel probe's read-out: row, column, stored value and modality value with its unit
 * ("−823 HU"), all read from the image arrays (never from the canvas). Announced politely only
 * when the keyboard moved the probe, so pointer movement does not flood a screen reader.
 */
export function PixelProbe(props: { sample: PixelSample | null; unit: string; announce: boolean }) {
  const t = useViewerT();
  const id = useId();
  const { sample, unit } = props;
  return (
    <section className="viewer__panel viewer__probe" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('probe.heading')}</h3>
      <div aria-live={props.announce ? 'polite' : 'off'} data-testid="pixel-probe">
        {!sample ? (
          <p className="hint">{t('probe.empty')}</p>
        ) : (
          <>
            <p className="viewer__probe-pos" data-testid="probe-position">
              {t('probe.position', { row: sample.row, column: sample.column })}
            </p>
            <dl className="facts">
              {sample.stored && (
                <>
                  <dt>{t('probe.stored')}</dt>
                  <dd data-testid="probe-stored">
                    {sample.stored.map((v) => formatNumber(v, 4)).join(', ')}
                  </dd>
                </>
              )}
              <dt>{t(unit ? 'probe.modality' : 'probe.value')}</dt>
              <dd data-testid="probe-value">
                {sample.values.length === 3
                  ? t('probe.rgb', {
                      r: formatNumber(sample.values[0]!),
                      g: formatNumber(sample.values[1]!),
                      b: formatNumber(sample.values[2]!),
                    })
                  : formatModalityValue(sample.values[0]!, unit)}
              </dd>
            </dl>
          </>
        )}
      </div>
    </section>
  );
}

import { useId } from 'react';
import { TISSUE_HU, huFromAttenuation, MU_AIR_60KEV, MU_WATER_60KEV } from '../../core/imaging/huScale';
import { RichText } from '../../ui/RichText';
import type { WidgetProps } from '../widgetTypes';
import { formatHu, huScaleTexts as T } from './huScaleTexts';
import { paramNumber } from '../paramValue';

/** The axis of the drawing, HU. Bone continues beyond the right end (shown with an arrow). */
const AXIS_MIN = -1100;
const AXIS_MAX = 1100;
const W = 640;
const PAD = 24;
const x = (hu: number): number =>
  PAD + ((Math.max(AXIS_MIN, Math.min(AXIS_MAX, hu)) - AXIS_MIN) / (AXIS_MAX - AXIS_MIN)) * (W - 2 * PAD);
const TICKS = [-1000, -500, 0, 500, 1000];

/**
 * The `hu-scale` widget: the Hounsfield scale with the cited tissue ranges of {@link TISSUE_HU}, and a
 * calculator that turns the step's `mu` parameter into HU with {@link huFromAttenuation}.
 */
export function HuScaleWidget({ step, params, lang }: WidgetProps) {
  const id = useId();
  const mu = paramNumber(params.mu, MU_WATER_60KEV);
  const hu = huFromAttenuation(mu);
  const within = TISSUE_HU.find((t) => Math.round(hu) >= t.range[0] && Math.round(hu) <= t.range[1]);
  return (
    <div className="hu-scale">
      <svg
        className="hu-scale__svg"
        viewBox={`0 0 ${W} ${TISSUE_HU.length * 18 + 70}`}
        role="img"
        aria-labelledby={`${id}-t`}
        data-testid="hu-scale"
      >
        <title id={`${id}-t`}>{T.svgTitle[lang]}</title>
        <defs>
          <linearGradient id={`${id}-g`} x1="0" x2="1" y1="0" y2="0">
            <stop offset="0" stopColor="#000" />
            <stop offset="1" stopColor="#fff" />
          </linearGradient>
        </defs>
        <rect x={PAD} y={8} width={W - 2 * PAD} height={16} fill={`url(#${id}-g)`} stroke="#555" />
        {TICKS.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={24} y2={30} stroke="#333" />
            <text x={x(t)} y={42} textAnchor="middle" className="hu-scale__tick">
              {formatHu(t)}
            </text>
          </g>
        ))}
        <line
          x1={x(hu)}
          x2={x(hu)}
          y1={4}
          y2={TISSUE_HU.length * 18 + 66}
          className="hu-scale__marker"
          data-testid="hu-marker"
        />
        {TISSUE_HU.map((t, i) => {
          const y = 54 + i * 18;
          const x0 = x(t.range[0]);
          const x1 = Math.max(x(t.range[1]), x0 + 3);
          return (
            <g key={t.id} data-tissue={t.id}>
              <rect x={x0} y={y} width={x1 - x0} height={12} className="hu-scale__band" />
              {t.range[1] > AXIS_MAX && (
                <path d={`M${x1} ${y} l8 6 l-8 6 z`} className="hu-scale__band" aria-hidden="true" />
              )}
              <text
                x={x0 > W / 2 ? x0 - 6 : x1 + 12}
                y={y + 10}
                textAnchor={x0 > W / 2 ? 'end' : 'start'}
                className="hu-scale__name"
              >
                {t.name[lang]}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="hu-scale__result" aria-live="polite" data-testid="hu-result">
        {T.result[lang](mu, hu, within ? within.name[lang] : null)}
      </p>
      <p className="hu-scale__refs">{T.refs[lang](MU_WATER_60KEV, MU_AIR_60KEV)}</p>
      <table className="data-table" data-testid="tissue-table">
        <caption>{T.tableCaption[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">{T.tissue[lang]}</th>
            <th scope="col">{T.range[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {TISSUE_HU.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.name[lang]}</th>
              <td>
                {t.range[0] === t.range[1]
                  ? formatHu(t.range[0])
                  : `${formatHu(t.range[0])} … ${formatHu(t.range[1])}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <RichText text={step.body[lang]} />
    </div>
  );
}

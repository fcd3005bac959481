import type { LineSeries } from '../../core/viz/createLinePlotView';
import './activationPooling.css';

/**
 * The legend of a line plot (the plot itself only names its series in SVG titles): one entry per
 * series with a short sample of its colour and dash pattern, and its label.
 */
export function SeriesLegend({ series, label }: { series: readonly LineSeries[]; label: string }) {
  return (
    <ul className="actpool__legend" aria-label={label}>
      {series.map((s) => (
        <li key={s.id}>
          <svg width="34" height="10" aria-hidden="true">
            <line
              x1="1"
              x2="33"
              y1="5"
              y2="5"
              stroke={s.color}
              strokeWidth="3"
              strokeDasharray={s.dash || undefined}
            />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}

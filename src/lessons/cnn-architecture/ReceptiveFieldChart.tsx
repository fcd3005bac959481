import { useId } from 'react';
import { formatNumber } from '../../core/imaging/display/formatModalityValue';
import type { Lang } from '../../core/lessons/types';
import type { LayerAnalysis } from '../../core/models/zooTypes';
import { depthPoints } from './layerTable';
import { layerTexts as T } from './layerTableTexts';

const W = 320;
const H = 170;
const M = { left: 40, right: 12, top: 12, bottom: 34 };

/**
 * Receptive-field size (input pixels) of every layer with a spatial output, in graph order, as an
 * SVG line chart; the dashed line is the input size, the selected layer is ringed. A click on a
 * point selects its layer (the table is the keyboard route to the same choice).
 */
export function ReceptiveFieldChart({
  analysis,
  selected,
  inputSize,
  lang,
  onSelect,
}: {
  analysis: readonly LayerAnalysis[];
  selected: string;
  inputSize: number;
  lang: Lang;
  onSelect(name: string): void;
}) {
  const id = useId();
  const points = depthPoints(analysis);
  if (points.length < 2) return null;
  const top = Math.max(inputSize, ...points.map((p) => p.size));
  const x = (d: number) => M.left + (d / (points.length - 1)) * (W - M.left - M.right);
  const y = (v: number) => H - M.bottom - (v / top) * (H - M.top - M.bottom);
  const line = points.map((p) => `${x(p.depth)},${y(p.size)}`).join(' ');
  return (
    <figure className="cnn-rf-chart">
      <figcaption id={`${id}-t`}>{T.chartTitle[lang]}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
        data-testid="cnn-rf-chart"
      >
        <desc id={`${id}-d`}>{T.chartLabel[lang]}</desc>
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} className="cnn-chart__axis" />
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="cnn-chart__axis" />
        <line
          x1={M.left}
          x2={W - M.right}
          y1={y(inputSize)}
          y2={y(inputSize)}
          className="cnn-chart__input"
          strokeDasharray="4 3"
        />
        <text x={W - M.right} y={y(inputSize) - 4} textAnchor="end" className="cnn-chart__tick">
          {T.chartInput[lang](inputSize)}
        </text>
        <text x={M.left - 4} y={y(0) + 4} textAnchor="end" className="cnn-chart__tick">
          0
        </text>
        <text x={M.left - 4} y={y(top) + 4} textAnchor="end" className="cnn-chart__tick">
          {formatNumber(top, 1)}
        </text>
        <text
          x={12}
          y={(H - M.bottom + M.top) / 2}
          className="cnn-chart__tick"
          transform={`rotate(-90 12 ${(H - M.bottom + M.top) / 2})`}
          textAnchor="middle"
        >
          {T.chartY[lang]}
        </text>
        <text x={(W + M.left) / 2} y={H - 6} textAnchor="middle" className="cnn-chart__tick">
          {T.chartX[lang]}
        </text>
        <polyline points={line} fill="none" stroke="#0072B2" strokeWidth={2} />
        {points.map((p) => (
          <circle
            key={p.name}
            cx={x(p.depth)}
            cy={y(p.size)}
            r={p.name === selected ? 6 : 3}
            fill={p.name === selected ? 'none' : '#0072B2'}
            stroke={p.name === selected ? '#E69F00' : 'none'}
            strokeWidth={2.5}
            data-layer={p.name}
            data-size={p.size}
            onClick={() => onSelect(p.name)}
            className="cnn-chart__point"
          />
        ))}
      </svg>
    </figure>
  );
}

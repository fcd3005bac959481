import { useId } from 'react';
import type { Lang } from '../../core/lessons/types';
import { DIVERGING_STOPS } from '../../core/viz/colorMaps';
import type { NeuronResult } from './neuronForward';
import { fmtNum } from './neuronsFormat';
import { neuronTexts as T } from './neuronsTexts';

const SUB = ['₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
const INPUT = { x: 62, r: 30 };
const SUM = { x: 290, y: 130, r: 34 };
const ACT = { x: 405, y: 130, w: 66, h: 52 };
const OUT = { x: 510, r: 34 };

/** Stroke of an edge with weight w: orange solid (> 0), blue dashed (< 0), grey dotted (0). */
export function edgeStyle(w: number, maxAbs: number): { stroke: string; dash: string; width: number } {
  const width = 1.5 + (6 * Math.min(Math.abs(w), maxAbs)) / maxAbs;
  if (w > 0) return { stroke: DIVERGING_STOPS.positive, dash: '', width };
  if (w < 0) return { stroke: DIVERGING_STOPS.negative, dash: '9 5', width };
  return { stroke: '#6b7785', dash: '2 5', width: 1.5 };
}

/**
 * The neuron as a picture: inputs → weighted edges (colour, dash and width by the weight) → Σ
 * (with the bias) → f → y, every number written on it.
 */
export function NeuronDiagram({
  x,
  w,
  b,
  result,
  actName,
  maxWeight,
  lang,
}: {
  x: readonly number[];
  w: readonly number[];
  b: number;
  result: NeuronResult;
  actName: string;
  maxWeight: number;
  lang: Lang;
}) {
  const id = useId();
  const ys = x.map((_, i) => 45 + (i * 170) / Math.max(1, x.length - 1));
  const mid = (x.length - 1) / 2;
  const bias = edgeStyle(b, maxWeight);
  return (
    <svg
      className="neuron-diagram"
      viewBox="0 0 560 275"
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      data-testid="neuron-diagram"
    >
      <title id={`${id}-t`}>{T.diagramTitle[lang]}</title>
      <desc id={`${id}-d`}>{T.diagramDesc[lang]}</desc>
      {x.map((xi, i) => {
        const wi = w[i] ?? 0;
        const s = edgeStyle(wi, maxWeight);
        const y = ys[i] ?? 0;
        // The weight's label sits 40 % along its line, above it (below it for the lower inputs).
        const x1 = INPUT.x + INPUT.r;
        const x2 = SUM.x - SUM.r;
        const mx = x1 + 0.4 * (x2 - x1);
        const my = y + 0.4 * (SUM.y - y) + (i > mid ? 22 : -10);
        return (
          <g key={i} data-testid={`neuron-edge-${i + 1}`} data-sign={Math.sign(wi)}>
            <line
              x1={x1}
              y1={y}
              x2={x2}
              y2={SUM.y}
              stroke={s.stroke}
              strokeWidth={s.width}
              strokeDasharray={s.dash || undefined}
            />
            <text x={mx} y={my} textAnchor="middle" className="neuron-diagram__weight">
              {`w${SUB[i]} = ${fmtNum(wi, 2)}`}
            </text>
            <circle cx={INPUT.x} cy={y} r={INPUT.r} className="neuron-diagram__node" />
            <text x={INPUT.x} y={y - 5} textAnchor="middle" className="neuron-diagram__name">
              {`x${SUB[i]}`}
            </text>
            <text x={INPUT.x} y={y + 15} textAnchor="middle">
              {fmtNum(xi, 2)}
            </text>
          </g>
        );
      })}
      <line
        x1={SUM.x}
        y1={18}
        x2={SUM.x}
        y2={SUM.y - SUM.r}
        stroke={bias.stroke}
        strokeWidth={bias.width}
        strokeDasharray={bias.dash || undefined}
      />
      <text x={SUM.x + 8} y={20} className="neuron-diagram__weight">{`b = ${fmtNum(b, 2)}`}</text>
      <circle cx={SUM.x} cy={SUM.y} r={SUM.r} className="neuron-diagram__node" />
      <text x={SUM.x} y={SUM.y + 9} textAnchor="middle" className="neuron-diagram__symbol">
        Σ
      </text>
      <text x={SUM.x} y={SUM.y + SUM.r + 20} textAnchor="middle">{`z = ${fmtNum(result.z, 3)}`}</text>
      <line
        x1={SUM.x + SUM.r}
        y1={SUM.y}
        x2={ACT.x - ACT.w / 2}
        y2={ACT.y}
        className="neuron-diagram__wire"
      />
      <rect
        x={ACT.x - ACT.w / 2}
        y={ACT.y - ACT.h / 2}
        width={ACT.w}
        height={ACT.h}
        rx={8}
        className="neuron-diagram__node"
      />
      <text x={ACT.x} y={ACT.y + 7} textAnchor="middle" className="neuron-diagram__symbol">
        f
      </text>
      <text x={ACT.x} y={ACT.y + ACT.h / 2 + 18} textAnchor="middle" className="neuron-diagram__small">
        {actName}
      </text>
      <line
        x1={ACT.x + ACT.w / 2}
        y1={ACT.y}
        x2={OUT.x - OUT.r}
        y2={ACT.y}
        className="neuron-diagram__wire"
      />
      <circle cx={OUT.x} cy={ACT.y} r={OUT.r} className="neuron-diagram__node neuron-diagram__node--out" />
      <text x={OUT.x} y={ACT.y - 5} textAnchor="middle" className="neuron-diagram__name">
        y
      </text>
      <text x={OUT.x} y={ACT.y + 15} textAnchor="middle">
        {fmtNum(result.y, 3)}
      </text>
      <g transform="translate(10, 262)" className="neuron-diagram__legend">
        <line x1={0} y1={0} x2={28} y2={0} stroke={DIVERGING_STOPS.positive} strokeWidth={4} />
        <text x={34} y={4}>
          {T.legendPositive[lang]}
        </text>
        <line
          x1={150}
          y1={0}
          x2={178}
          y2={0}
          stroke={DIVERGING_STOPS.negative}
          strokeWidth={4}
          strokeDasharray="9 5"
        />
        <text x={194} y={4}>
          {T.legendNegative[lang]}
        </text>
        <text x={330} y={4}>
          {T.legendWidth[lang]}
        </text>
      </g>
    </svg>
  );
}

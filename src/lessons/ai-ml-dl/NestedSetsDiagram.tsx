import { useId } from 'react';
import { RichText } from '../../ui/RichText';
import type { WidgetProps } from '../widgetTypes';
import { nestedSetsTexts as T } from './nestedSetsTexts';

type SetId = 'ai' | 'ml' | 'dl';

const SETS: readonly { id: SetId; x: number; y: number; w: number; h: number; fill: string }[] = [
  { id: 'ai', x: 4, y: 4, w: 552, h: 312, fill: '#eef3fa' },
  { id: 'ml', x: 64, y: 84, w: 432, h: 220, fill: '#dbe7f6' },
  { id: 'dl', x: 134, y: 172, w: 292, h: 120, fill: '#c3d8f1' },
];

const EXAMPLES = { ai: T.aiExample, ml: T.mlExample, dl: T.dlExample } as const;
const EXPLAIN = { ai: T.aiExplain, ml: T.mlExplain, dl: T.dlExplain } as const;

function isSetId(v: unknown): v is SetId {
  return v === 'ai' || v === 'ml' || v === 'dl';
}

/** The `nested-sets` widget: an SVG of AI ⊃ ML ⊃ DL with one set optionally highlighted, then the step text. */
export function NestedSetsDiagram({ step, params, lang }: WidgetProps) {
  const id = useId();
  const highlight = isSetId(params.highlight) ? params.highlight : null;
  return (
    <div className="nested-sets">
      <svg
        className="nested-sets__svg"
        viewBox="0 0 560 320"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid="nested-sets-diagram"
        data-highlight={highlight ?? 'none'}
      >
        <title id={`${id}-title`}>{T.title[lang]}</title>
        <desc id={`${id}-desc`}>{T.desc[lang]}</desc>
        {SETS.map((s) => {
          const on = highlight === s.id;
          return (
            <g key={s.id} data-set={s.id}>
              <rect
                x={s.x}
                y={s.y}
                width={s.w}
                height={s.h}
                rx={28}
                fill={on ? '#fff4c2' : s.fill}
                stroke={on ? '#8a4b00' : '#1d4f91'}
                strokeWidth={on ? 5 : 2}
              />
              <text x={s.x + 20} y={s.y + 32} className="nested-sets__label">
                {T[s.id][lang]}
              </text>
              <text x={s.x + 20} y={s.y + 56} className="nested-sets__example">
                {EXAMPLES[s.id][lang]}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="nested-sets__explain" aria-live="polite">
        {highlight === null ? '' : EXPLAIN[highlight][lang]}
      </p>
      <RichText text={step.body[lang]} />
    </div>
  );
}

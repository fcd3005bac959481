import type { Lang } from '../../core/lessons/types';
import { fillPlaceholders } from '../../i18n/translate';
import type { LessonSlice } from '../shared/lessonSlice';
import { SliceOverview } from '../shared/SliceOverview';
import type { WidgetProps } from '../widgetTypes';
import { NODULE_CENTRE } from './activationPoolingParams';
import { pickerTexts as T } from './activationPoolingTexts';
import './activationPooling.css';

/** Pixels the crop moves per arrow key or button, and with Shift. */
export const PICKER_STEP = 4;
export const PICKER_BIG_STEP = 16;

/** The four move buttons: text, label and (rows, columns) of one step. */
const MOVES = [
  { glyph: '↑', label: T.up, d: [-1, 0] },
  { glyph: '↓', label: T.down, d: [1, 0] },
  { glyph: '←', label: T.left, d: [0, -1] },
  { glyph: '→', label: T.right, d: [0, 1] },
] as const;

/**
 * The slice overview (src/lessons/shared/SliceOverview.tsx) with the crop outlined (and, dashed, the
 * larger region the crop's shifted content comes from), a caption saying where the crop is, four
 * move buttons and one back to the nodule. A click centres the crop there; with the overview
 * focused, the arrow keys move it by {@link PICKER_STEP} pixels (Shift: {@link PICKER_BIG_STEP}).
 * The caller passes the crop as placed (clamped into the slice); the picker sets the centre
 * parameters `cy` and `cx`.
 */
export function CropPicker({
  slice,
  top,
  left,
  size,
  source,
  lang,
  setParam,
}: {
  slice: LessonSlice;
  top: number;
  left: number;
  size: number;
  /** Inclusive rows and columns of the source region, drawn dashed. */
  source?: { rows: readonly [number, number]; cols: readonly [number, number] };
  lang: Lang;
  setParam: WidgetProps['setParam'];
}) {
  const { width: W, height: H } = slice;
  const cy = top + Math.floor(size / 2);
  const cx = left + Math.floor(size / 2);
  const moveTo = (y: number, x: number): void => {
    setParam('cy', Math.min(H - 1, Math.max(0, y)));
    setParam('cx', Math.min(W - 1, Math.max(0, x)));
  };
  const nudge = (dy: number, dx: number, big: boolean): void => {
    const d = big ? PICKER_BIG_STEP : PICKER_STEP;
    moveTo(cy + d * dy, cx + d * dx);
  };
  return (
    <figure className="actpool__picker-figure">
      <SliceOverview
        slice={slice}
        lang={lang}
        box={{ top, left, width: size, height: size }}
        second={
          source && {
            top: source.rows[0],
            left: source.cols[0],
            height: source.rows[1] - source.rows[0] + 1,
            width: source.cols[1] - source.cols[0] + 1,
          }
        }
        label={T.label[lang]}
        displayWidth={220}
        testId="crop-picker"
        data={{ top, left, size }}
        onPoint={moveTo}
        onNudge={nudge}
      />
      <figcaption data-testid="crop-where">
        {fillPlaceholders(T.where[lang], {
          top,
          bottom: top + size - 1,
          left,
          right: left + size - 1,
          cy,
          cx,
        })}
        {source ? ` ${T.source[lang]}` : ''}
      </figcaption>
      <div className="actpool__controls" role="group" aria-label={T.moves[lang]}>
        {MOVES.map((m) => (
          <button
            key={m.glyph}
            type="button"
            className="button"
            onClick={() => nudge(m.d[0], m.d[1], false)}
            aria-label={m.label[lang]}
          >
            {m.glyph}
          </button>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => {
            setParam('cy', NODULE_CENTRE.row);
            setParam('cx', NODULE_CENTRE.column);
          }}
          data-testid="crop-reset"
        >
          {T.reset[lang]}
        </button>
      </div>
    </figure>
  );
}

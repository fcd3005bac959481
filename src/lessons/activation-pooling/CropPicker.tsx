import type { KeyboardEvent, MouseEvent } from 'react';
import type { Lang } from '../../core/lessons/types';
import { fillPlaceholders } from '../../i18n/translate';
import type { LessonSlice } from '../shared/lessonSlice';
import { MapCanvas } from '../shared/MapCanvas';
import { pickerTexts as T } from './activationPoolingTexts';
import './activationPooling.css';

/** Pixels the crop moves per arrow key, and with Shift. */
export const PICKER_STEP = 4;
export const PICKER_BIG_STEP = 16;

/**
 * The slice as a thumbnail with the crop outlined (and, dashed, the larger region the crop's shifted
 * content comes from). Clicking moves the crop's centre there; with the thumbnail focused, the arrow
 * keys move it (Shift: further); four buttons do the same, and one goes back to the default centre.
 * The caller passes the crop as placed (clamped into the slice) and sets the centre parameters.
 */
export function CropPicker({
  slice,
  top,
  left,
  size,
  source,
  lang,
  onMove,
  onReset,
}: {
  slice: LessonSlice;
  top: number;
  left: number;
  size: number;
  /** Inclusive rows and columns of the source region, drawn dashed. */
  source?: { rows: readonly [number, number]; cols: readonly [number, number] };
  lang: Lang;
  /** New centre (row, column), in slice pixels. */
  onMove(cy: number, cx: number): void;
  onReset(): void;
}) {
  const { width: W, height: H } = slice;
  const cy = top + Math.floor(size / 2);
  const cx = left + Math.floor(size / 2);
  const move = (dy: number, dx: number): void =>
    onMove(Math.min(H - 1, Math.max(0, cy + dy)), Math.min(W - 1, Math.max(0, cx + dx)));

  function onKey(e: KeyboardEvent<HTMLDivElement>): void {
    const d = e.shiftKey ? PICKER_BIG_STEP : PICKER_STEP;
    const delta: Record<string, [number, number]> = {
      ArrowUp: [-d, 0],
      ArrowDown: [d, 0],
      ArrowLeft: [0, -d],
      ArrowRight: [0, d],
    };
    const v = delta[e.key];
    if (!v) return;
    e.preventDefault();
    move(v[0], v[1]);
  }

  function onClick(e: MouseEvent<HTMLDivElement>): void {
    const b = e.currentTarget.getBoundingClientRect();
    if (!(b.width > 0 && b.height > 0)) return;
    const x = Math.floor(((e.clientX - b.left) / b.width) * W);
    const y = Math.floor(((e.clientY - b.top) / b.height) * H);
    onMove(Math.min(H - 1, Math.max(0, y)), Math.min(W - 1, Math.max(0, x)));
  }

  const stroke = Math.max(1, W / 160);
  return (
    <figure className="actpool__picker-figure">
      <div
        className="actpool__picker"
        tabIndex={0}
        role="group"
        aria-label={T.label[lang]}
        data-testid="crop-picker"
        data-top={top}
        data-left={left}
        data-size={size}
        onKeyDown={onKey}
        onClick={onClick}
      >
        <MapCanvas
          values={slice.intensity}
          width={W}
          height={H}
          scale="gray"
          range={[0, 1]}
          label={T.thumb[lang]}
          displayWidth={220}
        >
          <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true">
            {source && (
              <rect
                x={source.cols[0]}
                y={source.rows[0]}
                width={source.cols[1] - source.cols[0] + 1}
                height={source.rows[1] - source.rows[0] + 1}
                fill="none"
                stroke="#56b4e9"
                strokeWidth={stroke}
                strokeDasharray={`${3 * stroke} ${2 * stroke}`}
              />
            )}
            <rect
              x={left}
              y={top}
              width={size}
              height={size}
              fill="none"
              stroke="#e69f00"
              strokeWidth={stroke * 1.5}
            />
          </svg>
        </MapCanvas>
      </div>
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
        <button
          type="button"
          className="button"
          onClick={() => move(-PICKER_STEP, 0)}
          aria-label={T.up[lang]}
        >
          ↑
        </button>
        <button
          type="button"
          className="button"
          onClick={() => move(PICKER_STEP, 0)}
          aria-label={T.down[lang]}
        >
          ↓
        </button>
        <button
          type="button"
          className="button"
          onClick={() => move(0, -PICKER_STEP)}
          aria-label={T.left[lang]}
        >
          ←
        </button>
        <button
          type="button"
          className="button"
          onClick={() => move(0, PICKER_STEP)}
          aria-label={T.right[lang]}
        >
          →
        </button>
        <button type="button" className="button" onClick={onReset} data-testid="crop-reset">
          {T.reset[lang]}
        </button>
      </div>
    </figure>
  );
}

import type { KeyboardEvent, MouseEvent } from 'react';
import type { Lang } from '../../core/lessons/types';
import { MapCanvas } from '../shared/MapCanvas';
import type { LessonSlice } from '../shared/lessonSlice';
import { sliceName } from '../shared/SliceSource';
import { stepperTexts as T } from './convolutionTexts';
import './convolution.css';

/** Pixels the region moves per arrow key press. */
const KEY_STEP = 4;

/**
 * The whole slice, small, with the region the step works on outlined: a click centres the region
 * there; with focus, the arrow keys move it by {@link KEY_STEP} pixels.
 */
export function RegionPicker({
  slice,
  x0,
  y0,
  size,
  centre,
  lang,
  onCentre,
}: {
  slice: LessonSlice;
  x0: number;
  y0: number;
  size: number;
  /** The centre the URL holds (clamped into the image). */
  centre: { x: number; y: number };
  lang: Lang;
  onCentre(x: number, y: number): void;
}) {
  const { width, height } = slice;
  const move = (x: number, y: number): void =>
    onCentre(
      Math.max(0, Math.min(width - 1, Math.round(x))),
      Math.max(0, Math.min(height - 1, Math.round(y))),
    );
  const onClick = (e: MouseEvent<HTMLDivElement>): void => {
    const r = e.currentTarget.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return;
    move(((e.clientX - r.left) / r.width) * width, ((e.clientY - r.top) / r.height) * height);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const d: Record<string, [number, number]> = {
      ArrowLeft: [-KEY_STEP, 0],
      ArrowRight: [KEY_STEP, 0],
      ArrowUp: [0, -KEY_STEP],
      ArrowDown: [0, KEY_STEP],
    };
    const delta = d[e.key];
    if (!delta) return;
    e.preventDefault();
    move(centre.x + delta[0], centre.y + delta[1]);
  };
  return (
    <figure className="conv-region">
      <div
        className="conv-region__pick"
        tabIndex={0}
        role="group"
        aria-label={T.overviewLabel[lang]}
        onClick={onClick}
        onKeyDown={onKeyDown}
        data-testid="conv-region"
        data-x0={x0}
        data-y0={y0}
      >
        <MapCanvas
          values={slice.intensity}
          width={width}
          height={height}
          scale="gray"
          range={[0, 1]}
          label={sliceName(slice, lang)}
          displayWidth={180}
        >
          <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
            <rect
              x={x0}
              y={y0}
              width={Math.min(size, width)}
              height={Math.min(size, height)}
              className="conv-region__box"
              vectorEffect="non-scaling-stroke"
            />
          </svg>
        </MapCanvas>
      </div>
      <figcaption>{T.overviewTitle[lang]}</figcaption>
    </figure>
  );
}

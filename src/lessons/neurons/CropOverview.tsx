import type { KeyboardEvent, MouseEvent } from 'react';
import type { Lang } from '../../core/lessons/types';
import { MapCanvas } from '../shared/MapCanvas';
import { sliceName } from '../shared/SliceSource';
import type { LessonSlice } from '../shared/lessonSlice';
import type { Patch } from './patchMaps';
import { permuteTexts as T } from './neuronsTexts';

/** The percentage (0–100, whole) that puts a crop's top-left corner at `start` of `length − side`. */
export function percentFor(start: number, length: number, side: number): number {
  const free = length - side;
  if (free <= 0) return 0;
  return Math.round(Math.min(100, Math.max(0, (100 * start) / free)));
}

/** The new (cx, cy) after an arrow key, or null for any other key. Shift moves 10 % at a time. */
export function moveByKey(key: string, shift: boolean, cx: number, cy: number): [number, number] | null {
  const d = shift ? 10 : 1;
  const clamp = (v: number) => Math.min(100, Math.max(0, v));
  switch (key) {
    case 'ArrowLeft':
      return [clamp(cx - d), cy];
    case 'ArrowRight':
      return [clamp(cx + d), cy];
    case 'ArrowUp':
      return [cx, clamp(cy - d)];
    case 'ArrowDown':
      return [cx, clamp(cy + d)];
    case 'Home':
      return [0, 0];
    case 'End':
      return [100, 100];
    default:
      return null;
  }
}

/**
 * The whole slice with the patch outlined. A click centres the patch on the clicked pixel; with
 * focus, the arrow keys move it (the lesson's own ← / → step keys are not triggered then).
 */
export function CropOverview({
  slice,
  patch,
  cx,
  cy,
  lang,
  onMove,
}: {
  slice: LessonSlice;
  patch: Patch;
  cx: number;
  cy: number;
  lang: Lang;
  onMove(cx: number, cy: number): void;
}) {
  const { width: W, height: H } = slice;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = moveByKey(e.key, e.shiftKey, cx, cy);
    if (!next) return;
    e.preventDefault();
    e.stopPropagation();
    if (next[0] !== cx || next[1] !== cy) onMove(next[0], next[1]);
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) return;
    const px = ((e.clientX - r.left) / r.width) * W;
    const py = ((e.clientY - r.top) / r.height) * H;
    onMove(percentFor(px - patch.side / 2, W, patch.side), percentFor(py - patch.side / 2, H, patch.side));
  };
  return (
    <div
      className="crop-overview"
      tabIndex={0}
      role="group"
      aria-label={T.overviewLabel[lang]}
      data-testid="permute-overview"
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      <MapCanvas
        values={slice.intensity}
        width={W}
        height={H}
        scale="gray"
        range={[0, 1]}
        label={sliceName(slice, lang)}
        displayWidth={256}
      >
        <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-hidden="true">
          <rect
            x={patch.x0}
            y={patch.y0}
            width={patch.side}
            height={patch.side}
            fill="none"
            stroke="#000000"
            strokeWidth={4}
            vectorEffect="non-scaling-stroke"
          />
          <rect
            x={patch.x0}
            y={patch.y0}
            width={patch.side}
            height={patch.side}
            fill="none"
            stroke="#F0E442"
            strokeWidth={2}
            vectorEffect="non-scaling-stroke"
          />
        </svg>
      </MapCanvas>
    </div>
  );
}

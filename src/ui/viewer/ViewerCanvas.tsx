import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { DisplayFrame } from '../../core/imaging/display/displayFrame';
import type { VoiWindow } from '../../core/imaging/display/voiWindow';
import { createFrameBuffers, drawView, renderFrame } from './canvasDrawing';
import { useAnimationFrame } from './useAnimationFrame';
import type { WindowDrag } from './useWindowDrag';
import { keyAction, type DragMode, type KeyAction } from './viewerKeys';
import {
  canvasToImage,
  layoutFor,
  wheelZoomFactor,
  zoomAt,
  type Geometry,
  type ViewState,
} from './viewTransform';

/** A pixel position in the image. */
export interface PixelPos {
  row: number;
  column: number;
}

interface Gesture {
  kind: 'window' | 'pan';
  pointerId: number;
  x: number;
  y: number;
  view: ViewState;
}

/**
 * The image canvas: draws the windowed frame (coalesced to one redraw per state change, buffers
 * reused), and turns pointer, wheel and keys into window drags, pan, zoom and probe positions.
 * Focusable (tabIndex 0) with an aria-label describing image and window.
 */
export function ViewerCanvas(props: {
  frame: DisplayFrame | null;
  window: VoiWindow;
  invert: boolean;
  view: ViewState;
  pixelAspect: number;
  mode: DragMode;
  crosshair: PixelPos | null;
  ariaLabel: string;
  roleDescription: string;
  describedBy?: string;
  drag: WindowDrag;
  currentWindow(): VoiWindow;
  onViewChange(view: ViewState): void;
  onProbe(pos: PixelPos | null): void;
  onKeyAction(action: KeyAction): void;
}) {
  const { frame, window, invert, view, pixelAspect, crosshair, drag, onViewChange, onProbe } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const buffers = useRef(createFrameBuffers());
  const [size, setSize] = useState({ width: 0, height: 0 });
  const gesture = useRef<Gesture | null>(null);
  const latest = useRef({ view, frame, pixelAspect });
  useEffect(() => {
    latest.current = { view, frame, pixelAspect };
  });

  // Track the CSS size of the drawing box.
  useEffect(() => {
    const box = boxRef.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const r = entries[0]?.contentRect;
      if (r) setSize({ width: r.width, height: r.height });
    });
    ro.observe(box);
    return () => ro.disconnect();
  }, []);

  // Window the frame into the offscreen canvas when the pixels, window or inversion changed since
  // the last draw, then draw it scaled with the crosshair. Without a frame nothing is redrawn, so
  // the last image stays on screen (never a blank canvas).
  const lastRendered = useRef<{ frame: DisplayFrame; window: VoiWindow; invert: boolean } | null>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !frame) return;
    const last = lastRendered.current;
    const changed =
      !last ||
      last.frame !== frame ||
      last.invert !== invert ||
      last.window.center !== window.center ||
      last.window.width !== window.width;
    if (changed) {
      if (!renderFrame(buffers.current, frame, window, invert)) return;
      lastRendered.current = { frame, window, invert };
    }
    if (size.width === 0 || size.height === 0) return;
    const layout = layoutFor(geometry(size.width, size.height, frame.rows, frame.columns, pixelAspect), view);
    drawView(canvas, buffers.current, layout, size.width, size.height, crosshair);
  }, [frame, window, invert, size, view, crosshair, pixelAspect]);

  const pan = useAnimationFrame<ViewState>(onViewChange);
  const probe = useAnimationFrame<PixelPos | null>(onProbe);

  // Wheel zoom about the pointer (a native listener: React's wheel listener is passive).
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent): void => {
      const { view: v, frame: f, pixelAspect: a } = latest.current;
      if (!f || e.deltaY === 0) return;
      e.preventDefault();
      const rect = canvas.getBoundingClientRect();
      const g = geometry(rect.width, rect.height, f.rows, f.columns, a);
      const factor = wheelZoomFactor(e.deltaY, e.deltaMode);
      onViewChange(zoomAt(v, factor, e.clientX - rect.left, e.clientY - rect.top, g));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [onViewChange]);

  const pixelAt = (e: PointerEvent<HTMLCanvasElement>): PixelPos | null => {
    if (!frame) return null;
    const rect = e.currentTarget.getBoundingClientRect();
    const g = geometry(rect.width, rect.height, frame.rows, frame.columns, pixelAspect);
    return canvasToImage(
      e.clientX - rect.left,
      e.clientY - rect.top,
      layoutFor(g, view),
      frame.rows,
      frame.columns,
    );
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>): void => {
    if (!frame) return;
    const panGesture = e.button === 1 || (e.button === 0 && (e.shiftKey || props.mode === 'pan'));
    if (!panGesture && e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.focus();
    try {
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      // No active pointer with this id (a synthetic event): the drag still works inside the canvas.
    }
    gesture.current = {
      kind: panGesture ? 'pan' : 'window',
      pointerId: e.pointerId,
      x: e.clientX,
      y: e.clientY,
      view,
    };
    if (!panGesture) drag.begin(props.currentWindow());
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>): void => {
    const g = gesture.current;
    if (g && g.pointerId === e.pointerId) {
      const dx = e.clientX - g.x;
      const dy = e.clientY - g.y;
      if (g.kind === 'window') drag.update(dx, dy);
      else pan.schedule({ ...g.view, panX: g.view.panX + dx, panY: g.view.panY + dy });
      return;
    }
    probe.schedule(pixelAt(e));
  };

  const endGesture = (e: PointerEvent<HTMLCanvasElement>): void => {
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    gesture.current = null;
    if (g.kind === 'window') drag.end();
    else pan.flush();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const action = keyAction(e.key, e.shiftKey, props.mode);
    if (!action) return;
    e.preventDefault();
    props.onKeyAction(action);
  };

  return (
    <div ref={boxRef} className="viewer__stage" data-mode={props.mode}>
      <canvas
        ref={canvasRef}
        className="viewer__canvas"
        tabIndex={0}
        role="application"
        aria-roledescription={props.roleDescription}
        aria-label={props.ariaLabel}
        aria-describedby={props.describedBy}
        data-testid="viewer-canvas"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endGesture}
        onPointerCancel={endGesture}
        onKeyDown={onKeyDown}
        onContextMenu={(e) => e.preventDefault()}
      />
    </div>
  );
}

function geometry(
  viewWidth: number,
  viewHeight: number,
  rows: number,
  columns: number,
  pixelAspect: number,
): Geometry {
  return { viewWidth, viewHeight, rows, columns, pixelAspect };
}

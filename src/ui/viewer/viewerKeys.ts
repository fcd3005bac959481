/**
 * What a key press on the focused image does. Pure, so the key map is tested without a DOM; the
 * on-screen hint (KeyboardHint.tsx) documents the same keys.
 */

/** What the arrow keys and a primary-button drag do. */
export type DragMode = 'window' | 'pan';

/** The action of a key. Steps are in "key steps"; the viewer turns them into HU, pixels or zoom. */
export type KeyAction =
  | { type: 'window'; dCenter: number; dWidth: number }
  | { type: 'pan'; dx: number; dy: number }
  | { type: 'probe'; dRow: number; dColumn: number }
  | { type: 'zoom'; factor: number }
  | { type: 'fit' }
  | { type: 'reset' }
  | { type: 'toggle-mode' }
  | { type: 'frame'; delta: number }
  | { type: 'hide-probe' };

/** Zoom factor of one +/− press. */
export const ZOOM_STEP = 1.25;

/**
 * The action for `key` (KeyboardEvent.key) with Shift held or not, in drag `mode`; null for keys
 * the viewer leaves alone. Arrow keys: window (← → width, ↑ ↓ level) or pan; Shift: × 10.
 * I J K L: probe up, left, down, right. + − zoom, 0 fit, R reset, P window/pan, PageUp/PageDown frames.
 */
export function keyAction(key: string, shift: boolean, mode: DragMode): KeyAction | null {
  const k = shift ? 10 : 1;
  const arrows: Record<string, [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  };
  const arrow = arrows[key];
  if (arrow) {
    const [x, y] = arrow;
    if (mode === 'pan') return { type: 'pan', dx: x * k, dy: y * k };
    // ↑ raises the level, ↓ lowers it; → widens, ← narrows.
    return { type: 'window', dCenter: y === 0 ? 0 : -y * k, dWidth: x * k };
  }
  switch (key.toLowerCase()) {
    case 'i':
      return { type: 'probe', dRow: -k, dColumn: 0 };
    case 'k':
      return { type: 'probe', dRow: k, dColumn: 0 };
    case 'j':
      return { type: 'probe', dRow: 0, dColumn: -k };
    case 'l':
      return { type: 'probe', dRow: 0, dColumn: k };
    case '+':
    case '=':
      return { type: 'zoom', factor: ZOOM_STEP };
    case '-':
    case '_':
      return { type: 'zoom', factor: 1 / ZOOM_STEP };
    case '0':
      return { type: 'fit' };
    case 'r':
      return { type: 'reset' };
    case 'p':
      return { type: 'toggle-mode' };
    case 'pageup':
      return { type: 'frame', delta: -1 };
    case 'pagedown':
      return { type: 'frame', delta: 1 };
    case 'escape':
      return { type: 'hide-probe' };
    default:
      return null;
  }
}

import { describe, expect, it } from 'vitest';
import { keyAction } from '../../../../src/ui/viewer/viewerKeys';

describe('keyAction', () => {
  it('arrow keys change the window: → widens, ← narrows, ↑ raises the level, ↓ lowers it', () => {
    expect(keyAction('ArrowRight', false, 'window')).toEqual({ type: 'window', dCenter: 0, dWidth: 1 });
    expect(keyAction('ArrowLeft', false, 'window')).toEqual({ type: 'window', dCenter: 0, dWidth: -1 });
    expect(keyAction('ArrowUp', false, 'window')).toEqual({ type: 'window', dCenter: 1, dWidth: 0 });
    expect(keyAction('ArrowDown', true, 'window')).toEqual({ type: 'window', dCenter: -10, dWidth: 0 });
  });

  it('arrow keys pan in pan mode', () => {
    expect(keyAction('ArrowLeft', false, 'pan')).toEqual({ type: 'pan', dx: -1, dy: 0 });
    expect(keyAction('ArrowDown', true, 'pan')).toEqual({ type: 'pan', dx: 0, dy: 10 });
  });

  it('I J K L move the probe; zoom, fit, reset, mode, frames', () => {
    expect(keyAction('i', false, 'window')).toEqual({ type: 'probe', dRow: -1, dColumn: 0 });
    expect(keyAction('L', true, 'window')).toEqual({ type: 'probe', dRow: 0, dColumn: 10 });
    expect(keyAction('+', false, 'window')).toEqual({ type: 'zoom', factor: 1.25 });
    expect(keyAction('-', false, 'window')).toEqual({ type: 'zoom', factor: 0.8 });
    expect(keyAction('0', false, 'window')).toEqual({ type: 'fit' });
    expect(keyAction('r', false, 'pan')).toEqual({ type: 'reset' });
    expect(keyAction('p', false, 'window')).toEqual({ type: 'toggle-mode' });
    expect(keyAction('PageDown', false, 'window')).toEqual({ type: 'frame', delta: 1 });
    expect(keyAction('Tab', false, 'window')).toBeNull();
    expect(keyAction('a', false, 'window')).toBeNull();
  });
});

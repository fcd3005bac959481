import { useCallback, useMemo, useState } from 'react';
import {
  initialWindow,
  resolveWindowChoice,
  type WindowChoice,
} from '../../core/imaging/display/defaultWindow';
import type { DisplayFrame, ViewerImage } from '../../core/imaging/display/displayFrame';
import { percentileWindow } from '../../core/imaging/display/percentileWindow';
import { clampWindow, type VoiWindow } from '../../core/imaging/display/voiWindow';
import { decimalsForStep, dragSensitivity, valueRange } from './windowDrag';

/** Key presses move the window by this many drag pixels' worth. */
const KEY_STEP_PX = 4;

/**
 * The window shown: controlled (`controlled` given: the parent owns it, e.g. in the URL) or
 * uncontrolled (starts at the image's initial window and follows the user). Every change goes
 * through `setWindow`, which clamps the width to ≥ 1 and reports it to `onChange`.
 */
export function useViewerWindow(opts: {
  image: ViewerImage | null;
  frame: DisplayFrame | null;
  controlled: VoiWindow | undefined;
  initialChoice: WindowChoice | undefined;
  onChange: ((w: VoiWindow) => void) | undefined;
}) {
  const { image, frame, controlled, initialChoice, onChange } = opts;
  const [own, setOwn] = useState<{ image: ViewerImage | null; window: VoiWindow | null }>({
    image,
    window: null,
  });
  // A new image starts from its own initial window.
  if (own.image !== image) setOwn({ image, window: null });

  const autoWindow = useMemo(() => (frame ? percentileWindow(frame.values) : null), [frame]);
  const defaultWindow = useMemo(
    () =>
      image && frame
        ? initialWindow(image, frame.values, initialChoice, autoWindow)
        : { center: 0.5, width: 1 },
    [image, frame, initialChoice, autoWindow],
  );
  const [lo, hi] = useMemo(() => (frame ? valueRange(frame.values) : [0, 255]), [frame]);
  const sensitivity = dragSensitivity(lo, hi);
  const keyStep = sensitivity * KEY_STEP_PX;
  const decimals = decimalsForStep(sensitivity);
  const window = controlled ? clampWindow(controlled) : (own.window ?? defaultWindow);

  const setWindow = useCallback(
    (w: VoiWindow) => {
      const c = clampWindow(w);
      if (!controlled) setOwn({ image, window: c });
      onChange?.(c);
    },
    [controlled, image, onChange],
  );

  /** Pins the current window (so switching frames does not move it). */
  const pin = useCallback(() => {
    if (!controlled && own.window === null) setOwn({ image, window });
  }, [controlled, own.window, image, window]);

  const choose = useCallback(
    (choice: WindowChoice) => {
      if (!image || !frame) return;
      const w = resolveWindowChoice(choice, image, frame.values, autoWindow);
      if (w) setWindow(w);
    },
    [image, frame, autoWindow, setWindow],
  );

  return { window, defaultWindow, autoWindow, sensitivity, keyStep, decimals, setWindow, choose, pin };
}

import { useEffect, useRef } from 'react';

/** True when a key press in `target` belongs to a form control (or editable text), not to the page. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return target.closest('[role="dialog"]') !== null;
}

/** Calls `onPrev`/`onNext` on ← / → anywhere on the page, except while a form control or dialog has focus. */
export function useArrowKeys(onPrev: () => void, onNext: () => void): void {
  const handlers = useRef({ onPrev, onNext });
  useEffect(() => {
    handlers.current = { onPrev, onNext };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (isTypingTarget(e.target)) return;
      if (e.key === 'ArrowLeft') {
        e.preventDefault();
        handlers.current.onPrev();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        handlers.current.onNext();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

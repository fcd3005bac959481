import { useState, type DragEvent } from 'react';

/**
 * Drag and drop of a file onto the viewer: handlers for the drop target and whether a file is over
 * it (the viewer then shows "Drop the file to open it" with a dashed outline, not colour alone).
 */
export function useFileDrop(enabled: boolean, onFile: (file: File) => void) {
  const [over, setOver] = useState(false);
  const handlers = {
    onDragOver(e: DragEvent<HTMLElement>): void {
      if (!enabled || !e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    onDragLeave(e: DragEvent<HTMLElement>): void {
      // Leaving for a child of the target is not leaving the target.
      if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return;
      setOver(false);
    },
    onDrop(e: DragEvent<HTMLElement>): void {
      if (!enabled) return;
      e.preventDefault();
      setOver(false);
      const file = e.dataTransfer.files[0];
      if (file) onFile(file);
    },
  };
  return { over, handlers };
}

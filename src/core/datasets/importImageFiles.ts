/** User image folders (contract; the datasets helper writes the implementation). */
import type { Localized } from '../lessons/types';
import type { ImageDataset } from './imageDataset';

/** One file of a folder, a drop or a .zip: its path below the chosen root, and its bytes. */
export interface FileEntry {
  path: string;
  bytes: Uint8Array;
}

/** What an import produced. */
export interface ImportResult {
  dataset: ImageDataset | null;
  /** Images per class, in label order. */
  counts: readonly { className: string; count: number }[];
  skipped: readonly { path: string; reason: Localized }[];
  /** Why no dataset was made (fewer than 2 classes…), else null. */
  problem: Localized | null;
}

/** Decodes, labels (by sub-folder) and resizes the images. */
export declare function importImageFiles(
  entries: readonly FileEntry[],
  options: { size: number; onProgress?: (done: number, total: number) => void },
): Promise<ImportResult>;

/** The files of a .zip (fflate), skipping folders and hidden files. */
export declare function unzipEntries(bytes: Uint8Array): FileEntry[];

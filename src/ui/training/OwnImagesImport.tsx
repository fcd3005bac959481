import './training.css';
import { useId, useState, type DragEvent } from 'react';
import type { Lang } from '../../core/lessons/types';
import type { FileEntry } from '../../core/datasets/importImageFiles';
import type { ImageDataset } from '../../core/datasets/imageDataset';
import type { SkippedFile } from './trainingStoreTypes';
import { fill, importTexts as T } from './trainingTexts';

/** Path of a picked file below the chosen folder: `root/class/a.png` → `class/a.png`. */
export function pathBelowRoot(relativePath: string): string {
  const parts = relativePath.split('/').filter((p) => p !== '');
  return parts.length > 1 ? parts.slice(1).join('/') : (parts[0] ?? '');
}

/** True when a file name ends in .zip. */
export function isZipName(name: string): boolean {
  return /\.zip$/i.test(name);
}

async function toEntry(file: File, path: string): Promise<FileEntry> {
  return { path, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Every file below a dropped directory entry, with paths relative to `prefix`. */
async function walk(entry: FileSystemEntry, prefix: string, out: FileEntry[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push(await toEntry(file, prefix + entry.name));
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    // readEntries returns the children in chunks (at most 100 in Chromium) until an empty one.
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (chunk.length === 0) break;
    for (const child of chunk) await walk(child, `${prefix}${entry.name}/`, out);
  }
}

/**
 * The files of a drop: one dropped folder is the root (its sub-folders are the classes); several
 * dropped folders are the classes themselves. A dropped .zip is returned as `zip`.
 */
export async function droppedFiles(
  items: DataTransferItemList | null,
  files: FileList | null,
): Promise<{ entries: FileEntry[]; zip: File | null }> {
  const roots: FileSystemEntry[] = [];
  for (const item of items ? [...items] : []) {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry?.() : null;
    if (entry) roots.push(entry);
  }
  if (roots.length === 0) {
    const list = files ? [...files] : [];
    const zip = list.find((f) => isZipName(f.name)) ?? null;
    return { entries: zip ? [] : await Promise.all(list.map((f) => toEntry(f, f.name))), zip };
  }
  if (roots.length === 1 && roots[0]!.isFile && isZipName(roots[0]!.name)) {
    const file = await new Promise<File>((resolve, reject) =>
      (roots[0] as FileSystemFileEntry).file(resolve, reject),
    );
    return { entries: [], zip: file };
  }
  const entries: FileEntry[] = [];
  const single = roots.length === 1 && roots[0]!.isDirectory;
  for (const root of roots) {
    if (single) {
      const tmp: FileEntry[] = [];
      await walk(root, '', tmp);
      entries.push(...tmp.map((e) => ({ ...e, path: pathBelowRoot(e.path) })));
    } else await walk(root, '', entries);
  }
  return { entries, zip: null };
}

/** Images per class of `dataset`, in label order. */
export function classCounts(dataset: ImageDataset): number[] {
  const counts = new Array<number>(dataset.classNames.length).fill(0);
  for (const l of dataset.labels) counts[l] = (counts[l] ?? 0) + 1;
  return counts;
}

/**
 * The import of the user's images: a folder picker, a .zip picker and a drop area (folders are
 * walked with `webkitGetAsEntry`), then the counts per class and the files skipped, with reasons.
 */
export function OwnImagesImport({
  dataset,
  skipped,
  onFiles,
  onZip,
  lang,
}: {
  /** The loaded dataset when it came from the user's files, for the counts. */
  dataset: ImageDataset | null;
  skipped: readonly SkippedFile[];
  onFiles(entries: FileEntry[]): void;
  onZip(bytes: Uint8Array, name: string): void;
  lang: Lang;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState(false);
  async function readZip(file: File): Promise<void> {
    onZip(new Uint8Array(await file.arrayBuffer()), file.name);
  }
  async function guarded(fn: () => Promise<void>): Promise<void> {
    setReading(true);
    try {
      await fn();
    } finally {
      setReading(false);
    }
  }
  function onDrop(e: DragEvent<HTMLDivElement>): void {
    e.preventDefault();
    setOver(false);
    const { items, files } = e.dataTransfer;
    void guarded(async () => {
      const got = await droppedFiles(items, files);
      if (got.zip) await readZip(got.zip);
      else if (got.entries.length) onFiles(got.entries);
    });
  }
  const counts = dataset ? classCounts(dataset) : [];
  return (
    <fieldset className="field-group training-import">
      <legend>{T.legend[lang]}</legend>
      <p className="hint">{T.intro[lang]}</p>
      <div className="training-row">
        <p className="training-field">
          <label htmlFor={`${id}-folder`}>{T.folder[lang]}</label>
          <input
            id={`${id}-folder`}
            type="file"
            multiple
            data-testid="import-folder"
            // React has no typed prop for these: set them as attributes.
            {...{ webkitdirectory: '', directory: '' }}
            onChange={(e) => {
              const list = e.target.files ? [...e.target.files] : [];
              e.target.value = '';
              void guarded(async () => {
                const entries = await Promise.all(
                  list.map((f) => toEntry(f, pathBelowRoot(f.webkitRelativePath || f.name))),
                );
                if (entries.length) onFiles(entries);
              });
            }}
          />
        </p>
        <p className="training-field">
          <label htmlFor={`${id}-zip`}>{T.zip[lang]}</label>
          <input
            id={`${id}-zip`}
            type="file"
            accept=".zip,application/zip"
            data-testid="import-zip"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void guarded(() => readZip(file));
            }}
          />
        </p>
      </div>
      <div
        className={`training-drop${over ? ' is-over' : ''}`}
        role="region"
        aria-label={T.dropLabel[lang]}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        {reading ? T.reading[lang] : T.drop[lang]}
      </div>
      {dataset && (
        <table className="table training-counts" data-testid="import-counts">
          <caption>{T.counts[lang]}</caption>
          <thead>
            <tr>
              <th scope="col">{T.className[lang]}</th>
              <th scope="col">{T.images[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {dataset.classNames.map((c, k) => (
              <tr key={k}>
                <th scope="row">{c[lang]}</th>
                <td>{counts[k]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {skipped.length > 0 && (
        <details className="training-skipped" data-testid="import-skipped">
          <summary>{fill(T.skipped[lang], { n: skipped.length })}</summary>
          <ul>
            {skipped.map((s) => (
              <li key={s.path}>
                <code lang="en">{s.path}</code>: {s.reason[lang]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </fieldset>
  );
}

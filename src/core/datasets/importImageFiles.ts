/**
 * A student's own images as a training set: a folder (or a drop, or a .zip) with one sub-folder
 * per class, e.g. `chest/normal/001.png`, `chest/pneumonia/017.dcm`.
 *
 * - **Labels**: the first folder level under the common root names the class; a single top folder
 *   shared by every file (`chest/`) is stripped, so `chest/pneumonia/x.png` and `pneumonia/x.png`
 *   both give `pneumonia`. Classes are sorted by name (code-point order), label = index. Files
 *   directly at the root have no class and are skipped.
 * - **Decoding**: {@link decodeImageFile} (DICOM, PNG, JPEG, told by content). Hidden and system
 *   files (`.DS_Store`, `._*`, `__MACOSX/`, `Thumbs.db`, `desktop.ini`) are skipped unread.
 * - **To 0…1**: a greyscale DICOM through its own VOI window, Window Center/Width (0028,1050/1051;
 *   PS3.3 C.11.2.1.2, continuous LINEAR_EXACT form as the zoo's inputs), or, without one, the
 *   automatic 1st–99th percentile window of the viewer; MONOCHROME1 is inverted (1 − v) so that
 *   high values look bright as in MONOCHROME2 (PS3.3 C.7.6.3.1.2); a multi-frame DICOM gives its
 *   first frame. PNG/JPEG: v / (2^bits − 1). Colour (RGB) pixels become their luma
 *   Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601, as JPEG/JFIF and most greyscale conversions).
 * - **Size**: a non-square image is centre-cropped to a square of its short side (the centre of a
 *   radiograph or slice holds the anatomy; padding would add a border the model could learn from),
 *   then resized to `size × size` by preprocessSlice's resampler (area averaging when shrinking,
 *   bilinear with half-pixel centres when enlarging).
 * - **Patients**: when every image is a DICOM with a Patient ID (0010,0020), images are grouped by
 *   it (ids 0, 1, … in order of first appearance; the text itself is not kept), else null.
 */
// fflate is the app's one ZIP library (as in npy.ts); a .zip is a container, not an image codec.
import { unzipSync } from 'fflate';
import type { Localized } from '../lessons/types';
import { decodeImageFile } from '../imaging/decodeImageFile';
import { readPatientId } from '../imaging/dicom/readPatientId';
import { AUTO_WINDOW_PERCENTILES, percentiles } from '../imaging/display/percentileWindow';
import { MIN_WINDOW_WIDTH } from '../imaging/display/voiWindow';
import { ImageDecodeError } from '../imaging/ImageDecodeError';
import type { DecodedImage } from '../imaging/types';
import { preprocessSlice } from '../models/preprocessSlice';
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

/** Why an archive cannot be opened. */
export type ImportErrorCode = 'not-zip' | 'damaged' | 'too-large' | 'too-many-files';

/** An archive that cannot be imported, with a message a student can act on in both languages. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly localized: Localized;

  constructor(
    readonly code: ImportErrorCode,
    message: Localized,
    options?: { cause?: unknown },
  ) {
    super(message.en, options);
    this.localized = message;
  }
}

/** Largest total uncompressed size of a .zip accepted: 1 GiB. */
export const MAX_ZIP_BYTES = 2 ** 30;
/** Most files a .zip may hold. */
export const MAX_ZIP_FILES = 50_000;
/** Files decoded between two yields to the event loop. */
const YIELD_EVERY = 4;

/** Path segments, `\` read as `/`, empty and `.` segments dropped. */
function segments(path: string): string[] {
  return path.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
}

const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', 'icon\r']);

/** Hidden or system junk: a segment starting with `.`, `__MACOSX`, Thumbs.db, desktop.ini. */
export function isHiddenPath(path: string): boolean {
  return segments(path).some(
    (s) => s.startsWith('.') || s === '__MACOSX' || SYSTEM_FILES.has(s.toLowerCase()),
  );
}

/**
 * The files of a .zip (PKWARE APPNOTE; fflate `unzipSync`), skipping folders, `__MACOSX/` and
 * hidden files. Refuses, before inflating anything, archives whose declared uncompressed total
 * exceeds {@link MAX_ZIP_BYTES} or that hold more than {@link MAX_ZIP_FILES} files.
 * @throws ImportError 'not-zip' (no ZIP signature), 'damaged', 'too-large', 'too-many-files'
 */
export function unzipEntries(bytes: Uint8Array): FileEntry[] {
  const pk = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  const kind = pk ? ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0) : 0;
  // Local file header PK\3\4, or the end record PK\5\6 of an empty archive.
  if (!pk || (kind !== 0x0304 && kind !== 0x0506)) {
    throw new ImportError('not-zip', {
      en: 'This file is not a .zip archive. Choose a .zip of image folders, or pick the folder itself.',
      zh: '此文件不是 .zip 压缩包。请选择包含图像文件夹的 .zip 文件，或直接选择该文件夹。',
    });
  }
  let files = 0;
  let total = 0;
  let tooMany = false;
  let tooLarge = false;
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(bytes, {
      filter(file) {
        if (file.name.endsWith('/')) return false;
        files++;
        total += file.originalSize;
        if (files > MAX_ZIP_FILES) tooMany = true;
        if (total > MAX_ZIP_BYTES) tooLarge = true;
        return !tooMany && !tooLarge && !isHiddenPath(file.name);
      },
    });
  } catch (e) {
    throw new ImportError(
      'damaged',
      {
        en: 'The .zip archive is damaged or uses a compression this app cannot read (only “stored” and “deflate” are supported). Try creating it again.',
        zh: '该 .zip 压缩包已损坏，或使用了本应用无法读取的压缩方式（仅支持“存储”和“deflate”）。请重新创建压缩包。',
      },
      { cause: e },
    );
  }
  if (tooMany) {
    throw new ImportError('too-many-files', {
      en: `The archive holds more than ${MAX_ZIP_FILES.toLocaleString('en')} files. Use a smaller selection of images.`,
      zh: `该压缩包包含超过 ${MAX_ZIP_FILES} 个文件。请选用较少的图像。`,
    });
  }
  if (tooLarge) {
    throw new ImportError('too-large', {
      en: 'The archive unpacks to more than 1 GiB, more than a browser tab can hold comfortably. Use fewer or smaller images.',
      zh: '该压缩包解压后超过 1 GiB，超出浏览器标签页能轻松容纳的大小。请使用更少或更小的图像。',
    });
  }
  return Object.entries(unpacked).map(([path, data]) => ({ path, bytes: data }));
}

/** Luma of interleaved RGB (ITU-R BT.601). */
function luma(rgb: Float32Array, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] =
      0.299 * (rgb[3 * i] as number) +
      0.587 * (rgb[3 * i + 1] as number) +
      0.114 * (rgb[3 * i + 2] as number);
  }
  return out;
}

/** One channel of values and the window that maps them to 0…1, and whether to invert after. */
function greyAndWindow(image: DecodedImage): {
  values: Float32Array;
  center: number;
  width: number;
  invert: boolean;
} {
  const n = image.rows * image.columns;
  if (image.kind === 'raster') {
    const max = 2 ** image.bitDepth - 1;
    const values = image.samplesPerPixel === 3 ? luma(image.pixels, n) : image.pixels;
    return { values, center: max / 2, width: max, invert: false };
  }
  const frame = image.frame(0);
  if (image.samplesPerPixel === 3) {
    const max = 2 ** image.bitsStored - 1;
    return { values: luma(frame, n), center: max / 2, width: max, invert: false };
  }
  const invert = image.photometricInterpretation === 'MONOCHROME1';
  const c = image.windowCenter;
  const w = image.windowWidth;
  if (c !== undefined && w !== undefined && Number.isFinite(c) && Number.isFinite(w) && w >= MIN_WINDOW_WIDTH)
    return { values: frame, center: c, width: w, invert };
  // The viewer's automatic window: the 1st to the 99th percentile, as a continuous ramp.
  const range = percentiles(frame, AUTO_WINDOW_PERCENTILES);
  const low = range?.[0] ?? 0;
  const high = range?.[1] ?? 1;
  return { values: frame, center: (low + high) / 2, width: Math.max(high - low, 1e-6), invert };
}

/**
 * A decoded image as a `size × size` input in 0…1 (see the module comment): grey values, centre
 * crop to a square, window and resize with {@link preprocessSlice}, MONOCHROME1 inverted.
 */
export function imageToUnitSquare(image: DecodedImage, size: number): Float32Array {
  const { values, center, width, invert } = greyAndWindow(image);
  const { rows, columns } = image;
  const side = Math.min(rows, columns);
  const row0 = Math.floor((rows - side) / 2);
  const column0 = Math.floor((columns - side) / 2);
  const square = new Float32Array(side * side);
  for (let r = 0; r < side; r++) {
    const from = (row0 + r) * columns + column0;
    square.set(values.subarray(from, from + side), r * side);
  }
  // A field of `side · size` mm at 1 mm pixels covers the whole square, so preprocessSlice crops
  // nothing and only windows and resizes.
  const { input } = preprocessSlice(
    { values: square, rows: side, columns: side, spacingMm: 1 },
    { center, width, size, spacingMm: side },
  );
  if (invert) for (let i = 0; i < input.length; i++) input[i] = 1 - (input[i] as number);
  return input;
}

/** The message of a decoding failure, in both languages. */
function reasonOf(error: unknown): Localized {
  if (error instanceof ImageDecodeError) return { en: error.message, zh: error.messageZh };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    en: `The file could not be read (${detail}).`,
    zh: `无法读取此文件（${detail}）。`,
  };
}

const HIDDEN_REASON: Localized = {
  en: 'A hidden or system file (e.g. .DS_Store, __MACOSX), not an image: skipped.',
  zh: '隐藏文件或系统文件（如 .DS_Store、__MACOSX），不是图像：已跳过。',
};
const ROOT_REASON: Localized = {
  en: 'This file is not inside a class folder: put each image in a sub-folder named after its class.',
  zh: '此文件不在类别文件夹中：请把每张图像放入以其类别命名的子文件夹。',
};

/** Yields to the event loop, so that the page can draw and take input. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Decodes, labels (by sub-folder) and resizes the images (see the module comment). Never throws for
 * bad files: they are listed in `skipped` with the reason; `problem` says why no dataset was made
 * (no images; fewer than 2 classes). Yields to the event loop every few files and reports
 * `onProgress(done, total)` after each.
 * @throws RangeError for a `size` that is not a whole number ≥ 1
 */
export async function importImageFiles(
  entries: readonly FileEntry[],
  options: {
    size: number;
    onProgress?: (done: number, total: number) => void;
    /** The folder's or archive's name for `source`; default: the shared top folder, else the class names. */
    name?: string;
  },
): Promise<ImportResult> {
  const { size, onProgress } = options;
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`size must be a whole number ≥ 1, got ${size}`);
  const skipped: { path: string; reason: Localized }[] = [];
  const visible: { path: string; parts: string[]; bytes: Uint8Array }[] = [];
  for (const e of entries) {
    if (isHiddenPath(e.path)) skipped.push({ path: e.path, reason: HIDDEN_REASON });
    else visible.push({ path: e.path, parts: segments(e.path), bytes: e.bytes });
  }
  // Strip a top folder every file shares, while some file lies deeper than class/file.
  let depth = 0;
  for (;;) {
    const first = visible[0]?.parts[depth];
    const shared =
      visible.length > 0 && visible.every((v) => v.parts.length > depth + 1 && v.parts[depth] === first);
    if (!shared || !visible.some((v) => v.parts.length > depth + 2)) break;
    depth++;
  }

  const decoded: { className: string; input: Float32Array; patientId: string | null }[] = [];
  let allHavePatient = true;
  const total = entries.length;
  let done = skipped.length;
  for (const v of visible) {
    const rest = v.parts.slice(depth);
    if (rest.length < 2) {
      skipped.push({ path: v.path, reason: ROOT_REASON });
    } else {
      try {
        const image = await decodeImageFile(v.bytes, rest[rest.length - 1]);
        const patientId = image.kind === 'dicom' ? readPatientId(v.bytes) : null;
        if (patientId === null) allHavePatient = false;
        decoded.push({ className: rest[0] as string, input: imageToUnitSquare(image, size), patientId });
      } catch (e) {
        skipped.push({ path: v.path, reason: reasonOf(e) });
      }
    }
    done++;
    onProgress?.(done, total);
    if (done % YIELD_EVERY === 0) await yieldToEventLoop();
  }
  if (visible.length === 0) onProgress?.(total, total);

  const names = [...new Set(decoded.map((d) => d.className))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const counts = names.map((className) => ({
    className,
    count: decoded.filter((d) => d.className === className).length,
  }));
  if (decoded.length === 0 || names.length < 2) {
    const problem: Localized =
      decoded.length === 0
        ? {
            en: 'No image could be read. Choose a folder (or .zip) of PNG, JPEG or DICOM files, one sub-folder per class.',
            zh: '没有读到任何图像。请选择包含 PNG、JPEG 或 DICOM 文件的文件夹（或 .zip），每个类别一个子文件夹。',
          }
        : {
            en: `Only one class was found (“${names[0]}”). A classifier needs at least 2: put the images in one sub-folder per class, e.g. normal/ and pneumonia/.`,
            zh: `只找到一个类别（“${names[0]}”）。分类器至少需要 2 个类别：请把图像按类别放入不同的子文件夹，例如 normal/ 和 pneumonia/。`,
          };
    return { dataset: null, counts, skipped, problem };
  }

  const n = size * size;
  const images = new Float32Array(decoded.length * n);
  const labels = new Int32Array(decoded.length);
  const label = new Map(names.map((name, i) => [name, i]));
  const patientNumber = new Map<string, number>();
  const patientIds = allHavePatient ? new Int32Array(decoded.length) : null;
  decoded.forEach((d, i) => {
    images.set(d.input, i * n);
    labels[i] = label.get(d.className) as number;
    if (patientIds !== null && d.patientId !== null) {
      if (!patientNumber.has(d.patientId)) patientNumber.set(d.patientId, patientNumber.size);
      patientIds[i] = patientNumber.get(d.patientId) as number;
    }
  });
  const rootName = depth > 0 ? (visible[0]?.parts.slice(0, depth).join('/') ?? '') : '';
  return {
    dataset: {
      size,
      count: decoded.length,
      images,
      labels,
      classNames: names.map((name) => ({ en: name, zh: name })),
      patientIds,
      presetSplit: null,
      spacingMm: null,
      source: { kind: 'folder', name: options.name ?? (rootName === '' ? names.join(', ') : rootName) },
    },
    counts,
    skipped,
    problem: null,
  };
}

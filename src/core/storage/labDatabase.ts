/**
 * The app's one IndexedDB database, `radiology-cnn-lab`, opened through `idb` (Jake Archibald's
 * promise wrapper). Its schema lives here only, so the stores of every module are created by the
 * same upgrade: to add a store, add it below and bump {@link LAB_DB_VERSION}.
 *
 * Stores (W3C Indexed Database API 3.0): `models` (a model's metadata, key `name`) and `weights`
 * (its tfjs artifacts, key `name`) for core/training/modelStore.ts; `datasetIndex` (url/key, size,
 * date) and `datasetFiles` (the bytes) for datasetCache.ts. Metadata and payloads are kept apart so
 * that listing never reads the megabytes.
 *
 * `idb` wraps requests by `instanceof IDBRequest` (and IDBDatabase, IDBTransaction …), so the
 * IndexedDB classes must be globals: they are in pages and workers; Node tests install
 * fake-indexeddb's as globals (tests/unit/helpers/fakeIndexedDb.ts).
 */
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import { LocalizedError } from '../lessons/LocalizedError';
import type { StoredModelMeta } from '../training/modelStore';

/** Database name. */
export const LAB_DB_NAME = 'radiology-cnn-lab';
/** Schema version; bump when a store is added. */
export const LAB_DB_VERSION = 1;

/** A stored model's record in `weights`. */
export interface WeightsRecord {
  name: string;
  modelTopology: object;
  weightSpecs: { name: string; shape: number[]; dtype: 'float32' | 'int32' | 'bool' }[];
  weightData: ArrayBuffer;
}

/** The schema, for idb's typed stores. */
export interface LabDbSchema extends DBSchema {
  models: { key: string; value: StoredModelMeta };
  weights: { key: string; value: WeightsRecord };
  datasetIndex: { key: string; value: { key: string; bytes: number; savedAt: string } };
  datasetFiles: { key: string; value: { key: string; data: ArrayBuffer } };
}

/** The open database. */
export type LabDb = IDBPDatabase<LabDbSchema>;

/** Why storage failed: no IndexedDB (or refused), or the browser's quota is full. */
export type StorageErrorCode = 'unavailable' | 'quota';

/** IndexedDB is missing, refused (storage disabled, some private modes) or full. */
export class StorageError extends LocalizedError {
  override readonly name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    why: string,
  ) {
    const message =
      code === 'quota'
        ? {
            en: `The browser's storage for this page is full (${why}). Delete saved models or cached datasets you no longer need, then try again.`,
            zh: `浏览器为本页面分配的存储空间已满（${why}）。请删除不再需要的已保存模型或缓存数据集，然后重试。`,
          }
        : {
            en: `This browser does not let the page store data (${why}). Models and downloaded datasets cannot be kept: allow site data, or leave private browsing.`,
            zh: `此浏览器不允许本页面存储数据（${why}）。无法保存模型和已下载的数据集：请允许网站数据，或退出无痕浏览。`,
          };
    super(message);
  }
}

/** Runs a write; a full quota becomes a {@link StorageError} `quota`, other errors pass through. */
export async function guardQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const name = typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
    if (name === 'QuotaExceededError') throw new StorageError('quota', String((e as Error).message ?? name));
    throw e;
  }
}

/**
 * Opens (creating or upgrading) the lab's database on `factory` (default `globalThis.indexedDB`).
 * The connection closes itself when another tab needs to upgrade the schema.
 * @throws StorageError `unavailable` when there is no IndexedDB or it refuses to open
 */
export async function openLabDb(factory?: IDBFactory): Promise<LabDb> {
  const f = factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!f) throw new StorageError('unavailable', 'no IndexedDB');
  let request: IDBOpenDBRequest;
  try {
    request = f.open(LAB_DB_NAME, LAB_DB_VERSION);
  } catch (e) {
    throw new StorageError('unavailable', e instanceof Error ? e.message : String(e));
  }
  request.addEventListener('upgradeneeded', () => {
    const db = request.result;
    for (const [store, keyPath] of [
      ['models', 'name'],
      ['weights', 'name'],
      ['datasetIndex', 'key'],
      ['datasetFiles', 'key'],
    ] as const) {
      if (!db.objectStoreNames.contains(store)) db.createObjectStore(store, { keyPath });
    }
  });
  let db: LabDb;
  try {
    db = (await wrap(request)) as unknown as LabDb;
  } catch (e) {
    throw new StorageError('unavailable', e instanceof Error ? e.message : String(e));
  }
  db.addEventListener('versionchange', () => db.close());
  return db;
}

/** A copy of `bytes` that owns exactly its bytes (structured clone stores a view's whole buffer). */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  ) {
    return bytes.buffer;
  }
  return bytes.slice().buffer;
}

/**
 * A cache of downloaded dataset files (MedMNIST `.npz` …) in IndexedDB, keyed by URL, so a file is
 * downloaded once per browser. Stores `datasetIndex` (size and date, for listing) and
 * `datasetFiles` (the bytes) of the lab database (labDatabase.ts), written in one transaction.
 */
import { guardQuota, openLabDb, ownBuffer } from './labDatabase';

/** One cached file, as listed. */
export interface CachedFileInfo {
  key: string;
  /** Size in bytes. */
  bytes: number;
  /** ISO date-time of the save. */
  savedAt: string;
}

/** The cache's operations. */
export interface DatasetCache {
  /** The bytes stored under `key`, or null. */
  get(key: string): Promise<Uint8Array | null>;
  /** Stores (or replaces) the bytes under `key`. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Every cached file, newest first (without reading the bytes). */
  list(): Promise<CachedFileInfo[]>;
  /** Deletes `key` (nothing happens when absent). */
  remove(key: string): Promise<void>;
  /** Closes the connection. */
  close(): void;
}

/**
 * Opens the dataset cache on `factory` (default `globalThis.indexedDB`).
 * @throws StorageError `unavailable` when IndexedDB is missing or refused; `put` throws
 *   StorageError `quota` when the browser's storage is full
 */
export async function openDatasetCache(factory?: IDBFactory): Promise<DatasetCache> {
  const db = await openLabDb(factory);
  return {
    async get(key) {
      const record = await db.get('datasetFiles', key);
      return record ? new Uint8Array(record.data) : null;
    },
    async put(key, bytes) {
      await guardQuota(async () => {
        const tx = db.transaction(['datasetIndex', 'datasetFiles'], 'readwrite');
        await Promise.all([
          tx.objectStore('datasetFiles').put({ key, data: ownBuffer(bytes) }),
          tx
            .objectStore('datasetIndex')
            .put({ key, bytes: bytes.byteLength, savedAt: new Date().toISOString() }),
          tx.done,
        ]);
      });
    },
    async list() {
      const all = await db.getAll('datasetIndex');
      return all
        .map(({ key, bytes, savedAt }) => ({ key, bytes, savedAt }))
        .sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt) || a.key.localeCompare(b.key));
    },
    async remove(key) {
      const tx = db.transaction(['datasetIndex', 'datasetFiles'], 'readwrite');
      await Promise.all([
        tx.objectStore('datasetFiles').delete(key),
        tx.objectStore('datasetIndex').delete(key),
        tx.done,
      ]);
    },
    close() {
      db.close();
    },
  };
}

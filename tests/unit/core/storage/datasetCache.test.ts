/** The dataset cache on fake-indexeddb: put/get/list/remove, exact bytes, separate databases. */
import { describe, expect, it } from 'vitest';
import { openDatasetCache } from '../../../../src/core/storage/datasetCache';
import { StorageError, guardQuota, openLabDb } from '../../../../src/core/storage/labDatabase';
import { freshIndexedDb, installFakeIndexedDb } from '../../helpers/fakeIndexedDb';

installFakeIndexedDb();

const URL_A = 'https://zenodo.org/records/10519652/files/pneumoniamnist.npz?download=1';
const URL_B = 'https://zenodo.org/records/10519652/files/breastmnist.npz?download=1';

describe('openDatasetCache', () => {
  it('stores and returns the exact bytes; get of a missing key is null', async () => {
    const cache = await openDatasetCache(freshIndexedDb());
    expect(await cache.get(URL_A)).toBeNull();
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) % 256);
    await cache.put(URL_A, bytes);
    const back = await cache.get(URL_A);
    expect(back).toBeInstanceOf(Uint8Array);
    expect(back).toEqual(bytes);
    cache.close();
  });

  it('stores only a view’s own bytes, not its whole buffer', async () => {
    const cache = await openDatasetCache(freshIndexedDb());
    const big = Uint8Array.from({ length: 64 }, (_, i) => i);
    await cache.put('k', big.subarray(10, 14));
    const back = await cache.get('k');
    expect(Array.from(back ?? [])).toEqual([10, 11, 12, 13]);
    expect(back?.buffer.byteLength).toBe(4);
    expect((await cache.list())[0]?.bytes).toBe(4);
  });

  it('lists newest first with sizes and dates, replaces on put, removes', async () => {
    const cache = await openDatasetCache(freshIndexedDb());
    const t0 = Date.now();
    await cache.put(URL_A, new Uint8Array(10));
    await new Promise((r) => setTimeout(r, 5));
    await cache.put(URL_B, new Uint8Array(20));
    const list = await cache.list();
    expect(list.map((f) => [f.key, f.bytes])).toEqual([
      [URL_B, 20],
      [URL_A, 10],
    ]);
    for (const f of list) {
      expect(Date.parse(f.savedAt)).toBeGreaterThanOrEqual(t0 - 1);
      expect(Date.parse(f.savedAt)).toBeLessThanOrEqual(Date.now());
    }
    // The list orders by save time (milliseconds): let the clock move before the next put.
    await new Promise((r) => setTimeout(r, 5));
    await cache.put(URL_A, new Uint8Array(3)); // replace: now the newest, 3 bytes
    expect((await cache.list()).map((f) => [f.key, f.bytes])).toEqual([
      [URL_A, 3],
      [URL_B, 20],
    ]);
    await cache.remove(URL_B);
    await cache.remove('absent'); // no error
    expect((await cache.list()).map((f) => f.key)).toEqual([URL_A]);
    expect(await cache.get(URL_B)).toBeNull();
  });

  it('keeps data across connections and apart between databases', async () => {
    const factory = freshIndexedDb();
    const first = await openDatasetCache(factory);
    await first.put('x', Uint8Array.of(7));
    first.close();
    const second = await openDatasetCache(factory);
    expect(Array.from((await second.get('x')) ?? [])).toEqual([7]);
    const other = await openDatasetCache(freshIndexedDb());
    expect(await other.get('x')).toBeNull();
  });

  it('creates every store of the lab database, and refuses without IndexedDB', async () => {
    const db = await openLabDb(freshIndexedDb());
    expect([...db.objectStoreNames].sort()).toEqual(['datasetFiles', 'datasetIndex', 'models', 'weights']);
    db.close();
    // Node has no global indexedDB: the default factory is missing.
    await expect(openDatasetCache()).rejects.toBeInstanceOf(StorageError);
  });

  it('turns a full quota into a StorageError the student can act on; other errors pass through', async () => {
    const full = guardQuota(async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(full).rejects.toMatchObject({ name: 'StorageError', code: 'quota' });
    await expect(
      guardQuota(async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }),
    ).rejects.toThrow(/Delete saved models or cached datasets/);
    const other = new TypeError('boom');
    await expect(
      guardQuota(async () => {
        throw other;
      }),
    ).rejects.toBe(other);
    expect(await guardQuota(async () => 5)).toBe(5);
  });
});

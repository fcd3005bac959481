/**
 * fake-indexeddb for tests of code that uses `idb`. idb recognises IndexedDB objects by
 * `instanceof IDBRequest` (IDBDatabase, IDBTransaction, IDBObjectStore, IDBIndex, IDBCursor), so
 * those classes must be globals; Node has none. `installFakeIndexedDb()` at the top of a test file
 * stubs them with fake-indexeddb's classes for that file (restored after; `indexedDB` itself is not
 * stubbed) and each test gets an empty database with `freshIndexedDb()`.
 *
 * ```ts
 * installFakeIndexedDb();
 * it('…', async () => { const store = await openModelStore(freshIndexedDb()); … });
 * ```
 */
import * as fake from 'fake-indexeddb';
import { afterAll, beforeAll, vi } from 'vitest';

const CLASSES = [
  'IDBCursor',
  'IDBCursorWithValue',
  'IDBDatabase',
  'IDBIndex',
  'IDBKeyRange',
  'IDBObjectStore',
  'IDBOpenDBRequest',
  'IDBRequest',
  'IDBTransaction',
  'IDBVersionChangeEvent',
] as const;

/** Stubs the IndexedDB classes (not `indexedDB`) with fake-indexeddb's for this test file. */
export function installFakeIndexedDb(): void {
  beforeAll(() => {
    for (const name of CLASSES) vi.stubGlobal(name, fake[name]);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });
}

/** A new, empty IndexedDB (its own factory: no state shared with other tests). */
export function freshIndexedDb(): IDBFactory {
  return new fake.IDBFactory();
}

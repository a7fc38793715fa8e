/** A tiny promise wrapper over one IndexedDB database with named key-value stores (Worker or page). */
const DB_NAME = 'drey-verifier';
const STORES = ['immutable', 'responses'] as const;
export type StoreName = (typeof STORES)[number];

let opening: Promise<IDBDatabase | undefined> | undefined;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** The database, or undefined where IndexedDB is unavailable (private mode, old browsers): callers then skip caching. */
export function openDb(): Promise<IDBDatabase | undefined> {
  opening ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(undefined);
    const r = indexedDB.open(DB_NAME, 1);
    r.onupgradeneeded = () => {
      for (const s of STORES) if (!r.result.objectStoreNames.contains(s)) r.result.createObjectStore(s);
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => resolve(undefined);
    r.onblocked = () => resolve(undefined);
  });
  return opening;
}

export async function idbGet(store: StoreName, key: string): Promise<unknown> {
  const db = await openDb();
  if (!db) return undefined;
  try {
    return await request(db.transaction(store, 'readonly').objectStore(store).get(key));
  } catch {
    return undefined;
  }
}

export async function idbSet(store: StoreName, key: string, value: unknown): Promise<void> {
  const db = await openDb();
  if (!db) return;
  try {
    await request(db.transaction(store, 'readwrite').objectStore(store).put(value, key));
  } catch {
    // A full or failing store only loses the cache, never the verification.
  }
}

export async function idbCount(): Promise<number> {
  const db = await openDb();
  if (!db) return 0;
  const counts = await Promise.all(STORES.map((s) => request(db.transaction(s, 'readonly').objectStore(s).count())));
  return counts.reduce((a, b) => a + b, 0);
}

export async function idbClear(): Promise<void> {
  const db = await openDb();
  if (!db) return;
  await Promise.all(STORES.map((s) => request(db.transaction(s, 'readwrite').objectStore(s).clear())));
}

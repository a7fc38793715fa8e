/**
 * A file-backed store for the Esplora client's immutable answers (the `EsploraCache` get/set interface): one file per
 * key, written atomically, checksummed and bound to its key, so that a later process pays only for new objects.
 * Every value read back is still re-verified by the client; this store only guards against torn or mixed-up files.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { EsploraCache } from '../core/esplora/client';

/** File layout: `MAGIC tag sha256(key NUL tag payload)\n` then the payload (raw bytes, or UTF-8 JSON). */
const MAGIC = 'drey-cache-1';
const HEADER_LEN = MAGIC.length + 1 + 1 + 1 + 64 + 1;
const BYTES = 'b';
const JSON_TAG = 'j';

/** Keys the client uses (`tx:<txid>`, `header:<hash>`…) keep a readable name; anything else is hashed. */
const READABLE_KEY = /^([a-z]{1,16}):([0-9a-f]{64})$/;

/** The file name for a key: `<kind>-<64 hex>`, or the key's sha256 alone; never a path, whatever the key holds. */
export function fileNameForKey(key: string): string {
  const m = READABLE_KEY.exec(key);
  if (m) return `${m[1]}-${m[2]}`;
  return sha256Hex(Buffer.from(key, 'utf8'));
}

function sha256Hex(...parts: Uint8Array[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

function checksum(key: string, tag: string, payload: Uint8Array): string {
  return sha256Hex(Buffer.from(`${key}\0${tag}`, 'utf8'), payload);
}

/** Value → file bytes; undefined for a value that does not survive JSON (it stays in memory only). */
export function encodeEntry(key: string, value: unknown): Uint8Array | undefined {
  let tag: string;
  let payload: Uint8Array;
  if (value instanceof Uint8Array) {
    tag = BYTES;
    payload = value;
  } else {
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch {
      return undefined;
    }
    if (text === undefined) return undefined;
    tag = JSON_TAG;
    payload = Buffer.from(text, 'utf8');
  }
  const head = Buffer.from(`${MAGIC} ${tag} ${checksum(key, tag, payload)}\n`, 'latin1');
  return Buffer.concat([head, payload]);
}

/** File bytes → value; undefined when the file is not a whole, intact entry for this very key. */
export function decodeEntry(key: string, file: Uint8Array): unknown {
  if (file.length < HEADER_LEN) return undefined;
  const head = Buffer.from(file.subarray(0, HEADER_LEN)).toString('latin1');
  const m = /^drey-cache-1 ([bj]) ([0-9a-f]{64})\n$/.exec(head);
  if (!m) return undefined;
  const tag = m[1]!;
  const payload = file.subarray(HEADER_LEN);
  if (checksum(key, tag, payload) !== m[2]) return undefined;
  if (tag === BYTES) return new Uint8Array(payload);
  try {
    const value: unknown = JSON.parse(Buffer.from(payload).toString('utf8'));
    return value === null ? undefined : value;
  } catch {
    return undefined;
  }
}

export interface DiskCacheOptions {
  dir: string;
  /** Told once, when the directory cannot be written (the run continues with an in-memory cache). */
  warn: (message: string) => void;
}

export interface DiskCache extends EsploraCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** Entries read from disk and written to disk so far. */
  stats(): { diskHits: number; writes: number };
}

/**
 * Open a cache directory (created on the first write). Reads and writes are synchronous: entries are small, and a read
 * costs less than scheduling it on the thread pool. A corrupt or unreadable entry is a miss (and is removed); a write
 * failure turns writing off with one warning, never an error.
 */
export function openDiskCache(opts: DiskCacheOptions): DiskCache {
  const memory = new Map<string, unknown>();
  let writable = true;
  let made = false;
  let diskHits = 0;
  let writes = 0;
  const stopWriting = (e: unknown): void => {
    if (!writable) return;
    writable = false;
    opts.warn(`cache directory ${opts.dir} cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); continuing without a disk cache`);
  };

  return {
    get(key: string): unknown {
      if (memory.has(key)) return memory.get(key);
      const path = join(opts.dir, fileNameForKey(key));
      let file: Uint8Array;
      try {
        file = readFileSync(path);
      } catch {
        return undefined;
      }
      const value = decodeEntry(key, file);
      if (value === undefined) {
        try {
          unlinkSync(path);
        } catch {
          // An unremovable bad entry is simply overwritten by the next set (or stays a miss).
        }
        return undefined;
      }
      diskHits++;
      memory.set(key, value);
      return value;
    },

    set(key: string, value: unknown): void {
      memory.set(key, value);
      if (!writable) return;
      const bytes = encodeEntry(key, value);
      if (!bytes) return;
      const path = join(opts.dir, fileNameForKey(key));
      const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        if (!made) {
          mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
          made = true;
        }
        writeFileSync(temp, bytes, { mode: 0o600 });
        renameSync(temp, path);
        writes++;
      } catch (e) {
        try {
          unlinkSync(temp);
        } catch {
          // Nothing was written, or the directory refuses even that.
        }
        stopWriting(e);
      }
    },

    stats: () => ({ diskHits, writes }),
  };
}

/** `$XDG_CACHE_HOME/drey-verify`, else `~/.cache/drey-verify` (an XDG path must be absolute to count). */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env, home: string = homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'drey-verify');
  return join(home, '.cache', 'drey-verify');
}

/**
 * The sub-directory for one chain: the network name, and for regtest also the host list, since two local regtest
 * chains can hold the same transaction in different blocks.
 */
export function cacheNamespace(network: string, hosts: readonly string[]): string {
  if (network !== 'regtest') return network;
  const list = [...new Set(hosts.map((h) => h.trim().replace(/\/+$/, '').toLowerCase()))].sort().join('\n');
  return `regtest-${sha256Hex(Buffer.from(list, 'utf8')).slice(0, 16)}`;
}

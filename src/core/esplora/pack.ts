/**
 * Month packs (docs/protocol.md §2.4.2): the immutable answers a month's check reads — raw transactions, headers,
 * blocks' txid lists, deep Merkle branches — in one file anyone may publish next to the app. A pack is trusted for
 * nothing: it only fills the client's cache, whose every hit passes the checks a host's answer passes (a transaction
 * re-hashed to its txid, a header to its block hash, a txid list to its header's Merkle root, a branch to a verified
 * header), and an entry that fails them is a miss, asked of the hosts. What only a host can say (the tip, the best
 * chain at a height, spends, address listings) is never taken from a pack.
 */
import { bytesToHex, utf8 } from '../bytes';
import { VerifyError } from '../errors';
import type { NetworkName } from '../chain/network';
import type { EsploraCache } from './client';
import { packAuthority } from './pack-authority';

export const PACK_FORMAT = 'drey-pack/1';
/** A pack larger than this is refused before it is parsed (a 10,000-member month's full pack is about 12 MB). */
export const MAX_PACK_BYTES = 64 * 1024 * 1024;
export const MAX_PACK_ENTRIES = 20_000;

export type PackDepth = 'quick' | 'full';

export interface MonthPack {
  network: NetworkName;
  genesis: string;
  month: number;
  depth: PackDepth;
  /**
   * Entries by the client's cache keys (`tx:`, `header:`, `txids:`, `merkle:` and a 64-hex id), and each witness
   * block's wtxid list (`wtxids:<block hash>`, the coinbase's as zeros) that proves the witnesses served (pack-authority.ts).
   */
  entries: ReadonlyMap<string, unknown>;
}

/** The chain and month a pack must be for. */
export interface PackFor {
  network: NetworkName;
  genesis: string;
  month: number;
}

const KEY_RE = /^(tx|header|txids|wtxids|merkle):[0-9a-f]{64}$/;
const HEX_RE = /^(?:[0-9a-f]{2})+$/;
const HASH_RE = /^[0-9a-f]{64}$/;

function refused(reason: string, evidence: Record<string, unknown> = {}): never {
  throw new VerifyError('FETCH_PACK_REFUSED', `month pack refused: ${reason}`, { reason, ...evidence });
}

/** An entry's value has the shape its key's kind is stored in (its content is checked when a check reads it). */
function entryShapeOk(key: string, value: unknown): boolean {
  const kind = key.slice(0, key.indexOf(':'));
  if (kind === 'tx' || kind === 'header') return typeof value === 'string' && HEX_RE.test(value);
  if (kind === 'txids' || kind === 'wtxids') return Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'string' && HASH_RE.test(t));
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a pack, refusing (FETCH_PACK_REFUSED, evidence `reason`) one that is not JSON of this format, is too large,
 * or is for another network, genesis or month. Entries of an unknown kind or a wrong shape are dropped and counted.
 */
export function parsePack(body: string | Uint8Array, want: PackFor): MonthPack & { dropped: number } {
  const size = typeof body === 'string' ? body.length : body.byteLength;
  if (size > MAX_PACK_BYTES) refused('too large', { bytes: size, limit: MAX_PACK_BYTES });
  const text = typeof body === 'string' ? body : utf8.decodeStrict(body);
  if (text === undefined) refused('not UTF-8 text');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    refused('not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) refused('not a JSON object');
  const p = json as Record<string, unknown>;
  if (p.format !== PACK_FORMAT) refused('unknown format', { format: String(p.format).slice(0, 40), expected: PACK_FORMAT });
  if (p.network !== want.network) refused('for another network', { network: String(p.network).slice(0, 20), expected: want.network });
  if (p.genesis !== want.genesis) refused('for another genesis', { genesis: String(p.genesis).slice(0, 80), expected: want.genesis });
  if (p.month !== want.month) refused('for another month', { month: String(p.month).slice(0, 20), expected: want.month });
  if (p.depth !== 'quick' && p.depth !== 'full') refused('unknown depth', { depth: String(p.depth).slice(0, 20) });
  const raw = p.entries;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) refused('entries is not an object');
  const keys = Object.keys(raw);
  if (keys.length > MAX_PACK_ENTRIES) refused('too many entries', { entries: keys.length, limit: MAX_PACK_ENTRIES });
  const entries = new Map<string, unknown>();
  let dropped = 0;
  for (const key of keys) {
    const value = (raw as Record<string, unknown>)[key];
    if (KEY_RE.test(key) && entryShapeOk(key, value)) entries.set(key, value);
    else dropped++;
  }
  return { network: want.network, genesis: want.genesis, month: want.month, depth: p.depth, entries, dropped };
}

/** JSON text of a pack: entries in key order, bytes as lowercase hex, one entry a line. */
export function encodePack(pack: MonthPack): string {
  const head = JSON.stringify({ format: PACK_FORMAT, network: pack.network, genesis: pack.genesis, month: pack.month, depth: pack.depth });
  const lines = [...pack.entries.keys()].sort().map((k) => {
    const value = pack.entries.get(k);
    return `${JSON.stringify(k)}:${JSON.stringify(value instanceof Uint8Array ? bytesToHex(value) : value)}`;
  });
  return `${head.slice(0, -1)},"entries":{\n${lines.join(',\n')}\n}}\n`;
}

/** Whether a month pack saved requests: never a finding about the month (entries read were re-checked as hosts' answers). */
export interface PackReport {
  url: string;
  outcome: 'used' | 'none' | 'refused';
  /** Why it was not used (HTTP status, unreachable, or the FETCH_PACK_REFUSED reason). */
  reason?: string;
  /** Entries the packs of this client hold, and how many the checks read so far. */
  entries?: number;
  read?: number;
}

/** What the packs added so far hold, and how many of their entries were read (each then re-checked by the client). */
export interface PackUse {
  packs: number;
  entries: number;
  read: number;
}

/**
 * The client's cache with packs beside it: a transaction or branch a pack proves comes from the pack, anything else
 * from the cache and, when the cache lacks it, from the packs added so far. Writes go to the cache only. One such cache
 * serves a client for many months: `add` each month's pack before its check.
 */
export type PackedCache = EsploraCache & { has(key: string): Promise<boolean>; add(pack: Pick<MonthPack, 'entries'>): void; use(): PackUse };

export function packedCache(cache: EsploraCache): PackedCache {
  const entries = new Map<string, unknown>();
  const read = new Set<string>();
  let authority = packAuthority(entries);
  const servable = new Map<string, boolean>();
  let packs = 0;
  /** A pack entry the client may be handed: what an honest host would answer (transactions and branches proven first). */
  const fromPacks = (key: string): unknown => {
    const v = entries.get(key);
    if (v === undefined) return undefined;
    let ok = servable.get(key);
    if (ok === undefined) {
      ok = authority.serves(key, v);
      servable.set(key, ok);
    }
    if (!ok) return undefined;
    read.add(key);
    return v;
  };
  return {
    // A transaction or branch a pack proves is the one mined: it goes before the cache's copy, which may have been
    // altered where the cache is kept. Headers and txid lists the client checks in full on every read.
    get(key: string): unknown {
      if (key.startsWith('tx:') || key.startsWith('merkle:')) {
        const proven = fromPacks(key);
        if (proven !== undefined) return proven;
      }
      const hit = cache.get(key);
      if (hit instanceof Promise) return hit.then((h: unknown) => h ?? fromPacks(key));
      return hit ?? fromPacks(key);
    },
    set: (key: string, value: unknown, origin?: 'listing'): unknown => cache.set(key, value, origin),
    has: async (key: string): Promise<boolean> => Boolean(cache.has ? await cache.has(key) : (await cache.get(key)) !== undefined),
    add(pack: Pick<MonthPack, 'entries'>): void {
      packs++;
      for (const [k, v] of pack.entries) if (!entries.has(k)) entries.set(k, v);
      authority = packAuthority(entries);
      for (const [k, ok] of servable) if (!ok) servable.delete(k);
    },
    use: () => ({ packs, entries: entries.size, read: read.size }),
  };
}

/**
 * A Map cache that records the keys a run read from it (hits only), leaving out transactions an address listing
 * carried (a listing is always asked of a host, so they cost nothing): what a pack of that run must hold.
 */
export function recordingCache(): EsploraCache & { has(key: string): boolean; hits(): ReadonlyMap<string, unknown>; reset(): void } {
  const store = new Map<string, unknown>();
  const listed = new Set<string>();
  let hits = new Map<string, unknown>();
  return {
    get(key: string): unknown {
      const v = store.get(key);
      if (v !== undefined && !listed.has(key)) hits.set(key, v);
      return v;
    },
    set(key: string, value: unknown, origin?: 'listing'): unknown {
      store.set(key, value);
      if (origin === 'listing') listed.add(key);
      else listed.delete(key);
      return undefined;
    },
    has: (key: string): boolean => store.has(key),
    hits: () => hits,
    reset: () => { hits = new Map(); },
  };
}

/**
 * Esplora REST client (Blockstream/mempool electrs API) that trusts no server: every header is re-hashed to the
 * requested block hash, every raw transaction to the requested txid, every JSON answer is shape-checked. Cache hits
 * pass the same checks (a cache may be files on disk); one that fails is a miss, fetched again and overwritten.
 *
 * Any one honest host suffices: an answer that fails a check — the client's own or a chain check the caller passes
 * as `check` (Merkle branch to a verified header, witness binding) — names its host a liar, drops it for the run and
 * asks the next host. `withSignal` gives a view bound to a deadline that shares caches and what was learned of hosts.
 */
import { bytesToHex, parseHex } from '../bytes';
import { VerifyError } from '../errors';
import { parseHeader, type Header } from '../chain/header';
import { merkleRootFromTxids, parseMerkleProof, type MerkleProof } from '../chain/merkle';
import { networkFromName, type NetworkName, type NetworkParams } from '../chain/network';
import { parseTx, type ParsedTx } from '../chain/tx';
import {
  addressTxsFromJson, badBody, blockFromJson, feeEstimatesFromJson, hashFromText, heightFromText, jsonFromBody,
  outspendFromJson, outspendsFromJson, textFromBody, txStatusFromJson, txidsFromJson, utxosFromJson,
  type AddressTx, type BlockJson, type Outspend, type TxStatus, type Utxo,
} from './shapes';
import type { HostLie, HostsReport } from './host-book';
import { anySignal, createTransport, type RequestSpec, type TransportOptions } from './transport';
import { txFromJson } from './tx-from-json';

/** Where immutable answers are kept (a Map by default; any get/set store works, sync or async). */
export interface EsploraCache {
  get(key: string): unknown;
  /** `origin` 'listing': a transaction rebuilt from an address listing (which carries it at no cost). */
  set(key: string, value: unknown, origin?: 'listing'): unknown;
  /** Whether the store holds `key` (without counting as a read); `get` is asked when absent. */
  has?(key: string): unknown;
}

export interface EsploraClientOptions extends Omit<TransportOptions, 'hosts'> {
  hosts: readonly string[];
  network: NetworkParams | NetworkName;
  cache?: EsploraCache;
  /** A merkle proof is cached once its block is this many blocks deep under the last tip seen (default 6). */
  finalDepth?: number;
}

/** Electrs' page size for confirmed address history. */
export const ADDRESS_PAGE_SIZE = 25;

const HASH_RE = /^[0-9a-f]{64}$/;

function checkHash(value: string, what: string): string {
  const v = value.toLowerCase();
  if (!HASH_RE.test(v)) throw new RangeError(`${what} must be 64 hex characters`);
  return v;
}

function checkAddress(address: string): string {
  if (!/^[A-Za-z0-9]{14,100}$/.test(address)) throw new RangeError('address must be alphanumeric');
  return address;
}

function checkIndex(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`${what} must be a u32`);
  return n;
}

/**
 * How to ask: `hosts` restricts the question to some hosts (per-host questions); `check` is a chain check of an
 * answer (a non-FETCH_ VerifyError from it makes the answering host a liar, and the next host is asked); `fresh`
 * skips the cache.
 */
export interface AskOptions<T> {
  hosts?: readonly string[];
  check?: (value: T, host: string) => void | Promise<void>;
  fresh?: boolean;
}

export type EsploraClient = ReturnType<typeof createEsploraClient>;

export function createEsploraClient(opts: EsploraClientOptions) {
  const network = typeof opts.network === 'string' ? networkFromName(opts.network) : opts.network;
  const transport = createTransport(opts);
  const cache: EsploraCache = opts.cache ?? new Map<string, unknown>();
  const finalDepth = opts.finalDepth ?? 6;
  /** Which host gave each value (and each cache entry written this run): whom to blame when a later check fails. */
  const sources = new WeakMap<object, string>();
  const entrySources = new Map<string, string>();
  let tipSeen: number | undefined;
  return clientView(undefined);

  function clientView(signal: AbortSignal | undefined) {
    async function ask<T>(spec: RequestSpec<T>, o: AskOptions<T> = {}): Promise<T> {
      const { value, host } = await transport.request({
        ...spec, ...(o.hosts ? { hosts: o.hosts } : {}), ...(o.check ? { check: o.check } : {}), ...(signal ? { signal } : {}),
      });
      if (typeof value === 'object' && value !== null) sources.set(value, host);
      return value;
    }

    const get = <T>(path: string, parse: (body: Uint8Array, host: string) => T, o?: AskOptions<T>) => ask({ path, parse }, o);

    /**
     * `decode` re-checks a hit as a fresh answer would be; a hit that fails it (throws), or fails the caller's check,
     * is treated as a miss. A hit written this run that fails the caller's check, when a fresh answer passes it, blames
     * the host it came from.
     * `storeOf` gives what to keep of a fresh answer (undefined: keep nothing yet).
     */
    async function cached<T extends object>(key: string, decode: (v: unknown) => T, load: (o: AskOptions<T>) => Promise<T>, storeOf: (v: T) => unknown | undefined, o: AskOptions<T> = {}): Promise<T> {
      const hit = o.fresh || o.hosts ? undefined : await cache.get(key);
      const decoded = hit === undefined ? undefined : checkedHit(() => decode(hit));
      let refuted: { from: string; error: VerifyError } | undefined;
      if (decoded !== undefined) {
        const from = entrySources.get(key);
        if (from) sources.set(decoded, from);
        const error = o.check ? await refutation(o.check, decoded, from) : undefined;
        if (!error) return decoded;
        if (from) refuted = { from, error };
      }
      const value = await load(o);
      // A fresh answer passed the check the cached one failed: the host that gave the cached one lied.
      if (refuted) transport.blame(refuted.from, { code: refuted.error.code, message: refuted.error.message, path: key, evidence: { ...refuted.error.evidence, contradictedBy: sources.get(value) ?? 'a fresh answer' } });
      const stored = storeOf(value);
      if (stored === undefined) return value;
      await cache.set(key, stored);
      const from = sources.get(value);
      if (from) entrySources.set(key, from);
      return value;
    }

    /** Why a cache hit fails the caller's check (a non-FETCH_ VerifyError), or undefined when it passes. */
    async function refutation<T>(check: NonNullable<AskOptions<T>['check']>, value: T, from: string | undefined): Promise<VerifyError | undefined> {
      try {
        await check(value, from ?? 'cache');
        return undefined;
      } catch (e) {
        if (!(e instanceof VerifyError) || e.code.startsWith('FETCH_')) throw e;
        return e;
      }
    }

    async function keepListedTx(t: AddressTx, host: string | undefined): Promise<void> {
      const key = `tx:${t.txid}`;
      if (cache.has ? await cache.has(key) : (await cache.get(key)) !== undefined) return;
      const tx = txFromJson(t, t.txid);
      if (!tx) return;
      await cache.set(key, tx.bytes, 'listing');
      if (host) entrySources.set(key, host);
    }

    const client = {
      network,
      hosts: transport.hosts,

      /** The same client (caches, hosts' rates, liars) with every request also ended by `signal` (a month's deadline). */
      withSignal: (s: AbortSignal) => clientView(anySignal([signal, s])),

      /** Hosts not caught lying, in configured order. */
      liveHosts: (): string[] => transport.live(),

      /** Name a host a liar (a check over several answers found it out) and drop it for the run. */
      blame: (host: string, lie: Omit<HostLie, 'host'>): boolean => transport.blame(host, lie),

      /** Requests, retries, refusals per host, and the hosts caught lying. */
      hostsReport: (): HostsReport => transport.report(),

      /** The host whose answer `value` is (an object this client returned), when known. */
      sourceOf: (value: object): string | undefined => sources.get(value),

      /** The tip height a host claims (`hosts` restricts the question; settle it before relying on it). */
      async fetchTipHeight(hosts?: readonly string[]): Promise<number> {
        const h = await get('/blocks/tip/height', heightFromText, hosts ? { hosts } : {});
        tipSeen = Math.max(tipSeen ?? 0, h);
        return h;
      },

      fetchTipHash: async (): Promise<string> => get('/blocks/tip/hash', hashFromText),

      /** Best-chain block hash at a height; `hosts` restricts the question (used by the cross-check). */
      fetchBlockHash: async (height: number, hosts?: readonly string[]): Promise<string> =>
        get(`/block-height/${checkIndex(height, 'height')}`, hashFromText, hosts ? { hosts } : {}),

      /** The 80-byte header of `hash`, re-hashed: a server cannot hand over another block's header. */
      async fetchHeader(hash: string, o: AskOptions<Header> = {}): Promise<Header> {
        const want = checkHash(hash, 'block hash');
        const decode = (v: unknown) => headerFor(want, bytesOfHit(v));
        return cached(`header:${want}`, decode, (a) => get(`/block/${want}/header`, (body, host) => headerFor(want, hexBody(body, 'header'), host), a), (h) => h.bytes, o);
      },

      /** Block JSON: untrusted metadata (checked shape, id must equal the hash asked for). */
      async fetchBlock(hash: string): Promise<BlockJson> {
        const want = checkHash(hash, 'block hash');
        const block = await get(`/block/${want}`, (b) => blockFromJson(jsonFromBody(b)));
        if (block.id !== want) badBody('block JSON for another block', { asked: want, id: block.id });
        return block;
      },

      /** All txids of a block in order, checked against the header's Merkle root. */
      async fetchBlockTxids(hash: string): Promise<string[]> {
        const want = checkHash(hash, 'block hash');
        const header = await client.fetchHeader(want);
        const rooted = (txids: string[]): string[] => {
          const root = merkleRootFromTxids(txids);
          if (root !== header.merkleRoot) {
            throw new VerifyError('CHAIN_MERKLE_ROOT_MISMATCH', 'the served txid list does not hash to the block\'s Merkle root', { blockHash: want, computedRoot: root, headerRoot: header.merkleRoot });
          }
          return txids;
        };
        // The list is checked against the header as each host answers, so a host serving a wrong list is a liar.
        return cached(`txids:${want}`, (v) => rooted(txidsFromJson(v)), (a) => get(`/block/${want}/txids`, (b) => rooted(txidsFromJson(jsonFromBody(b))), a), (t) => t);
      },

      /**
       * A block's transactions as JSON, 25 from `start` (`/block/:hash/txs/:start`): the host's word, each to be rebuilt
       * and re-hashed by the caller (a pack's builder reads the block's wtxids from them).
       */
      fetchBlockTxs: async (hash: string, start: number): Promise<AddressTx[]> =>
        get(`/block/${checkHash(hash, 'block hash')}/txs/${checkIndex(start, 'start')}`, (b) => addressTxsFromJson(jsonFromBody(b))),

      /**
       * Raw transaction bytes re-hashed to `txid`: a server cannot serve other bytes under it. The witness is not
       * covered by the txid: pass the witness binding as `check` so a host serving another witness is caught.
       */
      async fetchTx(txid: string, o: AskOptions<ParsedTx> = {}): Promise<ParsedTx> {
        const want = checkHash(txid, 'txid');
        return cached(`tx:${want}`, (v) => txFor(want, bytesOfHit(v), 'cache'), (a) => get(`/tx/${want}/raw`, (body, host) => txFor(want, body, host), a), (t) => t.bytes, o);
      },

      /** Where a host says a transaction confirmed (its word: bind it with a Merkle branch); `hosts` restricts the question. */
      fetchTxStatus: async (txid: string, hosts?: readonly string[]): Promise<TxStatus> =>
        get(`/tx/${checkHash(txid, 'txid')}/status`, (b) => txStatusFromJson(jsonFromBody(b)), hosts ? { hosts } : {}),

      /**
       * `/tx/:txid/merkle-proof`, shape-checked. A branch names no block hash, so only the caller can check it against
       * a verified header: pass that as `check` (a host whose branch fails it is a liar), or `fresh` to ask again.
       */
      async fetchMerkleProof(txid: string, o: AskOptions<MerkleProof> = {}): Promise<MerkleProof> {
        const want = checkHash(txid, 'txid');
        const deep = (p: MerkleProof) => tipSeen !== undefined && tipSeen - p.block_height + 1 >= finalDepth;
        return cached(`merkle:${want}`, (v) => parseMerkleProof(v), (a) => get(`/tx/${want}/merkle-proof`, (b) => parseMerkleProof(jsonFromBody(b), 'FETCH_BAD_BODY'), a), (p) => (deep(p) ? p : undefined), o);
      },

      /** Whether an output is spent: the host's word (SPV cannot prove unspentness); `hosts` restricts the question. */
      fetchOutspend: async (txid: string, vout: number, hosts?: readonly string[]): Promise<Outspend> =>
        get(`/tx/${checkHash(txid, 'txid')}/outspend/${checkIndex(vout, 'vout')}`, (b) => outspendFromJson(jsonFromBody(b)), hosts ? { hosts } : {}),

      /** Every output's spend status in one answer (`/tx/:txid/outspends`): the host's word, as `fetchOutspend`. */
      fetchOutspends: async (txid: string, hosts?: readonly string[]): Promise<Outspend[]> =>
        get(`/tx/${checkHash(txid, 'txid')}/outspends`, (b) => outspendsFromJson(jsonFromBody(b)), hosts ? { hosts } : {}),

      /**
       * Confirmed history of an address, newest first (from the top, or strictly older than `from`, a transaction of
       * the address's own history: Esplora lists nothing after a txid the address did not receive), following
       * `/txs/chain/:last_seen` until a short page, however long the history (a host that pages without end is ended by the caller's signal or deadline). Each
       * listed transaction whose JSON rebuilds to bytes hashing to its txid is cached as `fetchTx` would cache it, so
       * reading it later costs no request; one that does not is left for `fetchTx` to fetch (and re-hash).
       *
       * This trusts the listing no more than `/tx/:txid/raw`: the txid binds every non-witness byte in both, and in
       * both the witness is whatever the host sends. Nothing downstream relies on a witness the txid does not bind: an
       * inscription's envelope counts only once its witness is checked (BIP341) against the taproot output it spends,
       * in a commit transaction that is itself fetched by txid and re-hashed.
       */
      async fetchAddressTxs(address: string, o: Pick<AskOptions<AddressTx[]>, 'hosts'> & { from?: string } = {}): Promise<AddressTx[]> {
        const base = `/address/${checkAddress(address)}/txs/chain`;
        const all: AddressTx[] = [];
        const seen = new Set<string>();
        const from = o.from === undefined ? undefined : checkHash(o.from, 'txid');
        for (;;) {
          const last = all.at(-1)?.txid ?? from;
          const items = await get(last ? `${base}/${last}` : base, (b) => addressTxsFromJson(jsonFromBody(b)), o.hosts ? { hosts: o.hosts } : {});
          for (const t of items) {
            if (seen.has(t.txid) || t.txid === from) badBody('address history repeats a transaction (paging loop)', { txid: t.txid });
            seen.add(t.txid);
            all.push(t);
          }
          const host = sources.get(items);
          for (const t of items) {
            if (host) sources.set(t, host);
            await keepListedTx(t, host);
          }
          if (items.length < ADDRESS_PAGE_SIZE) {
            if (o.hosts?.length === 1) sources.set(all, o.hosts[0]!);
            return all;
          }
        }
      },

      fetchAddressUtxo: async (address: string): Promise<Utxo[]> => get(`/address/${checkAddress(address)}/utxo`, (b) => utxosFromJson(jsonFromBody(b))),

      fetchFeeEstimates: async (): Promise<Record<string, number>> => get('/fee-estimates', (b) => feeEstimatesFromJson(jsonFromBody(b))),

      /** POST /tx with the hex as a text body; the answered txid must be the transaction's own. */
      async broadcast(txHex: string): Promise<string> {
        const tx = parseTx(txHex);
        const answered = await ask({ path: '/tx', body: bytesToHex(tx.bytes), parse: (b) => textFromBody(b).toLowerCase() });
        if (answered !== tx.txid) {
          throw new VerifyError('CHAIN_TXID_MISMATCH', 'the host answered a txid other than the broadcast transaction\'s', { expected: tx.txid, answered: answered.slice(0, 80) });
        }
        return tx.txid;
      },
    };
    return client;
  }
}

/** A cache hit's checked value, or undefined when the check throws (a tampered or corrupt entry is a miss). */
function checkedHit<T>(check: () => T): T | undefined {
  try {
    return check();
  } catch {
    return undefined;
  }
}

/** Cached bytes: a Uint8Array as stored (a store that keeps hex text may hand that back instead). */
function bytesOfHit(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  return parseHex(v, 'FETCH_BAD_BODY', 'cached bytes');
}

function hexBody(body: Uint8Array, what: string): Uint8Array {
  return parseHex(textFromBody(body), 'FETCH_BAD_BODY', what);
}

function headerFor(want: string, bytes: Uint8Array, host?: string): Header {
  if (bytes.length !== 80) badBody(`header of ${bytes.length} bytes`);
  const header = parseHeader(bytes);
  if (header.hash !== want) {
    throw new VerifyError('CHAIN_HEADER_HASH_MISMATCH', 'the served header does not hash to the requested block hash', { requested: want, computed: header.hash, ...(host ? { host } : {}) });
  }
  return header;
}

function txFor(want: string, body: Uint8Array, host: string): ParsedTx {
  let tx: ParsedTx;
  try {
    tx = parseTx(body);
  } catch (e) {
    if (e instanceof VerifyError && e.code === 'CHAIN_TX_MALFORMED') badBody(`raw transaction does not parse (${e.message})`);
    throw e;
  }
  if (tx.txid !== want) {
    throw new VerifyError('CHAIN_TXID_MISMATCH', 'the served transaction does not hash to the requested txid', { requested: want, computed: tx.txid, host });
  }
  return tx;
}

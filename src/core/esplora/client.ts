/**
 * Esplora REST client (Blockstream/mempool electrs API) that trusts no server: every header is re-hashed to the
 * requested block hash, every raw transaction to the requested txid, every JSON answer is shape-checked. Cache hits
 * pass the same checks (a cache may be files on disk); one that fails is a miss, fetched again and overwritten.
 */
import { bytesToHex, parseHex } from '../bytes';
import { VerifyError } from '../errors';
import { parseHeader, type Header } from '../chain/header';
import { merkleRootFromTxids, parseMerkleProof, type MerkleProof } from '../chain/merkle';
import { networkFromName, type NetworkName, type NetworkParams } from '../chain/network';
import { parseTx, type ParsedTx } from '../chain/tx';
import {
  addressTxsFromJson, badBody, blockFromJson, feeEstimatesFromJson, hashFromText, heightFromText, jsonFromBody,
  outspendFromJson, textFromBody, txStatusFromJson, txidsFromJson, utxosFromJson,
  type AddressTx, type BlockJson, type Outspend, type TxStatus, type Utxo,
} from './shapes';
import { createTransport, type TransportOptions } from './transport';
import { txFromJson } from './tx-from-json';

/** Where immutable answers are kept (a Map by default; any get/set store works, sync or async). */
export interface EsploraCache {
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
}

export interface EsploraClientOptions extends Omit<TransportOptions, 'hosts'> {
  hosts: readonly string[];
  network: NetworkParams | NetworkName;
  cache?: EsploraCache;
  /** A merkle proof is cached once its block is this many blocks deep under the last tip seen (default 6). */
  finalDepth?: number;
  /** Upper bound on address-history pages (25 txs each) before giving up (default 400). */
  maxAddressPages?: number;
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

export type EsploraClient = ReturnType<typeof createEsploraClient>;

export function createEsploraClient(opts: EsploraClientOptions) {
  const network = typeof opts.network === 'string' ? networkFromName(opts.network) : opts.network;
  const transport = createTransport(opts);
  const cache: EsploraCache = opts.cache ?? new Map<string, unknown>();
  const finalDepth = opts.finalDepth ?? 6;
  const maxPages = opts.maxAddressPages ?? 400;
  let tipSeen: number | undefined;

  const get = <T>(path: string, parse: (body: Uint8Array, host: string) => T, hosts?: readonly string[]) =>
    transport.request({ path, parse, ...(hosts ? { hosts } : {}) });

  /** `decode` re-checks a hit as a fresh answer would be; a hit that fails it (throws) is treated as a miss. */
  async function cached<T>(key: string, decode: (v: unknown) => T, load: () => Promise<T>, storeOf: (v: T) => unknown): Promise<T> {
    const hit = await cache.get(key);
    const checked = hit === undefined ? undefined : checkedHit(() => decode(hit));
    if (checked !== undefined) return checked;
    const value = await load();
    await cache.set(key, storeOf(value));
    return value;
  }

  async function keepListedTx(t: AddressTx): Promise<void> {
    const key = `tx:${t.txid}`;
    if ((await cache.get(key)) !== undefined) return;
    const tx = txFromJson(t, t.txid);
    if (tx) await cache.set(key, tx.bytes);
  }

  const client = {
    network,
    hosts: transport.hosts,

    async fetchTipHeight(): Promise<number> {
      const h = await get('/blocks/tip/height', heightFromText);
      tipSeen = Math.max(tipSeen ?? 0, h);
      return h;
    },

    fetchTipHash: async (): Promise<string> => get('/blocks/tip/hash', hashFromText),

    /** Best-chain block hash at a height; `hosts` restricts the question (used by the cross-check). */
    fetchBlockHash: async (height: number, hosts?: readonly string[]): Promise<string> =>
      get(`/block-height/${checkIndex(height, 'height')}`, hashFromText, hosts),

    /** The 80-byte header of `hash`, re-hashed: a server cannot hand over another block's header. */
    async fetchHeader(hash: string): Promise<Header> {
      const want = checkHash(hash, 'block hash');
      const decode = (v: unknown) => headerFor(want, bytesOfHit(v));
      return cached(`header:${want}`, decode, () => get(`/block/${want}/header`, (body, host) => headerFor(want, hexBody(body, 'header'), host)), (h) => h.bytes);
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
      return cached(`txids:${want}`, (v) => rooted(txidsFromJson(v)), async () => rooted(await get(`/block/${want}/txids`, (b) => txidsFromJson(jsonFromBody(b)))), (t) => t);
    },

    /** Raw transaction bytes re-hashed to `txid`: a server cannot serve other bytes under it. */
    async fetchTx(txid: string): Promise<ParsedTx> {
      const want = checkHash(txid, 'txid');
      return cached(`tx:${want}`, (v) => txFor(want, bytesOfHit(v), 'cache'), () => get(`/tx/${want}/raw`, (body, host) => txFor(want, body, host)), (t) => t.bytes);
    },

    fetchTxStatus: async (txid: string): Promise<TxStatus> => get(`/tx/${checkHash(txid, 'txid')}/status`, (b) => txStatusFromJson(jsonFromBody(b))),

    /** `/tx/:txid/merkle-proof`, shape-checked (verify it with chain/merkle against a verified header). */
    async fetchMerkleProof(txid: string, opts: { fresh?: boolean } = {}): Promise<MerkleProof> {
      const want = checkHash(txid, 'txid');
      const key = `merkle:${want}`;
      // A cached branch names no block hash, so it can only be shape-checked here: `fresh` asks again when the caller
      // found it does not lead to its block's verified header.
      const hit = opts.fresh ? undefined : await cache.get(key);
      const checked = hit === undefined ? undefined : checkedHit(() => parseMerkleProof(hit));
      if (checked !== undefined) return checked;
      const proof = await get(`/tx/${want}/merkle-proof`, (b) => parseMerkleProof(jsonFromBody(b), 'FETCH_BAD_BODY'));
      if (tipSeen !== undefined && tipSeen - proof.block_height + 1 >= finalDepth) await cache.set(key, proof);
      return proof;
    },

    /** Whether an output is spent: the host's word (SPV cannot prove unspentness); `hosts` restricts the question. */
    fetchOutspend: async (txid: string, vout: number, hosts?: readonly string[]): Promise<Outspend> =>
      get(`/tx/${checkHash(txid, 'txid')}/outspend/${checkIndex(vout, 'vout')}`, (b) => outspendFromJson(jsonFromBody(b)), hosts),

    /**
     * Confirmed history of an address, newest first, following `/txs/chain/:last_seen` until a short page. Each
     * listed transaction whose JSON rebuilds to bytes hashing to its txid is cached as `fetchTx` would cache it, so
     * reading it later costs no request; one that does not is left for `fetchTx` to fetch (and re-hash).
     *
     * This trusts the listing no more than `/tx/:txid/raw`: the txid binds every non-witness byte in both, and in
     * both the witness is whatever the host sends. Nothing downstream relies on a witness the txid does not bind: an
     * inscription's envelope counts only once its witness is checked (BIP341) against the taproot output it spends,
     * in a commit transaction that is itself fetched by txid and re-hashed.
     */
    async fetchAddressTxs(address: string): Promise<AddressTx[]> {
      const base = `/address/${checkAddress(address)}/txs/chain`;
      const all: AddressTx[] = [];
      const seen = new Set<string>();
      for (let page = 0; ; page++) {
        if (page >= maxPages) throw new VerifyError('FETCH_TOO_MANY_PAGES', `address history longer than ${maxPages} pages`, { address });
        const last = all.at(-1);
        const items = await get(last ? `${base}/${last.txid}` : base, (b) => addressTxsFromJson(jsonFromBody(b)));
        for (const t of items) {
          if (seen.has(t.txid)) badBody('address history repeats a transaction (paging loop)', { txid: t.txid });
          seen.add(t.txid);
          all.push(t);
        }
        for (const t of items) await keepListedTx(t);
        if (items.length < ADDRESS_PAGE_SIZE) return all;
      }
    },

    fetchAddressUtxo: async (address: string): Promise<Utxo[]> => get(`/address/${checkAddress(address)}/utxo`, (b) => utxosFromJson(jsonFromBody(b))),

    fetchFeeEstimates: async (): Promise<Record<string, number>> => get('/fee-estimates', (b) => feeEstimatesFromJson(jsonFromBody(b))),

    /** POST /tx with the hex as a text body; the answered txid must be the transaction's own. */
    async broadcast(txHex: string): Promise<string> {
      const tx = parseTx(txHex);
      const answered = await transport.request({ path: '/tx', body: bytesToHex(tx.bytes), parse: (b) => textFromBody(b).toLowerCase() });
      if (answered !== tx.txid) {
        throw new VerifyError('CHAIN_TXID_MISMATCH', 'the host answered a txid other than the broadcast transaction\'s', { expected: tx.txid, answered: answered.slice(0, 80) });
      }
      return tx.txid;
    },
  };
  return client;
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

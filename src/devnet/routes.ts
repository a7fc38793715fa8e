/** Esplora REST routes over the devnet chain, matched like electrs `rest.rs` (method + first five path segments). */
import { bytesToHex, fromDisplayHex, hexToBytes, toDisplayHex } from '../core/bytes';
import type { BlockEntry, Chain, Coin } from './chain';
import { scriptFromAddress } from './address';
import { blockJson, spendJson, statusJson, txJson } from './esplora-json';
import { CHAIN_TXS_PER_PAGE, chainHistory, mempoolHistory, scriptStats } from './history';
import { merkleBlock, merkleBranch } from './merkle';
import { RPC, TxRejected } from './reject';
import { scriptHash } from './script-type';

export interface Reply {
  status: number;
  contentType: 'application/json' | 'text/plain' | 'application/octet-stream';
  body: string | Uint8Array;
  /** Cache-Control max-age; undefined for errors (electrs sends none). */
  ttl?: number;
}

export const TTL_LONG = 157_784_630;
export const TTL_SHORT = 10;
const TTL_MEMPOOL_RECENT = 5;
const CONF_FINAL = 10;
const BLOCK_LIMIT = 10;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const bad = (msg: string): HttpError => new HttpError(400, msg);
const notFound = (msg: string): HttpError => new HttpError(404, msg);

const json = (value: unknown, ttl: number): Reply => ({
  status: 200,
  contentType: 'application/json',
  body: JSON.stringify(value),
  ttl,
});
const text = (value: string, ttl: number): Reply => ({ status: 200, contentType: 'text/plain', body: value, ttl });

/** Rust `str::parse::<u32/usize>`: optional '+', decimal digits, no overflow. */
function parseNumber(s: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\+?[0-9]+$/.test(s)) throw bad('Invalid number');
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n > max) throw bad('Invalid number');
  return n;
}

/** A 64-hex hash in display order (txid or block hash); anything else is `Invalid hex string`. */
function parseHash(s: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(s)) throw bad('Invalid hex string');
  return s.toLowerCase();
}

/** Extra non-Esplora routes (devnet info and mining) supplied by the server. */
export interface DevnetHooks {
  info(): unknown;
  mine(body: string): unknown;
}

export class EsploraRoutes {
  constructor(
    private readonly chain: Chain,
    private readonly hooks: DevnetHooks,
  ) {}

  handle(method: string, path: string, body: Uint8Array): Reply {
    try {
      return this.route(method, path, body);
    } catch (e) {
      if (e instanceof HttpError) return { status: e.status, contentType: 'text/plain', body: e.message };
      if (e instanceof TxRejected) return { status: 400, contentType: 'text/plain', body: e.message };
      throw e;
    }
  }

  private ttlByDepth(height: number | undefined): number {
    if (height === undefined) return TTL_SHORT;
    return this.chain.height - height >= CONF_FINAL ? TTL_LONG : TTL_SHORT;
  }

  private block(hash: string): BlockEntry {
    const b = this.chain.blockByHash(parseHash(hash));
    if (!b) throw notFound('Block not found');
    return b;
  }

  private route(method: string, path: string, body: Uint8Array): Reply {
    const seg = path.split('/').slice(1);
    if (seg.length > 5) throw notFound(`endpoint does not exist ${JSON.stringify(path)}`);
    const [s0, s1, s2, s3, s4] = seg;
    const n = seg.length;
    const chain = this.chain;
    if (method === 'GET') {
      if (s0 === 'blocks' && s1 === 'tip' && s2 === 'hash' && n === 3) return text(chain.tip.hash, TTL_SHORT);
      if (s0 === 'blocks' && s1 === 'tip' && s2 === 'height' && n === 3) return text(String(chain.height), TTL_SHORT);
      if (s0 === 'blocks' && n <= 2) return this.blocks(s1);
      if (s0 === 'block-height' && n === 2) {
        const b = chain.blockAt(parseNumber(s1!));
        if (!b) throw notFound('Block not found');
        return text(b.hash, this.ttlByDepth(b.height));
      }
      if (s0 === 'block' && n >= 2) {
        const r = this.blockRoutes(s1!, s2, s3, n);
        if (r) return r;
      }
      if ((s0 === 'address' || s0 === 'scripthash') && n >= 2) {
        const r = this.scriptRoutes(s0, s1!, s2, s3, s4, n);
        if (r) return r;
      }
      if (s0 === 'tx' && n >= 2) {
        const r = this.txRoutes(s1!, s2, s3, n);
        if (r) return r;
      }
      if (s0 === 'mempool' && n === 1) return json(this.mempoolStats(), TTL_SHORT);
      if (s0 === 'mempool' && s1 === 'txids' && n === 2) {
        return json(chain.mempool.entries().map((e) => e.tx.txid), TTL_SHORT);
      }
      if (s0 === 'mempool' && s1 === 'recent' && n === 2) {
        const recent = chain.mempool.entries().slice(-10).reverse().map((e) => ({
          txid: e.tx.txid,
          fee: Number(e.fee),
          vsize: Math.floor(e.tx.weight / 4),
          value: Number(e.tx.outputs.reduce((a, o) => a + o.value, 0n)),
        }));
        return json(recent, TTL_MEMPOOL_RECENT);
      }
      if (s0 === 'fee-estimates' && n === 1) return json({}, TTL_SHORT);
      if (s0 === 'devnet' && s1 === 'info' && n === 2) return json(this.hooks.info(), 0);
    }
    if (method === 'POST' && s0 === 'tx' && n === 1) {
      const hex = new TextDecoder('utf-8', { fatal: false }).decode(body);
      if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) throw new TxRejected(RPC.DESERIALIZATION, 'TX decode failed');
      return text(chain.mempool.accept(hexToBytes(hex)), 0);
    }
    if (method === 'POST' && s0 === 'devnet' && s1 === 'mine' && n === 2) {
      try {
        return json(this.hooks.mine(new TextDecoder().decode(body)), 0);
      } catch (e) {
        if (e instanceof HttpError) throw e;
        throw bad((e as Error).message);
      }
    }
    throw notFound(`endpoint does not exist ${JSON.stringify(path)}`);
  }

  private blocks(start: string | undefined): Reply {
    const parsed = start !== undefined && /^\+?[0-9]+$/.test(start) ? Number(start) : undefined;
    let height = this.chain.height;
    if (parsed !== undefined) {
      if (!this.chain.blockAt(parsed)) throw notFound('Block not found');
      height = parsed;
    }
    const out: unknown[] = [];
    for (let h = height; h >= 0 && out.length < BLOCK_LIMIT; h--) out.push(blockJson(this.chain.blockAt(h)!));
    return json(out, TTL_SHORT);
  }

  private blockRoutes(hash: string, s2: string | undefined, s3: string | undefined, n: number): Reply | undefined {
    if (n === 2) return json(blockJson(this.block(hash)), TTL_LONG);
    if (s2 === 'status' && n === 3) {
      const b = this.chain.blockByHash(parseHash(hash));
      const next = b ? this.chain.blockAt(b.height + 1) : undefined;
      const status = { in_best_chain: b !== undefined, height: b ? b.height : null, next_best: next ? next.hash : null };
      return json(status, this.ttlByDepth(b?.height));
    }
    if (s2 === 'txids' && n === 3) return json(this.block(hash).txids, TTL_LONG);
    if (s2 === 'header' && n === 3) return text(bytesToHex(this.block(hash).headerBytes), TTL_LONG);
    if (s2 === 'raw' && n === 3) {
      return { status: 200, contentType: 'application/octet-stream', body: this.block(hash).raw, ttl: TTL_LONG };
    }
    if (s2 === 'txid' && n === 4) {
      const b = this.block(hash);
      const index = parseNumber(s3!);
      const txid = b.txids[index];
      if (txid === undefined) throw notFound('tx index out of range');
      return text(txid, TTL_LONG);
    }
    if (s2 === 'txs' && n <= 4) {
      const b = this.block(hash);
      const start = s3 !== undefined && /^\+?[0-9]+$/.test(s3) ? Number(s3) : 0;
      if (start >= b.txids.length) throw notFound('start index out of range');
      if (start % CHAIN_TXS_PER_PAGE !== 0) throw bad(`start index must be a multiple of ${CHAIN_TXS_PER_PAGE}`);
      const txs = b.txids.slice(start, start + CHAIN_TXS_PER_PAGE).map((id) => txJson(this.chain, this.chain.lookupTx(id)!.tx, b));
      return json(txs, this.ttlByDepth(b.height));
    }
    return undefined;
  }

  private scriptRoutes(
    kind: 'address' | 'scripthash', str: string, s2: string | undefined, s3: string | undefined, s4: string | undefined, n: number,
  ): Reply | undefined {
    const match =
      n === 2 ||
      (s2 === 'txs' && (n === 3 || (s3 === 'chain' && n <= 5) || (s3 === 'mempool' && n === 4))) ||
      (s2 === 'utxo' && n === 3);
    if (!match) return undefined;
    const sh = this.scripthashOf(kind, str);
    const chain = this.chain;
    const txsJson = (ids: string[]): unknown[] =>
      ids.map((id) => {
        const found = chain.lookupTx(id)!;
        return txJson(chain, found.tx, found.block);
      });
    if (n === 2) {
      const stats = scriptStats(chain, sh);
      return json({ [kind]: str, chain_stats: stats.chain, mempool_stats: stats.mempool }, TTL_SHORT);
    }
    if (s2 === 'utxo') {
      const spentInMempool = (c: Coin): boolean => chain.mempool.spendOf(`${c.txid}:${c.vout}`) !== undefined;
      const coins = [...chain.confirmedCoins(sh).filter((c) => !spentInMempool(c)), ...chain.mempool.coins(sh)];
      const utxos = coins.map((c) => ({
        txid: c.txid,
        vout: c.vout,
        status: statusJson(c.height === undefined ? undefined : chain.blockAt(c.height)),
        value: Number(c.value),
      }));
      return json(utxos, TTL_SHORT);
    }
    if (n === 3) return json(txsJson([...mempoolHistory(chain, sh), ...chainHistory(chain, sh)]), TTL_SHORT);
    if (s3 === 'mempool') return json(txsJson(mempoolHistory(chain, sh)), TTL_SHORT);
    const lastSeen = s4 !== undefined && /^[0-9a-fA-F]{64}$/.test(s4) ? s4.toLowerCase() : undefined;
    return json(txsJson(chainHistory(chain, sh, lastSeen)), TTL_SHORT);
  }

  private scripthashOf(kind: 'address' | 'scripthash', str: string): string {
    if (kind === 'scripthash') {
      if (!/^(?:[0-9a-fA-F]{2})*$/.test(str)) throw bad('Invalid hex string');
      if (str.length !== 64) throw bad('Invalid scripthash');
      return str.toLowerCase();
    }
    const r = scriptFromAddress(str);
    if (!r.ok) throw bad(r.message);
    return scriptHash(r.script);
  }

  private txRoutes(id: string, s2: string | undefined, s3: string | undefined, n: number): Reply | undefined {
    const chain = this.chain;
    const known = [undefined, 'hex', 'raw', 'status', 'merkle-proof', 'merkleblock-proof', 'outspends'];
    if (!((n <= 3 && known.includes(s2)) || (s2 === 'outspend' && n === 4))) return undefined;
    const txid = parseHash(id);
    const found = chain.lookupTx(txid);
    const ttl = this.ttlByDepth(found?.block?.height);
    if (s2 === 'status') return json(statusJson(found?.block), ttl);
    if (s2 === 'outspend') {
      const vout = parseNumber(s3!, 0xffffffff);
      const spend = chain.spendOf(txid, vout);
      return json(spendJson(chain, spend), this.ttlByDepth(spend ? chain.lookupTx(spend.txid)?.block?.height : undefined));
    }
    if (s2 === 'merkle-proof' || s2 === 'merkleblock-proof') {
      if (!found?.block) throw notFound('Transaction not found or is unconfirmed');
      const b = found.block;
      const leaves = b.txids.map((t) => fromDisplayHex(t, 'CHAIN_BAD_HEX', 'txid'));
      if (s2 === 'merkleblock-proof') return text(bytesToHex(merkleBlock(b.headerBytes, leaves, found.pos)), ttl);
      const merkle = merkleBranch(leaves, found.pos).map((h) => toDisplayHex(h));
      return json({ block_height: b.height, merkle, pos: found.pos }, ttl);
    }
    if (!found) throw notFound('Transaction not found');
    if (s2 === undefined) return json(txJson(chain, found.tx, found.block), ttl);
    if (s2 === 'hex') return text(bytesToHex(found.tx.raw), ttl);
    if (s2 === 'raw') return { status: 200, contentType: 'application/octet-stream', body: found.tx.raw, ttl };
    // outspends
    return json(found.tx.outputs.map((_, vout) => spendJson(chain, chain.spendOf(txid, vout))), TTL_SHORT);
  }

  private mempoolStats(): Record<string, unknown> {
    const entries = this.chain.mempool.entries().map((e) => {
      const vsize = Math.floor(e.tx.weight / 4);
      return { fee: e.fee, vsize, rate: Number(e.fee) / vsize };
    });
    entries.sort((a, b) => b.rate - a.rate);
    const histogram: [number, number][] = [];
    let bin = 0;
    let lastRate = 0;
    for (const e of entries) {
      if (bin > 50_000 && lastRate !== e.rate) {
        histogram.push([lastRate, bin]);
        bin = 0;
      }
      lastRate = e.rate;
      bin += e.vsize;
    }
    if (bin > 0) histogram.push([lastRate, bin]);
    return {
      count: entries.length,
      vsize: entries.reduce((a, e) => a + e.vsize, 0),
      total_fee: Number(entries.reduce((a, e) => a + e.fee, 0n)),
      fee_histogram: histogram,
    };
  }
}

/**
 * The devnet mempool with bitcoind-style acceptance checks: the tx parses, has inputs and outputs, spends existing
 * unspent mature outputs not already spent in the mempool, and pays no more than it spends.
 * Scripts and signatures are NOT executed.
 */
import type { Chain, Coin, HistoryRow, Spend } from './chain';
import { COINBASE_MATURITY } from './params';
import { RPC, TxRejected } from './reject';
import { scriptHash } from './script-type';
import { outpointKey, parseDevTx, type DevTx } from './tx';

export interface MempoolEntry {
  tx: DevTx;
  fee: bigint;
  vsize: number;
}

const MAX_MONEY = 21_000_000n * 100_000_000n;

export class Mempool {
  private readonly txs = new Map<string, MempoolEntry>();
  private readonly spends = new Map<string, Spend>();
  private readonly history = new Map<string, HistoryRow[]>();
  /** Called whenever the set of mempool transactions changes (persistence hook). */
  onChange: (() => void) | undefined;

  constructor(private readonly chain: Chain) {}

  get size(): number {
    return this.txs.size;
  }

  get(txid: string): MempoolEntry | undefined {
    return this.txs.get(txid);
  }

  /** Entries in acceptance order (parents before children). */
  entries(): MempoolEntry[] {
    return [...this.txs.values()];
  }

  spendOf(key: string): Spend | undefined {
    return this.spends.get(key);
  }

  historyRows(scripthash: string): HistoryRow[] {
    return this.history.get(scripthash) ?? [];
  }

  /** Outputs created by mempool transactions for this script and not spent in the mempool. */
  coins(scripthash: string): Coin[] {
    const out: Coin[] = [];
    for (const row of this.historyRows(scripthash)) {
      if (row.kind !== 'F' || this.spends.has(outpointKey(row.txid, row.n))) continue;
      const o = this.txs.get(row.txid)!.tx.outputs[row.n]!;
      out.push({ txid: row.txid, vout: row.n, value: o.value, script: o.script, height: undefined, coinbase: false });
    }
    return out;
  }

  /** Parse and validate a raw transaction, add it, and return its txid; throws TxRejected. */
  accept(raw: Uint8Array): string {
    let tx: DevTx;
    try {
      tx = parseDevTx(raw);
    } catch {
      throw new TxRejected(RPC.DESERIALIZATION, 'TX decode failed');
    }
    if (this.txs.has(tx.txid)) return tx.txid;
    const entry = this.validate(tx);
    this.add(entry);
    this.onChange?.();
    return tx.txid;
  }

  private validate(tx: DevTx): MempoolEntry {
    const reject = (reason: string, code: number = RPC.VERIFY_REJECTED): never => {
      throw new TxRejected(code, reason);
    };
    if (tx.inputs.length === 0) reject('bad-txns-vin-empty');
    if (tx.outputs.length === 0) reject('bad-txns-vout-empty');
    if (tx.isCoinbase) reject('coinbase');
    let outSum = 0n;
    for (const o of tx.outputs) {
      if (o.value > MAX_MONEY) reject('bad-txns-vout-toolarge');
      outSum += o.value;
    }
    if (outSum > MAX_MONEY) reject('bad-txns-txouttotal-toolarge');
    if (this.chain.lookupTx(tx.txid)) reject('Transaction outputs already in utxo set', RPC.ALREADY_IN_CHAIN);
    const keys = tx.inputs.map((i) => outpointKey(i.txid, i.vout));
    if (new Set(keys).size !== keys.length) reject('bad-txns-inputs-duplicate');
    let inSum = 0n;
    const nextHeight = this.chain.height + 1;
    for (const key of keys) {
      if (this.spends.has(key)) reject('txn-mempool-conflict');
      const coin = this.chain.confirmedCoin(key) ?? this.mempoolCoin(key);
      if (!coin) return reject('bad-txns-inputs-missingorspent', RPC.VERIFY_ERROR);
      if (coin.coinbase && coin.height !== undefined && nextHeight - coin.height < COINBASE_MATURITY) {
        reject(`bad-txns-premature-spend-of-coinbase, tried to spend coinbase at depth ${nextHeight - 1 - coin.height}`);
      }
      inSum += coin.value;
    }
    if (inSum < outSum) reject(`bad-txns-in-belowout, value in (${inSum}) < value out (${outSum})`);
    return { tx, fee: inSum - outSum, vsize: Math.ceil(tx.weight / 4) };
  }

  private mempoolCoin(key: string): Coin | undefined {
    const sep = key.indexOf(':');
    const txid = key.slice(0, sep);
    const vout = Number(key.slice(sep + 1));
    const o = this.txs.get(txid)?.tx.outputs[vout];
    return o ? { txid, vout, value: o.value, script: o.script, height: undefined, coinbase: false } : undefined;
  }

  private add(entry: MempoolEntry): void {
    const { tx } = entry;
    this.txs.set(tx.txid, entry);
    tx.inputs.forEach((inp, vin) => {
      const key = outpointKey(inp.txid, inp.vout);
      const coin = (this.chain.confirmedCoin(key) ?? this.mempoolCoin(key))!;
      this.spends.set(key, { txid: tx.txid, vin });
      this.push(scriptHash(coin.script), { height: -1, kind: 'S', txid: tx.txid, n: vin, value: coin.value });
    });
    tx.outputs.forEach((o, vout) => {
      if (o.script[0] === 0x6a) return;
      this.push(scriptHash(o.script), { height: -1, kind: 'F', txid: tx.txid, n: vout, value: o.value });
    });
  }

  private push(sh: string, row: HistoryRow): void {
    let rows = this.history.get(sh);
    if (!rows) this.history.set(sh, (rows = []));
    rows.push(row);
  }

  /** After a block: drop confirmed and now-invalid transactions, keep the rest in order. */
  afterBlock(): void {
    const old = this.entries();
    this.txs.clear();
    this.spends.clear();
    this.history.clear();
    for (const { tx } of old) {
      if (this.chain.lookupTx(tx.txid)) continue;
      try {
        this.add(this.validate(tx));
      } catch {
        // conflicted or orphaned by the block: evicted
      }
    }
    this.onChange?.();
  }
}

/** The devnet's regtest chain: validated blocks, UTXO set, spends and script-history indexes, and a mempool. */
import { equalBytes, fromDisplayHex } from '../core/bytes';
import { parseBlockTxs, serializeBlock, txidRoot, witnessCommitment, WITNESS_COMMITMENT_PREFIX } from './block';
import { bip34ScriptSig, buildCoinbase, WITNESS_RESERVED_VALUE } from './coinbase';
import { decodeHeader, headerHash, meetsTarget, mineHeader, type Header } from './header';
import { Mempool } from './mempool';
import { BLOCK_VERSION, blockSubsidy, blockTime, COINBASE_MATURITY, REGTEST_BITS } from './params';
import { BlockRejected } from './reject';
import { regtestGenesisBlock } from './genesis';
import { scriptHash } from './script-type';
import { outpointKey, parseDevTx, type DevTx } from './tx';

export interface BlockEntry {
  height: number;
  hash: string;
  header: Header;
  headerBytes: Uint8Array;
  raw: Uint8Array;
  txids: string[];
  size: number;
  weight: number;
  mediantime: number;
}

export interface Coin {
  txid: string;
  vout: number;
  value: bigint;
  script: Uint8Array;
  /** Height of the confirming block; undefined while in the mempool. */
  height: number | undefined;
  coinbase: boolean;
}

/** One row of the script history index (electrs `H` rows: funding `F` or spending `S`). */
export interface HistoryRow {
  height: number;
  kind: 'F' | 'S';
  txid: string;
  /** vout for a funding row, vin for a spending row. */
  n: number;
  value: bigint;
}

export interface Spend {
  txid: string;
  vin: number;
}


export class Chain {
  readonly blocks: BlockEntry[] = [];
  private readonly byHash = new Map<string, BlockEntry>();
  private readonly txs = new Map<string, { tx: DevTx; height: number; pos: number }>();
  private readonly utxos = new Map<string, Coin>();
  private readonly utxosByScript = new Map<string, Set<string>>();
  private readonly spends = new Map<string, Spend>();
  private readonly history = new Map<string, HistoryRow[]>();
  readonly mempool = new Mempool(this);
  /** Called after each block is connected (persistence hook). */
  onBlock: ((raw: Uint8Array) => void) | undefined;

  /** A chain holding only the real regtest genesis block. */
  static withGenesis(): Chain {
    const chain = new Chain();
    chain.connectBlock(regtestGenesisBlock());
    return chain;
  }

  get tip(): BlockEntry {
    const tip = this.blocks[this.blocks.length - 1];
    if (!tip) throw new Error('chain has no blocks');
    return tip;
  }

  get height(): number {
    return this.blocks.length - 1;
  }

  blockAt(height: number): BlockEntry | undefined {
    return this.blocks[height];
  }

  blockByHash(hash: string): BlockEntry | undefined {
    return this.byHash.get(hash);
  }

  /** A confirmed transaction with its block, or a mempool one (block undefined). */
  lookupTx(txid: string): { tx: DevTx; block: BlockEntry | undefined; pos: number } | undefined {
    const c = this.txs.get(txid);
    if (c) return { tx: c.tx, block: this.blocks[c.height], pos: c.pos };
    const m = this.mempool.get(txid);
    return m ? { tx: m.tx, block: undefined, pos: -1 } : undefined;
  }

  confirmedCoin(key: string): Coin | undefined {
    return this.utxos.get(key);
  }

  /** Spend of an outpoint, confirmed first, then mempool. */
  spendOf(txid: string, vout: number): Spend | undefined {
    const key = outpointKey(txid, vout);
    return this.spends.get(key) ?? this.mempool.spendOf(key);
  }

  historyRows(scripthash: string): HistoryRow[] {
    return this.history.get(scripthash) ?? [];
  }

  confirmedCoins(scripthash: string): Coin[] {
    const keys = this.utxosByScript.get(scripthash);
    if (!keys) return [];
    return [...keys].map((k) => this.utxos.get(k)!).filter((c) => c !== undefined);
  }

  /** Validate a raw block on top of the tip and connect it; throws BlockRejected. */
  connectBlock(raw: Uint8Array): BlockEntry {
    let parsed: ReturnType<typeof parseBlockTxs>;
    try {
      parsed = parseBlockTxs(raw);
    } catch (e) {
      throw new BlockRejected(`block does not parse: ${(e as Error).message}`);
    }
    const { header: headerBytes, txs } = parsed;
    const header = decodeHeader(Uint8Array.from(headerBytes));
    const height = this.blocks.length;
    const hash = headerHash(headerBytes);
    const expectedPrev = height === 0 ? new Uint8Array(32) : fromDisplayHex(this.tip.hash, 'CHAIN_BAD_HEX', 'hash');
    if (!equalBytes(header.prevHash, expectedPrev)) throw new BlockRejected('bad-prevblk');
    if (header.bits !== REGTEST_BITS) throw new BlockRejected('bad-diffbits');
    if (!meetsTarget(headerBytes)) throw new BlockRejected('high-hash');
    if (txs.length === 0) throw new BlockRejected('bad-blk-length');
    if (!equalBytes(txidRoot(txs), header.merkleRoot)) throw new BlockRejected('bad-txnmrklroot');
    const seen = new Set<string>();
    for (const tx of txs) {
      if (seen.has(tx.txid)) throw new BlockRejected('bad-txns-duplicate');
      seen.add(tx.txid);
      if (this.txs.has(tx.txid)) throw new BlockRejected('bad-txns-BIP30');
    }
    const coinbase = txs[0]!;
    if (!coinbase.isCoinbase || txs.slice(1).some((t) => t.isCoinbase)) throw new BlockRejected('bad-cb-missing');
    if (height > 0) this.checkCoinbase(coinbase, txs, height);
    const fees = this.checkSpends(txs, height);
    const cbValue = coinbase.outputs.reduce((a, o) => a + o.value, 0n);
    if (cbValue > blockSubsidy(height) + fees) throw new BlockRejected('bad-cb-amount');

    const entry: BlockEntry = {
      height,
      hash,
      header,
      headerBytes: Uint8Array.from(headerBytes),
      raw,
      txids: txs.map((t) => t.txid),
      size: raw.length,
      weight: txs.reduce((a, t) => a + t.weight, 0) + 4 * (raw.length - txs.reduce((a, t) => a + t.size, 0)),
      mediantime: this.medianTime(header.time),
    };
    txs.forEach((tx, pos) => this.indexTx(tx, height, pos));
    this.blocks.push(entry);
    this.byHash.set(hash, entry);
    this.mempool.afterBlock();
    this.onBlock?.(raw);
    return entry;
  }

  private checkCoinbase(coinbase: DevTx, txs: DevTx[], height: number): void {
    const sig = coinbase.inputs[0]!.scriptSig;
    const bip34 = bip34ScriptSig(height);
    if (sig.length < 2 || sig.length > 100) throw new BlockRejected('bad-cb-length');
    if (!equalBytes(sig.subarray(0, bip34.length - 1), bip34.subarray(0, bip34.length - 1))) {
      throw new BlockRejected('bad-cb-height');
    }
    if (!txs.some((t) => t.hasWitness)) return;
    const commitOut = [...coinbase.outputs]
      .reverse()
      .find((o) => o.script.length >= 38 && equalBytes(o.script.subarray(0, 6), WITNESS_COMMITMENT_PREFIX));
    const witness = coinbase.inputs[0]!.witness;
    if (!commitOut || witness.length !== 1 || witness[0]!.length !== 32) {
      throw new BlockRejected('unexpected-witness');
    }
    if (!equalBytes(commitOut.script.subarray(6, 38), witnessCommitment(txs, witness[0]!))) {
      throw new BlockRejected('bad-witness-merkle-match');
    }
  }

  /** Every input spends an existing unspent, mature output (earlier in this block allowed); returns total fees. */
  private checkSpends(txs: DevTx[], height: number): bigint {
    const created = new Map<string, Coin>();
    const spent = new Set<string>();
    let fees = 0n;
    for (const tx of txs) {
      if (!tx.isCoinbase) {
        let inSum = 0n;
        for (const inp of tx.inputs) {
          const key = outpointKey(inp.txid, inp.vout);
          const coin = this.utxos.get(key) ?? created.get(key);
          if (!coin || spent.has(key)) throw new BlockRejected('bad-txns-inputs-missingorspent');
          if (coin.coinbase && height - (coin.height ?? height) < COINBASE_MATURITY) {
            throw new BlockRejected('bad-txns-premature-spend-of-coinbase');
          }
          spent.add(key);
          inSum += coin.value;
        }
        const outSum = tx.outputs.reduce((a, o) => a + o.value, 0n);
        if (outSum > inSum) throw new BlockRejected('bad-txns-in-belowout');
        fees += inSum - outSum;
      }
      tx.outputs.forEach((o, vout) => {
        created.set(outpointKey(tx.txid, vout), {
          txid: tx.txid, vout, value: o.value, script: o.script, height, coinbase: tx.isCoinbase,
        });
      });
    }
    return fees;
  }

  private indexTx(tx: DevTx, height: number, pos: number): void {
    this.txs.set(tx.txid, { tx, height, pos });
    if (!tx.isCoinbase) {
      tx.inputs.forEach((inp, vin) => {
        const key = outpointKey(inp.txid, inp.vout);
        const coin = this.utxos.get(key)!;
        this.utxos.delete(key);
        const sh = scriptHash(coin.script);
        this.utxosByScript.get(sh)?.delete(key);
        this.spends.set(key, { txid: tx.txid, vin });
        this.pushHistory(sh, { height, kind: 'S', txid: tx.txid, n: vin, value: coin.value });
      });
    }
    tx.outputs.forEach((o, vout) => {
      if (o.script[0] === 0x6a) return; // OP_RETURN: unspendable, not indexed (electrs `is_spendable`)
      const sh = scriptHash(o.script);
      this.pushHistory(sh, { height, kind: 'F', txid: tx.txid, n: vout, value: o.value });
      if (height === 0) return; // the genesis coinbase is not spendable
      const key = outpointKey(tx.txid, vout);
      this.utxos.set(key, { txid: tx.txid, vout, value: o.value, script: o.script, height, coinbase: tx.isCoinbase });
      let set = this.utxosByScript.get(sh);
      if (!set) this.utxosByScript.set(sh, (set = new Set()));
      set.add(key);
    });
  }

  private pushHistory(sh: string, row: HistoryRow): void {
    let rows = this.history.get(sh);
    if (!rows) this.history.set(sh, (rows = []));
    rows.push(row);
  }

  /** Median of this block's time and its 10 predecessors' (bitcoind `GetMedianTimePast`). */
  private medianTime(time: number): number {
    const times = this.blocks.slice(-10).map((b) => b.header.time);
    times.push(time);
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  }

  /** Assemble a block from the mempool paying `script`, mine it (real nonce search) and connect it. */
  mineBlock(script: Uint8Array): BlockEntry {
    const height = this.blocks.length;
    const selected = this.mempool.entries();
    const body = selected.map((e) => e.tx);
    const fees = selected.reduce((a, e) => a + e.fee, 0n);
    const value = blockSubsidy(height) + fees;
    let coinbaseRaw = buildCoinbase({ height, value, script });
    if (body.some((t) => t.hasWitness)) {
      const placeholder = parseDevTx(coinbaseRaw);
      const commitment = witnessCommitment([placeholder, ...body], WITNESS_RESERVED_VALUE);
      coinbaseRaw = buildCoinbase({ height, value, script, commitment });
    }
    const txs = [parseDevTx(coinbaseRaw), ...body];
    const { bytes } = mineHeader({
      version: BLOCK_VERSION,
      prevHash: fromDisplayHex(this.tip.hash, 'CHAIN_BAD_HEX', 'hash'),
      merkleRoot: txidRoot(txs),
      time: blockTime(height),
      bits: REGTEST_BITS,
    });
    return this.connectBlock(serializeBlock(bytes, txs.map((t) => t.raw)));
  }
}

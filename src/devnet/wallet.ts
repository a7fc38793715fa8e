/**
 * Deterministic devnet wallet (keys from a seed, @scure/btc-signer): mines to itself, pays, and broadcasts ordinals
 * commit/reveal pairs whose reveal tapscript is built by micro-ordinals `p2tr_ord_reveal`. It reaches the chain only
 * through the Esplora REST API (`/address/:a/utxo`, `/tx/:txid`, `/blocks/tip/height`, `POST /tx`) and
 * `POST /devnet/mine`, so it can drive any regtest Esplora.
 */
import { p2tr, p2wpkh, SigHash, Transaction, utils as btcUtils } from '@scure/btc-signer';
import { OutOrdinalReveal, p2tr_ord_reveal, type Tags } from 'micro-ordinals';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex, sha256, utf8 } from '../core/bytes';
import { scriptFromAddress } from './address';
import { COINBASE_MATURITY, REGTEST } from './params';
import { RestClient, type FetchLike } from './rest-client';

export interface Payment {
  /** Destination address, or an explicit output script. */
  address?: string;
  script?: Uint8Array;
  value: bigint;
}

export interface InscribeSpec {
  contentType: string;
  body: Uint8Array;
  metaprotocol?: string;
  /** Further tags (pointer, parent, metadata, …) passed to micro-ordinals as they are. */
  tags?: Omit<Tags, 'contentType' | 'metaprotocol'>;
  /** Receiver of the inscribed sat; the wallet's own address by default. */
  to?: string;
  /** Value of the inscribed output (ord's default postage is 10,000 sat). */
  postage?: bigint;
  /** Extra outputs on the reveal after the inscription output, e.g. a small payment to a marker address. */
  extraOutputs?: Payment[];
  /** Extra inputs of the reveal after the commit output, spent by the key path with signatures from their own signers. */
  extraInputs?: ExternalKeyInput[];
}

/** An input the wallet does not sign itself: a P2TR key-path spend whose BIP340 signature over the sighash comes from `sign`. */
export interface ExternalKeyInput {
  txid: string;
  vout: number;
  amount: bigint;
  script: Uint8Array;
  sign: (sighash: Uint8Array) => Promise<Uint8Array>;
}

export interface Inscribed {
  commitTxid: string;
  revealTxid: string;
  inscriptionId: string;
  commitAddress: string;
}

interface Utxo {
  txid: string;
  vout: number;
  value: number;
  status: { confirmed: boolean; block_height?: number };
}

const DUST = 546n;
const DEFAULT_POSTAGE = 10_000n;
const ZERO_AUX = new Uint8Array(32);

function outputScript(p: Payment): Uint8Array {
  if (p.script) return p.script;
  if (p.address === undefined) throw new TypeError('payment needs an address or a script');
  const r = scriptFromAddress(p.address);
  if (!r.ok) throw new TypeError(`bad address ${p.address}: ${r.message}`);
  return r.script;
}

export class DevWallet {
  readonly address: string;
  readonly script: Uint8Array;
  private readonly priv: Uint8Array;
  private readonly client: RestClient;
  private readonly coinbaseCache = new Map<string, boolean>();
  /** Outpoints this wallet spent in transactions it broadcast (not yet visible as spent to a slow indexer). */
  private readonly spent = new Set<string>();

  constructor(opts: { baseUrl: string; seed: string; fetch?: FetchLike; feeRate?: number }) {
    this.priv = sha256(utf8.encode(`drey-devnet-wallet:${opts.seed}`));
    const pay = p2wpkh(secp256k1.getPublicKey(this.priv, true), REGTEST);
    this.address = pay.address!;
    this.script = pay.script;
    this.client = new RestClient(opts.baseUrl, opts.fetch);
    this.feeRate = BigInt(opts.feeRate ?? 2);
  }

  private readonly feeRate: bigint;

  /** Mine `blocks` blocks paying this wallet (or `address`); returns their hashes. */
  async mine(blocks: number, address: string = this.address): Promise<string[]> {
    const r = await this.client.json<{ hashes: string[] }>('/devnet/mine', JSON.stringify({ blocks, address }));
    return r.hashes;
  }

  private async isCoinbase(txid: string): Promise<boolean> {
    let v = this.coinbaseCache.get(txid);
    if (v === undefined) {
      const tx = await this.client.json<{ vin: { is_coinbase: boolean }[] }>(`/tx/${txid}`);
      v = tx.vin[0]?.is_coinbase === true;
      this.coinbaseCache.set(txid, v);
    }
    return v;
  }

  /** Spendable coins in a deterministic order: confirmed (oldest first), then unconfirmed; immature coinbases left out. */
  async spendable(): Promise<Utxo[]> {
    const tip = Number(await this.client.text('/blocks/tip/height'));
    const all = await this.client.json<Utxo[]>(`/address/${this.address}/utxo`);
    const out: Utxo[] = [];
    for (const u of all) {
      if (this.spent.has(`${u.txid}:${u.vout}`)) continue;
      const h = u.status.block_height;
      if (h !== undefined && tip + 1 - h < COINBASE_MATURITY && (await this.isCoinbase(u.txid))) continue;
      out.push(u);
    }
    const key = (u: Utxo): number => u.status.block_height ?? Number.MAX_SAFE_INTEGER;
    return out.sort((a, b) => key(a) - key(b) || (a.txid < b.txid ? -1 : a.txid > b.txid ? 1 : a.vout - b.vout));
  }

  async balance(): Promise<bigint> {
    return (await this.spendable()).reduce((a, u) => a + BigInt(u.value), 0n);
  }

  /** Build, sign and broadcast a payment with change back to the wallet; returns the txid. */
  async pay(payments: Payment[]): Promise<string> {
    const tx = await this.buildPayment(payments.map((p) => ({ script: outputScript(p), value: p.value })));
    return this.broadcast(tx);
  }

  private async buildPayment(outs: { script: Uint8Array; value: bigint }[]): Promise<Transaction> {
    const coins = await this.spendable();
    const target = outs.reduce((a, o) => a + o.value, 0n);
    const build = (inputs: Utxo[], change: bigint): Transaction => {
      const tx = new Transaction({ version: 2 });
      for (const o of outs) tx.addOutput({ script: o.script, amount: o.value });
      if (change > 0n) tx.addOutput({ script: this.script, amount: change });
      for (const u of inputs) {
        tx.addInput({ txid: u.txid, index: u.vout, witnessUtxo: { script: this.script, amount: BigInt(u.value) } });
      }
      tx.sign(this.priv);
      tx.finalize();
      return tx;
    };
    const chosen: Utxo[] = [];
    let inSum = 0n;
    for (const u of coins) {
      chosen.push(u);
      inSum += BigInt(u.value);
      if (inSum <= target) continue;
      const fee = BigInt(build(chosen, 1n).vsize) * this.feeRate;
      if (inSum >= target + fee) {
        const change = inSum - target - fee;
        if (change >= DUST) return build(chosen, change);
        const feeNoChange = BigInt(build(chosen, 0n).vsize) * this.feeRate;
        if (inSum >= target + feeNoChange) return build(chosen, 0n);
      }
    }
    throw new Error(`insufficient funds: need ${target} sat plus fee, have ${inSum}`);
  }

  async broadcast(tx: Transaction): Promise<string> {
    const txid = await this.client.text('/tx', bytesToHex(tx.extract()));
    for (let i = 0; i < tx.inputsLength; i++) {
      const inp = tx.getInput(i);
      this.spent.add(`${bytesToHex(inp.txid!)}:${inp.index!}`);
    }
    return txid;
  }

  /** Commit to a P2TR output whose script tree holds the reveal tapscript, then reveal it by the script path. */
  async inscribe(spec: InscribeSpec): Promise<Inscribed> {
    const pub = btcUtils.pubSchnorr(this.priv);
    const tags: Tags = { ...(spec.tags ?? {}), contentType: spec.contentType };
    if (spec.metaprotocol !== undefined) tags.metaprotocol = spec.metaprotocol;
    const reveal = p2tr(undefined, p2tr_ord_reveal(pub, [{ tags, body: spec.body }]), REGTEST, false, [OutOrdinalReveal]);
    const postage = spec.postage ?? DEFAULT_POSTAGE;
    const outs = [
      { script: outputScript({ address: spec.to ?? this.address, value: postage }), value: postage },
      ...(spec.extraOutputs ?? []).map((p) => ({ script: outputScript(p), value: p.value })),
    ];
    const extra = spec.extraInputs ?? [];
    const buildReveal = async (commitTxid: string, amount: bigint, signExtra: (i: ExternalKeyInput, sighash: Uint8Array) => Promise<Uint8Array>): Promise<Transaction> => {
      const tx = new Transaction({ version: 2, customScripts: [OutOrdinalReveal] });
      for (const o of outs) tx.addOutput({ script: o.script, amount: o.value });
      tx.addInput({ ...reveal, txid: commitTxid, index: 0, witnessUtxo: { script: reveal.script, amount } });
      for (const i of extra) tx.addInput({ txid: i.txid, index: i.vout, witnessUtxo: { script: i.script, amount: i.amount } });
      const scripts = [reveal.script, ...extra.map((i) => i.script)];
      const amounts = [amount, ...extra.map((i) => i.amount)];
      for (const [k, i] of extra.entries()) {
        tx.updateInput(k + 1, { tapKeySig: await signExtra(i, tx.preimageWitnessV1(k + 1, scripts, SigHash.DEFAULT, amounts)) }, true);
      }
      tx.signIdx(this.priv, 0, undefined, ZERO_AUX);
      tx.finalize();
      return tx;
    };
    const outSum = outs.reduce((a, o) => a + o.value, 0n);
    // The fee is estimated on a copy with placeholder signatures of the right size; the extra inputs' value adds to it.
    const placeholder = async (): Promise<Uint8Array> => new Uint8Array(64);
    const revealFee = BigInt((await buildReveal('00'.repeat(32), outSum + 100_000n, placeholder)).vsize) * this.feeRate;
    const commitValue = outSum + revealFee;
    const commit = await this.buildPayment([{ script: reveal.script, value: commitValue }]);
    const commitTxid = await this.broadcast(commit);
    const revealTx = await buildReveal(commitTxid, commitValue, (i, sighash) => i.sign(sighash));
    const revealTxid = await this.broadcast(revealTx);
    return { commitTxid, revealTxid, inscriptionId: `${revealTxid}i0`, commitAddress: reveal.address! };
  }
}

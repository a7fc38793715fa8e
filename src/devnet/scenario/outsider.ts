/**
 * A third party writing to the instance's markers (docs/protocol.md §2.5): nobody the protocol entitles to anything,
 * with coins and an inscription wallet of its own. It pays markers (plain payments, runs of dust), hides a `drey/1`
 * envelope in a P2WSH witness, inscribes taproot `drey/1` junk, a loose `final`, a message naming 2,000 made-up ids,
 * well-formed messages under its own unregistered key, byte-exact copies of real messages (on their marker and the
 * next month's) and a 300 KB envelope. Everything is deterministic from the seed, and every transaction it writes is
 * recorded (`written`), so a test can check that the verifier saw it and ignored it.
 */
import { p2wpkh, Script, Transaction } from '@scure/btc-signer';
import { taprootTweakPrivKey } from '@scure/btc-signer/utils.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex, sha256, utf8 } from '../../core/bytes';
import { canonicalBytes } from '../../core/protocol/canonical';
import { buildMessage, CONTENT_TYPES, METAPROTOCOL } from '../../core/protocol/message';
import type { FinalPayload } from '../../core/protocol/payloads';
import { signStakeProof } from '../../core/protocol/stake-proof';
import { scriptFromAddress } from '../address';
import { REGTEST } from '../params';
import type { Actuary } from './actors';
import { ChainIO, MARKER_VALUE } from './chain-io';
import { keyPair, type KeyPair } from './keys';
import { Rng, seedBytes } from './rng';
import { NETWORK } from './world';

/** One transaction the outsider wrote: which markers it paid and what it carries. */
export interface OutsiderWrite {
  txid: string;
  markers: number[];
  what: string;
}

const COIN = 2_000_000n;
const FEE = 2_000n;

export class Outsider {
  readonly written: OutsiderWrite[] = [];
  readonly key: KeyPair;
  private readonly io: ChainIO;
  private readonly payKey: Uint8Array;
  private readonly payScript: Uint8Array;
  /** Unspent fan-out coins for payments (each spent by one transaction, so no long unconfirmed chains). */
  private coins: { txid: string; vout: number; value: bigint }[] = [];
  private readonly rng: Rng;

  constructor(url: string, private readonly seed: string, private readonly marker: (m: number) => string) {
    this.io = new ChainIO(url, `outsider/${seed}`);
    this.key = keyPair(seed, 'outsider');
    this.payKey = seedBytes(seed, 'outsider/pay');
    this.payScript = p2wpkh(secp256k1.getPublicKey(this.payKey, true), REGTEST).script;
    this.rng = new Rng(seed, 'outsider');
  }

  /** Coins from the scenario's wallet: `payments` fan-out coins for payments and 40 for inscriptions (confirmed by the next block). */
  async fund(from: ChainIO, payments: number): Promise<void> {
    const txid = await from.wallet.pay(Array.from({ length: payments }, () => ({ script: this.payScript, value: COIN })));
    this.coins = Array.from({ length: payments }, (_, vout) => ({ txid, vout, value: COIN }));
    await from.wallet.pay(Array.from({ length: 40 }, () => ({ address: this.io.wallet.address, value: 10_000_000n })));
  }

  /** A payment to the given markers (one output each), from one fan-out coin, change back. */
  async pay(markers: number[], what: string, value = MARKER_VALUE): Promise<string> {
    const coin = this.coins.shift();
    if (!coin) throw new Error('the outsider has no coins left');
    const tx = new Transaction({ version: 2 });
    tx.addInput({ txid: coin.txid, index: coin.vout, witnessUtxo: { script: this.payScript, amount: coin.value } });
    for (const m of markers) tx.addOutput({ script: this.markerScript(m), amount: value });
    tx.addOutput({ script: this.payScript, amount: coin.value - value * BigInt(markers.length) - FEE });
    tx.sign(this.payKey);
    tx.finalize();
    return this.broadcast(tx, markers, what);
  }

  /** `n` dust payments to marker m, one transaction each. */
  async dust(m: number, n: number): Promise<void> {
    for (let i = 0; i < n; i++) await this.pay([m], `dust payment ${i + 1} of ${n}`, 330n);
  }

  /**
   * A `drey/1` envelope in a P2WSH witness paying the markers: the witness is [envelope script, `OP_DROP OP_1`], so
   * an ord-style parser takes the envelope for a tapscript, though nothing ties it to a taproot output (§2.5).
   */
  async p2wshEnvelope(markers: number[]): Promise<string> {
    const body = utf8.encode('{"drey":1}');
    const envelope = Script.encode(['OP_0', 'IF', utf8.encode('ord'), Uint8Array.of(1), utf8.encode(CONTENT_TYPES.message), Uint8Array.of(7), utf8.encode(METAPROTOCOL), 'OP_0', body, 'ENDIF']);
    const witnessScript = Script.encode(['DROP', 'OP_1']);
    const wsh = Script.encode(['OP_0', sha256(witnessScript)]);
    const coin = this.coins.shift();
    if (!coin) throw new Error('the outsider has no coins left');
    const fund = new Transaction({ version: 2 });
    fund.addInput({ txid: coin.txid, index: coin.vout, witnessUtxo: { script: this.payScript, amount: coin.value } });
    fund.addOutput({ script: wsh, amount: coin.value - FEE });
    fund.sign(this.payKey);
    fund.finalize();
    const fundTxid = await this.io.rest.text('/tx', bytesToHex(fund.extract()));
    const spend = new Transaction({ version: 2, allowUnknownInputs: true, allowUnknownOutputs: true, disableScriptCheck: true });
    for (const m of markers) spend.addOutput({ script: this.markerScript(m), amount: MARKER_VALUE });
    spend.addOutput({ script: this.payScript, amount: coin.value - 2n * FEE - MARKER_VALUE * BigInt(markers.length) });
    spend.addInput({ txid: fundTxid, index: 0, witnessUtxo: { script: wsh, amount: coin.value - FEE }, finalScriptWitness: [envelope, witnessScript] });
    return this.send(bytesToHex(spend.extract()), markers, 'a drey/1 envelope in a P2WSH witness');
  }

  /** A taproot `drey/1` inscription with any body and content type, paying the markers. */
  async inscribe(markers: number[], body: Uint8Array, what: string, contentType: string = CONTENT_TYPES.message): Promise<string> {
    const p = await this.io.inscribe(body, contentType, markers.map(this.marker));
    this.written.push({ txid: p.revealTxid, markers, what });
    return p.id;
  }

  /** Bytes that are no JSON at all. */
  junk(m: number): Promise<string> {
    return this.inscribe([m], this.rng.bytes(600), 'a drey/1 inscription of random bytes', 'application/octet-stream');
  }

  /** `{"drey":1,"type":"final","payload":{},…}`: the shape of a final, with nothing in it and no valid signature. */
  looseFinal(m: number): Promise<string> {
    return this.inscribe([m], canonicalBytes({ drey: 1, payload: {}, sig: '00'.repeat(64), signer: this.key.pub, type: 'final' }), 'a loose final');
  }

  /** A would-be final whose table names 2,000 inscription ids that do not exist (about 170 KB). */
  manyIds(m: number): Promise<string> {
    const parts = Array.from({ length: 2000 }, () => ({ inscription: `${bytesToHex(this.rng.bytes(32))}i0` }));
    return this.inscribe([m], canonicalBytes({ drey: 1, payload: { month: m, table: { parts } }, sig: '00'.repeat(64), signer: this.key.pub, type: 'final' }), 'a message naming 2,000 ids');
  }

  /** A well-formed, correctly signed final under the outsider's own (unregistered, unauthorised) key. */
  unauthorisedFinal(m: number, like: FinalPayload): Promise<string> {
    return this.inscribe([m], buildMessage('final', { ...like, signer: this.key.pub }, this.key.secret), 'a final signed by an unregistered key');
  }

  /** A well-formed commit under the outsider's own key (not an actuary: never counted). */
  unregisteredCommit(m: number, genesis: string, attempt: number, kemBytes: number): Promise<string> {
    const payload = { network: NETWORK, genesis, month: m, signer: this.key.pub, attempt, kem: bytesToHex(this.rng.bytes(kemBytes)), ciphertext: bytesToHex(this.rng.bytes(64)) };
    return this.inscribe([m], buildMessage('commit', payload, this.key.secret), 'a commit signed by an unregistered key');
  }

  /** A lottery message for another anchor (never valid: its signature is random too). */
  wrongAnchorLottery(m: number, genesis: string, anchorHeight: number): Promise<string> {
    const payload = { network: NETWORK, genesis, month: m, signer: this.key.pub, attempt: 0, anchor_height: anchorHeight, anchor_hash: bytesToHex(this.rng.bytes(32)), bls_signature: bytesToHex(this.rng.bytes(48)) };
    return this.inscribe([m], buildMessage('lottery', payload, this.key.secret), 'a lottery message naming another anchor');
  }

  /**
   * A register claiming an actuary's stake outpoint for the outsider's key, with a stake proof by the outsider's own
   * key (it cannot sign for the stake): registered first, it must not take the outpoint (§6.1).
   */
  stakeClaim(genesis: string, victim: Actuary): Promise<string> {
    const stake = { txid: victim.stake.txid, vout: victim.stake.vout };
    const sig = signStakeProof({ network: NETWORK, genesis, actuary: this.key.pub, ...stake }, taprootTweakPrivKey(this.key.secret));
    return this.inscribe([0], buildMessage('register', { network: NETWORK, genesis, signer: this.key.pub, stake: { ...stake, sig } }, this.key.secret), 'a register claiming an actuary\'s stake without controlling it');
  }

  /** The exact bytes of a real message, inscribed again (on its own marker: a copy; on another: the wrong month). */
  replay(markers: number[], body: Uint8Array, what: string): Promise<string> {
    return this.inscribe(markers, body, what);
  }

  /** A 300,000-byte envelope: JSON, within the size limit, but no message. */
  big(m: number): Promise<string> {
    const filler = bytesToHex(this.rng.bytes(149_950));
    return this.inscribe([m], utf8.encode(`{"drey":1,"junk":"${filler}"}`.padEnd(300_000, ' ')), 'a 300 KB envelope');
  }

  private markerScript(m: number): Uint8Array {
    const r = scriptFromAddress(this.marker(m));
    if (!r.ok) throw new Error(r.message);
    return r.script;
  }

  private async broadcast(tx: Transaction, markers: number[], what: string): Promise<string> {
    return this.send(bytesToHex(tx.extract()), markers, what);
  }

  private async send(hex: string, markers: number[], what: string): Promise<string> {
    const txid = await this.io.rest.text('/tx', hex);
    this.written.push({ txid, markers, what });
    return txid;
  }
}

import { describe, expect, it } from 'vitest';
import * as btc from '@scure/btc-signer';
import { schnorr } from '@noble/curves/secp256k1.js';
import { OutOrdinalReveal, p2tr_ord_reveal, type Inscription } from 'micro-ordinals';
import { bytesToHex, hexToBytes, sha256, utf8 } from '../bytes';
import { parseTx, type ParsedTx } from './tx';
import { tapLeafHash, verifyRevealBinding, verifyTaprootScriptPath } from './taproot';

const code = (c: string) => expect.objectContaining({ code: c });
const REGTEST = { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, wif: 0xef };
const priv = sha256(utf8.encode('drey taproot test key'));
const pub = schnorr.getPublicKey(priv);
const funding = { txid: bytesToHex(sha256(utf8.encode('funding'))), script: btc.p2tr(pub, undefined, REGTEST).script };
const customScripts = [OutOrdinalReveal as unknown as btc.CustomScript];

const inscription = (text: string): Inscription => ({ tags: { contentType: 'text/plain;charset=utf-8', metaprotocol: 'drey/1' }, body: utf8.encode(text) });

/** A real commit/reveal pair: the commit pays a P2TR whose script leaf carries the inscription; the reveal spends it. */
function commitReveal(text: string, siblingText?: string): { commit: ParsedTx; reveal: ParsedTx } {
  const leaf = p2tr_ord_reveal(pub, [inscription(text)]);
  const tree = siblingText ? [leaf, p2tr_ord_reveal(pub, [inscription(siblingText)])] : leaf;
  const payment = btc.p2tr(undefined, tree, REGTEST, true, customScripts);
  const commit = new btc.Transaction();
  commit.addInput({ txid: funding.txid, index: 0, witnessUtxo: { script: funding.script, amount: 100_000n }, tapInternalKey: pub });
  commit.addOutput({ script: payment.script, amount: 50_000n });
  commit.sign(priv, undefined, new Uint8Array(32));
  commit.finalize();
  const reveal = new btc.Transaction({ customScripts });
  reveal.addInput({ ...payment, txid: commit.id, index: 0, witnessUtxo: { script: payment.script, amount: 50_000n } });
  reveal.addOutput({ script: funding.script, amount: 40_000n });
  reveal.sign(priv, undefined, new Uint8Array(32));
  reveal.finalize();
  return { commit: parseTx(commit.extract()), reveal: parseTx(reveal.extract()) };
}

/** The same transaction with input 0's witness replaced (the txid does not change). */
function withWitness(tx: ParsedTx, witness: Uint8Array[]): ParsedTx {
  const raw = btc.RawTx.decode(tx.bytes);
  raw.witnesses![0] = witness;
  return parseTx(btc.RawTx.encode(raw));
}

const a = commitReveal('hello from A');
const b = commitReveal('a different inscription, B');

describe('a real commit/reveal pair built with scure + micro-ordinals', () => {
  it('binds: the reveal witness commits to the commit output key', () => {
    const bound = verifyRevealBinding(a.reveal, 0, a.commit);
    expect(bound.leafVersion).toBe(0xc0);
    expect(bound.pathLength).toBe(0);
    expect(bound.outputKey).toBe(bytesToHex(a.commit.outputs[0]!.script.subarray(2)));
    expect(bound.leafHash).toBe(bytesToHex(tapLeafHash(bound.tapscript, 0xc0)));
    expect(bound.tapscript).toEqual(a.reveal.inputs[0]!.witness[1]);
  });

  it('binds a leaf one level deep in a two-leaf tree (control block with a Merkle path)', () => {
    const deep = commitReveal('in a tree', 'the sibling leaf');
    expect(verifyRevealBinding(deep.reveal, 0, deep.commit).pathLength).toBe(1);
  });
});

describe('when a server swaps the witness for another valid-looking envelope', () => {
  const swapped = withWitness(a.reveal, b.reveal.inputs[0]!.witness);
  it('the txid is unchanged (a Merkle proof would still pass) but the binding is rejected', () => {
    expect(swapped.txid).toBe(a.reveal.txid);
    expect(swapped.wtxid).not.toBe(a.reveal.wtxid);
    expect(() => verifyRevealBinding(swapped, 0, a.commit)).toThrow(code('CHAIN_TAPROOT_KEY_MISMATCH'));
  });
});

describe('when any byte of the tapscript is flipped', () => {
  it('every single-byte change is rejected', () => {
    const [sig, script, cb] = a.reveal.inputs[0]!.witness as [Uint8Array, Uint8Array, Uint8Array];
    for (let i = 0; i < script.length; i++) {
      const s = Uint8Array.from(script);
      s[i]! ^= 0x01;
      expect(() => verifyTaprootScriptPath([sig, s, cb], a.commit.outputs[0]!.script)).toThrow(code('CHAIN_TAPROOT_KEY_MISMATCH'));
    }
  });
});

describe('control block and witness shape', () => {
  const [sig, script, cb] = a.reveal.inputs[0]!.witness as [Uint8Array, Uint8Array, Uint8Array];
  const spent = a.commit.outputs[0]!.script;
  const mutated = (f: (c: Uint8Array) => void) => { const c = Uint8Array.from(cb); f(c); return c; };

  it('an annex (last item starting 0x50) is set aside and returned', () => {
    const annex = hexToBytes('50aa');
    expect(verifyTaprootScriptPath([sig, script, cb, annex], spent).annex).toEqual(annex);
  });
  it('a flipped parity bit is rejected', () => {
    expect(() => verifyTaprootScriptPath([sig, script, mutated((c) => { c[0]! ^= 1; })], spent)).toThrow(code('CHAIN_TAPROOT_PARITY_MISMATCH'));
  });
  it('another leaf version is rejected', () => {
    expect(() => verifyTaprootScriptPath([sig, script, mutated((c) => { c[0]! ^= 2; })], spent)).toThrow(code('CHAIN_TAPROOT_KEY_MISMATCH'));
  });
  it('a control block of a wrong length is malformed', () => {
    for (const len of [0, 32, 34, 64, 33 + 32 * 129]) {
      expect(() => verifyTaprootScriptPath([sig, script, new Uint8Array(len).fill(0xc0)], spent)).toThrow(code('CHAIN_TAPROOT_CONTROL_BLOCK_MALFORMED'));
    }
  });
  it('an internal key that is not on the curve is rejected', () => {
    let x = 1;
    for (; ; x++) { try { schnorr.utils.lift_x(BigInt(x)); } catch { break; } }
    const c = mutated((c) => { c.fill(0, 1, 33); c[32] = x; });
    expect(() => verifyTaprootScriptPath([sig, script, c], spent)).toThrow(code('CHAIN_TAPROOT_INTERNAL_KEY_INVALID'));
  });
  it('a key-path spend (one item) has no script path', () => {
    expect(() => verifyTaprootScriptPath([sig], spent)).toThrow(code('CHAIN_TAPROOT_NOT_SCRIPT_PATH'));
    expect(() => verifyTaprootScriptPath([sig, hexToBytes('50')], spent)).toThrow(code('CHAIN_TAPROOT_NOT_SCRIPT_PATH'));
  });
  it('a spent output that is not P2TR is rejected', () => {
    expect(() => verifyTaprootScriptPath([sig, script, cb], hexToBytes('0014' + '11'.repeat(20)))).toThrow(code('CHAIN_TAPROOT_NOT_P2TR'));
  });
  it('a reveal checked against a transaction it does not spend is rejected', () => {
    expect(() => verifyRevealBinding(a.reveal, 0, b.commit)).toThrow(code('CHAIN_TAPROOT_PREVOUT_MISMATCH'));
  });
});

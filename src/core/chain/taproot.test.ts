import { describe, expect, it } from 'vitest';
import * as btc from '@scure/btc-signer';
import { schnorr } from '@noble/curves/secp256k1.js';
import { OutOrdinalReveal, p2tr_ord_reveal, type Inscription } from 'micro-ordinals';
import { bytesToHex, hexToBytes, sha256, utf8 } from '../bytes';
import { parseTx, type ParsedTx } from './tx';
import bip341Vectors from '../../../vectors/bip341/script-path.json';
import { errorOf } from '../errors.test-util';
import { outputKeyFromControlBlock, outputKeyFromScript, tapLeafHash, verifyRevealBinding, verifyTaprootScriptPath } from './taproot';
import { once } from '../once.test-util';

const code = (c: string) => expect.objectContaining({ code: c });
/** A fixture built on first use, inside a test: a failure in the code under test then fails that test, not the file. */
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

const pairs = once(() => ({ a: commitReveal('hello from A'), b: commitReveal('a different inscription, B') }));

describe('a real commit/reveal pair built with scure + micro-ordinals', () => {
  it('binds: the reveal witness commits to the commit output key', () => {
    const { a } = pairs();
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
  it('the txid is unchanged (a Merkle proof would still pass) but the binding is rejected', () => {
    const { a, b } = pairs();
    const swapped = withWitness(a.reveal, b.reveal.inputs[0]!.witness);
    expect(swapped.txid).toBe(a.reveal.txid);
    expect(swapped.wtxid).not.toBe(a.reveal.wtxid);
    expect(() => verifyRevealBinding(swapped, 0, a.commit)).toThrow(code('CHAIN_TAPROOT_KEY_MISMATCH'));
  });
});

describe('when any byte of the tapscript is flipped', () => {
  it('every single-byte change is rejected', () => {
    const { a } = pairs();
    const [sig, script, cb] = a.reveal.inputs[0]!.witness as [Uint8Array, Uint8Array, Uint8Array];
    for (let i = 0; i < script.length; i++) {
      const s = Uint8Array.from(script);
      s[i]! ^= 0x01;
      expect(() => verifyTaprootScriptPath([sig, s, cb], a.commit.outputs[0]!.script)).toThrow(code('CHAIN_TAPROOT_KEY_MISMATCH'));
    }
  });
});

describe('control block and witness shape', () => {
  const witness = () => pairs().a.reveal.inputs[0]!.witness as [Uint8Array, Uint8Array, Uint8Array];
  const spentScript = () => pairs().a.commit.outputs[0]!.script;
  const mutated = (f: (c: Uint8Array) => void) => { const c = Uint8Array.from(witness()[2]); f(c); return c; };

  it('an annex (last item starting 0x50) is set aside and returned', () => {
    const [sig, script, cb] = witness();
    const spent = spentScript();
    const annex = hexToBytes('50aa');
    expect(verifyTaprootScriptPath([sig, script, cb, annex], spent).annex).toEqual(annex);
  });
  it('a flipped parity bit is rejected', () => {
    const [sig, script] = witness();
    const spent = spentScript();
    expect(() => verifyTaprootScriptPath([sig, script, mutated((c) => { c[0]! ^= 1; })], spent)).toThrow(code('CHAIN_TAPROOT_PARITY_MISMATCH'));
  });
  it('another leaf version is rejected', () => {
    const [sig, script] = witness();
    const spent = spentScript();
    expect(() => verifyTaprootScriptPath([sig, script, mutated((c) => { c[0]! ^= 2; })], spent)).toThrow(code('CHAIN_TAPROOT_KEY_MISMATCH'));
  });
  it('a control block of a wrong length is malformed', () => {
    const [sig, script] = witness();
    const spent = spentScript();
    for (const len of [0, 32, 34, 64, 33 + 32 * 129]) {
      expect(() => verifyTaprootScriptPath([sig, script, new Uint8Array(len).fill(0xc0)], spent)).toThrow(code('CHAIN_TAPROOT_CONTROL_BLOCK_MALFORMED'));
    }
  });
  it('an internal key that is not on the curve is rejected', () => {
    const [sig, script] = witness();
    const spent = spentScript();
    let x = 1;
    for (; ; x++) { try { schnorr.utils.lift_x(BigInt(x)); } catch { break; } }
    const c = mutated((c) => { c.fill(0, 1, 33); c[32] = x; });
    expect(() => verifyTaprootScriptPath([sig, script, c], spent)).toThrow(code('CHAIN_TAPROOT_INTERNAL_KEY_INVALID'));
  });
  it('a key-path spend (one item) has no script path', () => {
    const [sig] = witness();
    const spent = spentScript();
    expect(() => verifyTaprootScriptPath([sig], spent)).toThrow(code('CHAIN_TAPROOT_NOT_SCRIPT_PATH'));
    expect(() => verifyTaprootScriptPath([sig, hexToBytes('50')], spent)).toThrow(code('CHAIN_TAPROOT_NOT_SCRIPT_PATH'));
  });
  it('a spent output that is not P2TR is rejected', () => {
    const [sig, script, cb] = witness();
    expect(() => verifyTaprootScriptPath([sig, script, cb], hexToBytes('0014' + '11'.repeat(20)))).toThrow(code('CHAIN_TAPROOT_NOT_P2TR'));
  });
  it('a reveal checked against a transaction it does not spend is rejected', () => {
    const { a, b } = pairs();
    expect(() => verifyRevealBinding(a.reveal, 0, b.commit)).toThrow(code('CHAIN_TAPROOT_PREVOUT_MISMATCH'));
  });
});

interface Bip341Output { index: number; internalPubkey: string; tweakedPubkey: string; scriptPubKey: string; leaves: { script: string; leafVersion: number; leafHash: string; controlBlock: string }[] }
const bip341 = bip341Vectors.outputs as Bip341Output[];

describe('BIP341 wallet test vectors (script-path spends of every leaf)', () => {
  it('cover parity 0 and 1, leaf versions 0xc0 and 0xfa, and Merkle paths of 0, 1 and 2 nodes', () => {
    const cbs = bip341.flatMap((o) => o.leaves.map((l) => hexToBytes(l.controlBlock)));
    expect(new Set(cbs.map((c) => c[0]! & 1))).toEqual(new Set([0, 1]));
    expect(new Set(cbs.map((c) => c[0]! & 0xfe))).toEqual(new Set([0xc0, 0xfa]));
    expect(new Set(cbs.map((c) => (c.length - 33) / 32))).toEqual(new Set([0, 1, 2]));
  });

  for (const o of bip341) {
    o.leaves.forEach((leaf, i) => {
      it(`output ${o.index}, leaf ${i}: the control block commits to the tweaked key with its parity`, () => {
        const script = hexToBytes(leaf.script);
        const cb = hexToBytes(leaf.controlBlock);
        expect(bytesToHex(tapLeafHash(script, leaf.leafVersion))).toBe(leaf.leafHash);
        const { key, parity, leafHash } = outputKeyFromControlBlock(cb, script);
        expect(bytesToHex(key)).toBe(o.tweakedPubkey);
        expect(parity).toBe(cb[0]! & 1);
        expect(bytesToHex(leafHash)).toBe(leaf.leafHash);
        const bound = verifyTaprootScriptPath([script, cb], hexToBytes(o.scriptPubKey));
        expect(bound).toMatchObject({ leafVersion: leaf.leafVersion, internalKey: o.internalPubkey, outputKey: o.tweakedPubkey, leafHash: leaf.leafHash, pathLength: (cb.length - 33) / 32 });
        expect(bound).not.toHaveProperty('annex');
      });
    });
  }

  it('a key derived again is the same, and a caller changing the returned bytes changes no later answer', () => {
    for (const o of bip341) {
      for (const leaf of o.leaves) {
        const [script, cb] = [hexToBytes(leaf.script), hexToBytes(leaf.controlBlock)];
        const first = outputKeyFromControlBlock(cb, script);
        first.key.fill(0);
        const again = outputKeyFromControlBlock(cb, script);
        expect(bytesToHex(again.key)).toBe(o.tweakedPubkey);
        expect(again.parity).toBe(cb[0]! & 1);
        again.key.fill(0);
        expect(bytesToHex(outputKeyFromControlBlock(cb, script).key)).toBe(o.tweakedPubkey);
      }
    }
  });

  it('a control block with the other parity bit is refused, with both keys in the evidence', () => {
    for (const o of bip341) {
      const leaf = o.leaves[0]!;
      const cb = hexToBytes(leaf.controlBlock);
      cb[0]! ^= 1;
      const e = errorOf(() => verifyTaprootScriptPath([hexToBytes(leaf.script), cb], hexToBytes(o.scriptPubKey)));
      expect(e.code).toBe('CHAIN_TAPROOT_PARITY_MISMATCH');
      expect(e.evidence).toEqual({ expectedOutputKey: o.tweakedPubkey, computedOutputKey: o.tweakedPubkey, leafHash: leaf.leafHash });
    }
  });

  it('a control block whose path nodes are swapped or dropped commits to another key', () => {
    const o = bip341.find((x) => x.leaves.some((l) => l.controlBlock.length === 2 * (33 + 64)))!;
    const leaf = o.leaves.find((l) => l.controlBlock.length === 2 * (33 + 64))!;
    const cb = hexToBytes(leaf.controlBlock);
    const swapped = Uint8Array.from([...cb.subarray(0, 33), ...cb.subarray(65, 97), ...cb.subarray(33, 65)]);
    for (const bad of [swapped, cb.subarray(0, 65)]) {
      const e = errorOf(() => verifyTaprootScriptPath([hexToBytes(leaf.script), bad], hexToBytes(o.scriptPubKey)));
      expect(e.code).toBe('CHAIN_TAPROOT_KEY_MISMATCH');
      expect(e.evidence).toMatchObject({ expectedOutputKey: o.tweakedPubkey, leafHash: leaf.leafHash });
      expect(e.evidence.computedOutputKey).not.toBe(o.tweakedPubkey);
    }
  });

  it('the spend is found under an annex and returned with it', () => {
    const o = bip341[0]!;
    const leaf = o.leaves[0]!;
    const annex = Uint8Array.of(ANNEX, 1, 2);
    const bound = verifyTaprootScriptPath([hexToBytes(leaf.script), hexToBytes(leaf.controlBlock), annex], hexToBytes(o.scriptPubKey));
    expect(bound.annex).toEqual(annex);
    expect(bound.outputKey).toBe(o.tweakedPubkey);
  });
});

const ANNEX = 0x50;

describe('witness stacks around the annex rule', () => {
  const o = bip341[0]!;
  const leaf = o.leaves[0]!;
  const [script, cb, spent] = [hexToBytes(leaf.script), hexToBytes(leaf.controlBlock), hexToBytes(o.scriptPubKey)];

  it('an empty last item is not an annex: it is taken as the control block', () => {
    expect(errorOf(() => verifyTaprootScriptPath([script, cb, new Uint8Array(0)], spent)).code).toBe('CHAIN_TAPROOT_CONTROL_BLOCK_MALFORMED');
  });
  it('a last item starting with another byte is not an annex', () => {
    expect(errorOf(() => verifyTaprootScriptPath([script, cb, Uint8Array.of(0x51, 1)], spent)).code).toBe('CHAIN_TAPROOT_CONTROL_BLOCK_MALFORMED');
  });
  it('a lone item starting 0x50 is not an annex: one item is a key-path spend', () => {
    const e = errorOf(() => verifyTaprootScriptPath([Uint8Array.of(ANNEX)], spent));
    expect(e.code).toBe('CHAIN_TAPROOT_NOT_SCRIPT_PATH');
    expect(e.evidence).toEqual({ items: 1 });
  });
  it('an annex with a single item left has no script path; the evidence counts the witness as given', () => {
    const e = errorOf(() => verifyTaprootScriptPath([cb, Uint8Array.of(ANNEX)], spent));
    expect(e.code).toBe('CHAIN_TAPROOT_NOT_SCRIPT_PATH');
    expect(e.evidence).toEqual({ items: 2 });
    expect(errorOf(() => verifyTaprootScriptPath([], spent)).evidence).toEqual({ items: 0 });
  });
  it('two items without an annex are tapscript and control block', () => {
    expect(verifyTaprootScriptPath([script, cb], spent).pathLength).toBe(0);
  });
});

describe('outputKeyFromScript', () => {
  const key = '11'.repeat(32);
  it('takes the 32-byte key of OP_1 <32 bytes>', () => {
    expect(bytesToHex(outputKeyFromScript(hexToBytes(`5120${key}`)))).toBe(key);
  });
  for (const [what, script] of [
    ['P2WSH (OP_0 <32 bytes>)', `0020${key}`], ['OP_1 with a 33-byte push', `5121${key}11`], ['OP_1 <32 bytes> with a wrong push opcode', `5121${key}`],
    ['a 33-byte script', `5120${key.slice(2)}`], ['a 35-byte script', `5120${key}00`], ['OP_2 <32 bytes>', `5220${key}`],
  ] as const) {
    it(`refuses ${what}, with the script in the evidence`, () => {
      const e = errorOf(() => outputKeyFromScript(hexToBytes(script)));
      expect(e.code).toBe('CHAIN_TAPROOT_NOT_P2TR');
      expect(e.evidence).toEqual({ script });
    });
  }
});

describe('tapLeafHash', () => {
  /** BIP341 TapLeaf hash with the script length as a CompactSize from scure (an independent encoder). */
  const oracle = (script: Uint8Array, v: number) => schnorr.utils.taggedHash('TapLeaf', Uint8Array.of(v), btc.CompactSize.encode(BigInt(script.length)), script);
  for (const len of [0, 1, 0xfc, 0xfd, 0xfe, 0xffff, 0x10000, 0x10001]) {
    it(`prefixes a ${len}-byte script with its CompactSize length`, () => {
      const script = new Uint8Array(len).fill(0x51);
      expect(bytesToHex(tapLeafHash(script, 0xc0))).toBe(bytesToHex(oracle(script, 0xc0)));
    });
  }
});

describe('the Merkle path of a control block', () => {
  const P = hexToBytes(bip341[0]!.internalPubkey);
  const script = hexToBytes('51');
  const leaf = once(() => tapLeafHash(script, 0xc0));
  /** TapBranch of two nodes in byte-lexicographic order (scure's compareBytes), then the BIP341 tweak (scure). */
  const branch = (a: Uint8Array, b: Uint8Array) => (btc.utils.compareBytes(a, b) <= 0 ? schnorr.utils.taggedHash('TapBranch', a, b) : schnorr.utils.taggedHash('TapBranch', b, a));
  const expected = (root: Uint8Array) => btc.utils.taprootTweakPubkey(P, root);
  const node = (f: (n: Uint8Array) => void) => { const n = Uint8Array.from(leaf()); f(n); return n; };

  for (const [what, change] of [
    ['differs in the first byte', (n: Uint8Array) => { n[0]! ^= 0x80; }],
    ['shares the first byte and is greater in the second', (n: Uint8Array) => { n[1] = (n[1]! + 1) & 0xff; }],
    ['shares the first byte and is smaller in the second', (n: Uint8Array) => { n[1] = (n[1]! + 255) & 0xff; }],
    ['differs only in the last byte', (n: Uint8Array) => { n[31]! ^= 1; }],
    ['equals the leaf hash', () => undefined],
  ] as const) {
    it(`hashes a sibling that ${what} in sorted order`, () => {
      const sibling = node(change);
      const [key, parity] = expected(branch(leaf(), sibling));
      const cb = Uint8Array.from([0xc0 | parity, ...P, ...sibling]);
      const r = outputKeyFromControlBlock(cb, script);
      expect(bytesToHex(r.key)).toBe(bytesToHex(key));
      expect(r.parity).toBe(parity);
    });
  }

  it('takes the nodes from the leaf upwards', () => {
    const n1 = node((n) => { n[0]! ^= 0x40; });
    const n2 = node((n) => { n[0]! ^= 0x20; });
    const [key] = expected(branch(branch(leaf(), n1), n2));
    expect(bytesToHex(outputKeyFromControlBlock(Uint8Array.from([0xc0, ...P, ...n1, ...n2]), script).key)).toBe(bytesToHex(key));
  });

  it('accepts a path of 128 nodes and refuses 129, with the length in the evidence', () => {
    const cb = (m: number) => Uint8Array.from([0xc0, ...P, ...new Uint8Array(32 * m).fill(7)]);
    expect(outputKeyFromControlBlock(cb(128), script).key).toHaveLength(32);
    const e = errorOf(() => outputKeyFromControlBlock(cb(129), script));
    expect(e.code).toBe('CHAIN_TAPROOT_CONTROL_BLOCK_MALFORMED');
    expect(e.evidence).toEqual({ length: 33 + 32 * 129 });
  });

  it('refuses a control block of 33 + 32m + 1 bytes and one shorter than 33', () => {
    for (const len of [32, 34, 33 + 32 + 1]) {
      const e = errorOf(() => outputKeyFromControlBlock(new Uint8Array(len).fill(0xc0), script));
      expect(e.code).toBe('CHAIN_TAPROOT_CONTROL_BLOCK_MALFORMED');
      expect(e.evidence).toEqual({ length: len });
    }
  });

  it('an internal key off the curve is named in the evidence', () => {
    let x = 1;
    for (; ; x++) { try { schnorr.utils.lift_x(BigInt(x)); } catch { break; } }
    const key = new Uint8Array(32);
    key[31] = x;
    const e = errorOf(() => outputKeyFromControlBlock(Uint8Array.from([0xc0, ...key]), script));
    expect(e.code).toBe('CHAIN_TAPROOT_INTERNAL_KEY_INVALID');
    expect(e.evidence).toEqual({ internalKey: bytesToHex(key) });
  });
});

describe('verifyRevealBinding: which output of the commit is spent', () => {
  it('names the input, the spent txid and the commit txid when the reveal spends another transaction', () => {
    const { a, b } = pairs();
    const e = errorOf(() => verifyRevealBinding(a.reveal, 0, b.commit));
    expect(e.code).toBe('CHAIN_TAPROOT_PREVOUT_MISMATCH');
    expect(e.evidence).toEqual({ inputIndex: 0, spends: a.commit.txid, commitTxid: b.commit.txid });
  });
  it('refuses an input that spends an output the commit does not have', () => {
    const { a } = pairs();
    const reveal: ParsedTx = { ...a.reveal, inputs: [{ ...a.reveal.inputs[0]!, vout: 1 }] };
    const e = errorOf(() => verifyRevealBinding(reveal, 0, a.commit));
    expect(e.code).toBe('CHAIN_TAPROOT_PREVOUT_MISMATCH');
    expect(e.evidence).toEqual({ inputIndex: 0, vout: 1, outputs: 1 });
  });
  it('returns the commit txid and vout with what was bound', () => {
    const { a } = pairs();
    expect(verifyRevealBinding(a.reveal, 0, a.commit)).toMatchObject({ commitTxid: a.commit.txid, vout: 0 });
  });
  it('an input index the reveal does not have is a caller bug', () => {
    const { a } = pairs();
    expect(() => verifyRevealBinding(a.reveal, 1, a.commit)).toThrow(RangeError);
    expect(() => verifyRevealBinding(a.reveal, 1, a.commit)).toThrow(/input 1/);
  });
});

/**
 * BIP341 script-path commitment check: binds a reveal input's witness (tapscript + control block, annex-aware) to
 * the x-only output key of the P2TR output it spends. A txid Merkle proof does not cover the witness; this does.
 */
import { schnorr } from '@noble/curves/secp256k1.js';
import { bytesToHex, equalBytes } from '../bytes';
import { VerifyError } from '../errors';
import type { ParsedTx } from './tx';

const { Point } = schnorr;
const { taggedHash, lift_x } = schnorr.utils;
const CURVE_ORDER = Point.Fn.ORDER;
const ANNEX_TAG = 0x50;
const MAX_PATH_NODES = 128;

export interface TaprootScriptPath {
  tapscript: Uint8Array;
  /** Leaf version from the control block (0xc0 for tapscript). */
  leafVersion: number;
  /** x-only internal key, hex. */
  internalKey: string;
  /** x-only output key the spend commits to, hex. */
  outputKey: string;
  /** TapLeaf hash, hex. */
  leafHash: string;
  /** Number of 32-byte nodes in the control block's Merkle path. */
  pathLength: number;
  annex?: Uint8Array;
}

/** The 32-byte key of a P2TR output script (`OP_1 <32 bytes>`), or a CHAIN_TAPROOT_NOT_P2TR error. */
export function outputKeyFromScript(script: Uint8Array): Uint8Array {
  if (script.length !== 34 || script[0] !== 0x51 || script[1] !== 0x20) {
    throw new VerifyError('CHAIN_TAPROOT_NOT_P2TR', 'the spent output is not a P2TR output', { script: bytesToHex(script) });
  }
  return script.slice(2);
}

function compactSize(n: number): Uint8Array {
  if (n < 0xfd) return Uint8Array.of(n);
  if (n <= 0xffff) return Uint8Array.of(0xfd, n & 0xff, n >>> 8);
  return Uint8Array.of(0xfe, n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);
}

/** TapLeaf tagged hash of a script under a leaf version. */
export function tapLeafHash(script: Uint8Array, leafVersion: number): Uint8Array {
  return taggedHash('TapLeaf', Uint8Array.of(leafVersion), compactSize(script.length), script);
}

function tapBranchHash(a: Uint8Array, b: Uint8Array): Uint8Array {
  for (let i = 0; i < 32; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? taggedHash('TapBranch', a, b) : taggedHash('TapBranch', b, a);
  }
  return taggedHash('TapBranch', a, b);
}

function bigFromBytes(b: Uint8Array): bigint {
  return BigInt('0x' + bytesToHex(b));
}

/**
 * Recompute the output key (x-only, with its Y parity) that a control block and tapscript commit to.
 * Throws CHAIN_TAPROOT_CONTROL_BLOCK_MALFORMED / _INTERNAL_KEY_INVALID / _TWEAK_INVALID.
 */
export function outputKeyFromControlBlock(controlBlock: Uint8Array, tapscript: Uint8Array): { key: Uint8Array; parity: number; leafHash: Uint8Array } {
  const m = (controlBlock.length - 33) / 32;
  if (controlBlock.length < 33 || !Number.isInteger(m) || m > MAX_PATH_NODES) {
    throw new VerifyError('CHAIN_TAPROOT_CONTROL_BLOCK_MALFORMED', 'control block must be 33 + 32m bytes with m ≤ 128', { length: controlBlock.length });
  }
  const leafVersion = controlBlock[0]! & 0xfe;
  const internalKey = controlBlock.subarray(1, 33);
  let P;
  try {
    P = lift_x(bigFromBytes(internalKey));
  } catch {
    throw new VerifyError('CHAIN_TAPROOT_INTERNAL_KEY_INVALID', 'internal key is not an x coordinate on secp256k1', { internalKey: bytesToHex(internalKey) });
  }
  const leafHash = tapLeafHash(tapscript, leafVersion);
  let k = leafHash;
  for (let j = 0; j < m; j++) k = tapBranchHash(k, controlBlock.subarray(33 + 32 * j, 65 + 32 * j));
  const t = bigFromBytes(taggedHash('TapTweak', internalKey, k));
  if (t >= CURVE_ORDER) throw new VerifyError('CHAIN_TAPROOT_TWEAK_INVALID', 'tweak is not below the curve order', {});
  const id = `${bytesToHex(internalKey)}:${t.toString(16)}`;
  const known = tweaked.get(id);
  if (known) return { key: known.key.slice(), parity: known.parity, leafHash };
  const Q = t === 0n ? P : P.add(Point.BASE.multiply(t));
  if (Q.equals(Point.ZERO)) throw new VerifyError('CHAIN_TAPROOT_TWEAK_INVALID', 'tweaked key is the point at infinity', {});
  const out = { key: schnorr.utils.pointToBytes(Q), parity: Number(Q.toAffine().y & 1n) };
  if (tweaked.size >= TWEAKED_MAX) tweaked.delete(tweaked.keys().next().value!);
  tweaked.set(id, { key: out.key.slice(), parity: out.parity });
  return { ...out, leafHash };
}

/**
 * Output keys already derived in this process, by (internal key, tweak): the fetch layer binds a reveal to choose what
 * to read and the inscriptions step binds it again. The derivation is a pure function of those two, so a remembered
 * key is the key. Bounded: the oldest go first.
 */
const tweaked = new Map<string, { key: Uint8Array; parity: number }>();
const TWEAKED_MAX = 8192;

/**
 * Check a script-path spend: the witness (annex stripped) ends with tapscript + control block, and they commit to
 * the spent P2TR output's key with the control block's parity. Returns what was bound.
 */
export function verifyTaprootScriptPath(witness: readonly Uint8Array[], spentScript: Uint8Array): TaprootScriptPath {
  const outputKey = outputKeyFromScript(spentScript);
  let stack = witness;
  let annex: Uint8Array | undefined;
  const last = stack[stack.length - 1];
  if (stack.length >= 2 && last![0] === ANNEX_TAG) {
    annex = last;
    stack = stack.slice(0, -1);
  }
  if (stack.length < 2) {
    throw new VerifyError('CHAIN_TAPROOT_NOT_SCRIPT_PATH', 'witness has no tapscript and control block (key-path spend or empty)', { items: witness.length });
  }
  const controlBlock = stack[stack.length - 1]!;
  const tapscript = stack[stack.length - 2]!;
  const { key, parity, leafHash } = outputKeyFromControlBlock(controlBlock, tapscript);
  const evidence = { expectedOutputKey: bytesToHex(outputKey), computedOutputKey: bytesToHex(key), leafHash: bytesToHex(leafHash) };
  if (!equalBytes(key, outputKey)) {
    throw new VerifyError('CHAIN_TAPROOT_KEY_MISMATCH', 'tapscript and control block do not commit to the spent output key', evidence);
  }
  if ((controlBlock[0]! & 1) !== parity) {
    throw new VerifyError('CHAIN_TAPROOT_PARITY_MISMATCH', 'control block parity bit does not match the output key', evidence);
  }
  return {
    tapscript,
    leafVersion: controlBlock[0]! & 0xfe,
    internalKey: bytesToHex(controlBlock.subarray(1, 33)),
    outputKey: bytesToHex(outputKey),
    leafHash: bytesToHex(leafHash),
    pathLength: (controlBlock.length - 33) / 32,
    ...(annex ? { annex } : {}),
  };
}

/**
 * Bind input `inputIndex` of a reveal transaction to its commit transaction: the input spends an output of
 * `commit` (whose bytes were re-hashed to the txid in the outpoint) and its witness commits to that output's key.
 */
export function verifyRevealBinding(reveal: ParsedTx, inputIndex: number, commit: ParsedTx): TaprootScriptPath & { commitTxid: string; vout: number } {
  const input = reveal.inputs[inputIndex];
  if (!input) throw new RangeError(`reveal has no input ${inputIndex}`);
  if (input.txid !== commit.txid) {
    throw new VerifyError('CHAIN_TAPROOT_PREVOUT_MISMATCH', 'the reveal input does not spend the given commit transaction', { inputIndex, spends: input.txid, commitTxid: commit.txid });
  }
  const output = commit.outputs[input.vout];
  if (!output) {
    throw new VerifyError('CHAIN_TAPROOT_PREVOUT_MISMATCH', 'the reveal input spends an output the commit transaction does not have', { inputIndex, vout: input.vout, outputs: commit.outputs.length });
  }
  return { ...verifyTaprootScriptPath(input.witness, output.script), commitTxid: commit.txid, vout: input.vout };
}

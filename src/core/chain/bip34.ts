/**
 * BIP34 block heights: from BIP34's activation (`NetworkParams.bip34Height`) every coinbase's scriptSig starts with
 * the block's height, pushed exactly as Bitcoin Core's `CScript() << nHeight` writes it (consensus:
 * `ContextualCheckBlock`, "bad-cb-height"). With the coinbase bound to the header as leaf 0 of its Merkle tree
 * (block-proof.ts), a block's height is proven by the block itself, not by a host's word.
 */
import { bytesToHex, concatBytes, equalBytes } from '../bytes';
import { VerifyError } from '../errors';
import type { ParsedTx } from './tx';

const NULL_TXID = '00'.repeat(32);

/** Minimal little-endian script number (CScriptNum) of a non-negative integer. */
function scriptNum(n: number): Uint8Array {
  const out: number[] = [];
  let v = n;
  while (v > 0) {
    out.push(v & 0xff);
    v = Math.floor(v / 256);
  }
  if (out.length > 0 && (out[out.length - 1]! & 0x80) !== 0) out.push(0);
  return Uint8Array.from(out);
}

/** The bytes a coinbase scriptSig must start with at `height`: OP_0, OP_1..OP_16, or a minimal push of the script number. */
export function bip34Prefix(height: number): Uint8Array {
  if (!Number.isSafeInteger(height) || height < 0 || height > 0x7fffffff) throw new RangeError('height must be in 0..2^31−1');
  if (height === 0) return Uint8Array.of(0x00);
  if (height <= 16) return Uint8Array.of(0x50 + height);
  const n = scriptNum(height);
  return concatBytes(Uint8Array.of(n.length), n);
}

/** Whether a transaction is a coinbase: one input, spending the null outpoint. */
export function isCoinbase(tx: ParsedTx): boolean {
  return tx.inputs.length === 1 && tx.inputs[0]!.txid === NULL_TXID && tx.inputs[0]!.vout === 0xffffffff;
}

/**
 * The height a coinbase commits to (BIP34), read from its scriptSig's first push. Throws CHAIN_COINBASE_MALFORMED
 * when the transaction is no coinbase, or its scriptSig does not start with exactly the push Core writes for some
 * height (a non-minimal, negative or PUSHDATA encoding of a number is not a BIP34 height).
 */
export function heightFromCoinbase(tx: ParsedTx): number {
  if (!isCoinbase(tx)) throw new VerifyError('CHAIN_COINBASE_MALFORMED', 'the transaction is not a coinbase (one input spending the null outpoint)', { txid: tx.txid });
  const s = tx.inputs[0]!.scriptSig;
  const op = s[0];
  if (op === undefined) throw new VerifyError('CHAIN_COINBASE_MALFORMED', 'the coinbase scriptSig is empty', { txid: tx.txid });
  let height: number | undefined;
  if (op === 0x00) height = 0;
  else if (op >= 0x51 && op <= 0x60) height = op - 0x50;
  else if (op >= 1 && op <= 4 && s.length >= 1 + op) {
    const bytes = s.subarray(1, 1 + op);
    if ((bytes[bytes.length - 1]! & 0x80) === 0) height = bytes.reduceRight((acc, b) => acc * 256 + b, 0);
  }
  // Only the form Core writes is a height: any other encoding of the same number is not BIP34's.
  if (height === undefined || height > 0x7fffffff || !equalBytes(s.subarray(0, bip34Prefix(height).length), bip34Prefix(height))) {
    throw new VerifyError('CHAIN_COINBASE_MALFORMED', 'the coinbase scriptSig does not start with a BIP34 height push', { txid: tx.txid, scriptSig: bytesToHex(s.subarray(0, 16)) });
  }
  return height;
}

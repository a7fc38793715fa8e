/** Minimal Bitcoin transaction decoder (consensus serialization, BIP144 witness) with views into the input bytes. */
import { sha256 } from '@noble/hashes/sha2.js';
import { toDisplayHex } from '../bytes';
import { VerifyError, type VerifyCode } from '../errors';

export interface RawTxInput {
  /** Previous txid, internal byte order (view). */
  prevTxid: Uint8Array;
  prevVout: number;
  /** View. */
  scriptSig: Uint8Array;
  sequence: number;
  /** Witness stack items (views); empty for inputs without witness. */
  witness: Uint8Array[];
}

export interface RawTxOutput {
  /** Satoshis. */
  value: bigint;
  /** View. */
  script: Uint8Array;
}

export interface RawTx {
  /** Txid in display order: sha256d of the serialization without marker, flag and witnesses. */
  txid: string;
  version: number;
  lockTime: number;
  inputs: RawTxInput[];
  outputs: RawTxOutput[];
  /** Output values in satoshis. */
  outputValues: bigint[];
  /** Serialized size in bytes, witness included. */
  size: number;
  /** Size without marker, flag and witnesses (what the txid hashes). */
  strippedSize: number;
  /** Whether the serialization has the segwit marker and flag (then some input has a witness). */
  hasWitness: boolean;
}

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  fail(code: VerifyCode, message: string): never {
    throw new VerifyError(code, message, { offset: this.pos, length: this.bytes.length });
  }

  need(n: number, what: string): void {
    if (n > this.bytes.length - this.pos) this.fail('INSCRIPTION_TX_TRUNCATED', `transaction ends inside ${what}`);
  }

  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }

  u32(what: string): number {
    this.need(4, what);
    const b = this.bytes;
    const p = this.pos;
    this.pos += 4;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16)) + b[p + 3]! * 0x1000000;
  }

  u64(what: string): bigint {
    const lo = this.u32(what);
    const hi = this.u32(what);
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** CompactSize, canonical only (as Bitcoin Core and rust-bitcoin require). */
  varint(what: string): number {
    const first = this.u8(what);
    if (first < 0xfd) return first;
    let n: number;
    let min: number;
    if (first === 0xfd) {
      n = this.u8(what) | (this.u8(what) << 8);
      min = 0xfd;
    } else if (first === 0xfe) {
      n = this.u32(what);
      min = 0x10000;
    } else {
      const lo = this.u32(what);
      const hi = this.u32(what);
      n = hi * 2 ** 32 + lo;
      min = 2 ** 32;
    }
    if (n < min) this.fail('INSCRIPTION_TX_NONCANONICAL_VARINT', `non-minimal CompactSize for ${what}`);
    return n;
  }

  /** A count of items each at least `minSize` bytes: bounded by what remains, so no huge allocation. */
  count(what: string, minSize: number): number {
    const n = this.varint(what);
    if (n * minSize > this.bytes.length - this.pos) this.fail('INSCRIPTION_TX_TRUNCATED', `${what} ${n} exceeds the remaining bytes`);
    return n;
  }
}

/**
 * Decode a raw transaction (rust-bitcoin's rules: input count 0 introduces the segwit flag, which must be 1; a witness
 * flag with all witnesses empty is invalid; no trailing bytes). Throws INSCRIPTION_TX_* VerifyErrors.
 */
export function parseRawTx(bytes: Uint8Array): RawTx {
  const r = new Reader(bytes);
  const version = r.u32('version');
  let segwit = false;
  let inCount = r.count('input count', 41);
  if (inCount === 0) {
    const flag = r.u8('segwit flag');
    if (flag !== 1) r.fail('INSCRIPTION_TX_BAD_SEGWIT_FLAG', `unsupported segwit flag ${flag}`);
    segwit = true;
    inCount = r.count('input count', 41);
  }
  const bodyStart = segwit ? 6 : 4;
  const inputs: RawTxInput[] = [];
  for (let i = 0; i < inCount; i++) {
    const prevTxid = r.take(32, 'previous txid');
    const prevVout = r.u32('previous vout');
    const scriptSig = r.take(r.varint('scriptSig length'), 'scriptSig');
    inputs.push({ prevTxid, prevVout, scriptSig, sequence: r.u32('sequence'), witness: [] });
  }
  const outCount = r.count('output count', 9);
  const outputs: RawTxOutput[] = [];
  for (let i = 0; i < outCount; i++) {
    const value = r.u64('output value');
    outputs.push({ value, script: r.take(r.varint('scriptPubKey length'), 'scriptPubKey') });
  }
  const bodyEnd = r.pos;
  if (segwit) {
    let anyWitness = false;
    for (const input of inputs) {
      const items = r.count('witness item count', 1);
      for (let j = 0; j < items; j++) input.witness.push(r.take(r.varint('witness item length'), 'witness item'));
      if (items > 0) anyWitness = true;
    }
    if (inputs.length > 0 && !anyWitness) r.fail('INSCRIPTION_TX_EMPTY_WITNESS', 'segwit flag set but no witness present');
  }
  const lockTime = r.take(4, 'locktime');
  if (r.pos !== bytes.length) r.fail('INSCRIPTION_TX_TRAILING_DATA', `${bytes.length - r.pos} bytes after the locktime`);

  const h = sha256.create();
  h.update(bytes.subarray(0, 4));
  h.update(bytes.subarray(bodyStart, bodyEnd));
  h.update(lockTime);
  const txid = toDisplayHex(sha256(h.digest()));
  const lock = lockTime[0]! | (lockTime[1]! << 8) | (lockTime[2]! << 16);
  return {
    txid, version, lockTime: lock + lockTime[3]! * 0x1000000, inputs, outputs, outputValues: outputs.map((o) => o.value), size: bytes.length,
    strippedSize: 8 + bodyEnd - bodyStart, hasWitness: segwit,
  };
}

/** Whether an outpoint is the null prevout of a coinbase input (txid all zero, vout 0xffffffff). */
export function isNullPrevout(input: RawTxInput): boolean {
  if (input.prevVout !== 0xffffffff) return false;
  for (const b of input.prevTxid) if (b !== 0) return false;
  return true;
}

/** 80-byte block header: serialization, hash, compact-target proof of work, nonce search, difficulty. */
import { sha256d, toDisplayHex } from '../core/bytes';
import { ByteReader, ByteWriter } from './encoding';

export interface Header {
  version: number;
  /** Internal byte order. */
  prevHash: Uint8Array;
  /** Internal byte order. */
  merkleRoot: Uint8Array;
  time: number;
  bits: number;
  nonce: number;
}

export function encodeHeader(h: Header): Uint8Array {
  return new ByteWriter().u32(h.version).bytes(h.prevHash).bytes(h.merkleRoot).u32(h.time).u32(h.bits).u32(h.nonce).finish();
}

export function decodeHeader(bytes: Uint8Array): Header {
  if (bytes.length !== 80) throw new RangeError('header must be 80 bytes');
  const r = new ByteReader(bytes);
  return {
    version: r.u32(),
    prevHash: Uint8Array.from(r.bytes(32)),
    merkleRoot: Uint8Array.from(r.bytes(32)),
    time: r.u32(),
    bits: r.u32(),
    nonce: r.u32(),
  };
}

/** Block hash in display hex. */
export function headerHash(bytes: Uint8Array): string {
  return toDisplayHex(sha256d(bytes));
}

/** Target of a compact `bits` value (negative or overflowing encodings are rejected with RangeError). */
export function targetFromBits(bits: number): bigint {
  const exp = bits >>> 24;
  const mant = bits & 0x7fffff;
  if ((bits & 0x800000) !== 0) throw new RangeError('negative compact target');
  return exp <= 3 ? BigInt(mant) >> BigInt(8 * (3 - exp)) : BigInt(mant) << BigInt(8 * (exp - 3));
}

function hashValue(headerBytes: Uint8Array): bigint {
  const digest = sha256d(headerBytes);
  let v = 0n;
  for (let i = digest.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(digest[i]!);
  return v;
}

export function meetsTarget(headerBytes: Uint8Array): boolean {
  const bits = new DataView(headerBytes.buffer, headerBytes.byteOffset + 72, 4).getUint32(0, true);
  return hashValue(headerBytes) <= targetFromBits(bits);
}

/** Real nonce search from 0 upwards; at regtest bits about two hashes per block. */
export function mineHeader(h: Omit<Header, 'nonce'>): { header: Header; bytes: Uint8Array } {
  for (let nonce = 0; nonce <= 0xffffffff; nonce++) {
    const header = { ...h, nonce };
    const bytes = encodeHeader(header);
    if (meetsTarget(bytes)) return { header, bytes };
  }
  throw new Error('nonce space exhausted');
}

/** bitcoind `GetDifficulty`: difficulty-1 target over this target, as a float. */
export function difficulty(bits: number): number {
  let shift = (bits >>> 24) & 0xff;
  let diff = 0x0000ffff / (bits & 0x00ffffff);
  while (shift < 29) {
    diff *= 256;
    shift++;
  }
  while (shift > 29) {
    diff /= 256;
    shift--;
  }
  return diff;
}

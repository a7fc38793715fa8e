/** Bitcoin block headers: 80-byte parsing, block hash, compact-target decoding, proof of work, chain linkage. */
import { equalBytes, parseHex, sha256d, toDisplayHex } from '../bytes';
import { VerifyError } from '../errors';
import type { NetworkParams } from './network';

export const HEADER_LENGTH = 80;

export interface Header {
  /** The 80 bytes as received. */
  bytes: Uint8Array;
  /** sha256d(bytes), display hex. */
  hash: string;
  version: number;
  /** Display hex. */
  prevHash: string;
  /** Display hex. */
  merkleRoot: string;
  /** Internal byte order (as hashed). */
  merkleRootInternal: Uint8Array;
  time: number;
  bits: number;
  nonce: number;
}

/** Parse 80 untrusted header bytes (or their hex). */
export function parseHeader(input: Uint8Array | string): Header {
  const bytes = typeof input === 'string' ? parseHex(input, 'CHAIN_HEADER_MALFORMED', 'header', HEADER_LENGTH) : input;
  if (bytes.length !== HEADER_LENGTH) {
    throw new VerifyError('CHAIN_HEADER_MALFORMED', `header must be ${HEADER_LENGTH} bytes, got ${bytes.length}`, { length: bytes.length });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_LENGTH);
  return {
    bytes,
    hash: toDisplayHex(sha256d(bytes)),
    version: view.getInt32(0, true),
    prevHash: toDisplayHex(bytes.subarray(4, 36)),
    merkleRoot: toDisplayHex(bytes.subarray(36, 68)),
    merkleRootInternal: bytes.slice(36, 68),
    time: view.getUint32(68, true),
    bits: view.getUint32(72, true),
    nonce: view.getUint32(76, true),
  };
}

/** Compact bits as evidence shows them: 0x and 8 hex digits. */
export function bitsHex(bits: number): string {
  return `0x${bits.toString(16).padStart(8, '0')}`;
}

/** A 256-bit target or hash as 64 hex digits. */
export function hex64(n: bigint): string {
  return n.toString(16).padStart(64, '0');
}

/**
 * Decode compact `bits` to a target (Bitcoin Core arith_uint256::SetCompact). Negative, zero and overflowing
 * encodings are rejected: consensus never accepts them.
 */
export function targetFromBits(bits: number): bigint {
  if (!Number.isInteger(bits) || bits < 0 || bits > 0xffffffff) throw new RangeError(`bits out of u32 range: ${bits}`);
  const exponent = bits >>> 24;
  const mantissa = bits & 0x007fffff;
  const evidence = { bits: bitsHex(bits) };
  if (mantissa !== 0 && (bits & 0x00800000) !== 0) throw new VerifyError('CHAIN_BITS_INVALID', 'bits encode a negative target', evidence);
  const overflow = mantissa !== 0 && (exponent > 34 || (mantissa > 0xff && exponent > 33) || (mantissa > 0xffff && exponent > 32));
  if (overflow) throw new VerifyError('CHAIN_BITS_INVALID', 'bits overflow 256 bits', evidence);
  const target = exponent <= 3 ? BigInt(mantissa >>> (8 * (3 - exponent))) : BigInt(mantissa) << BigInt(8 * (exponent - 3));
  if (target === 0n) throw new VerifyError('CHAIN_BITS_INVALID', 'bits encode a zero target', evidence);
  return target;
}

/** The header hash as a 256-bit number (hashes compare as little-endian integers). */
export function hashAsNumber(header: Header): bigint {
  return BigInt('0x' + header.hash);
}

/**
 * Proof of work: the target from `bits` is within the network's powLimit and light-client floor, and the block
 * hash is at or below it. Returns the target.
 */
export function verifyPow(header: Header, network: NetworkParams): bigint {
  const target = targetFromBits(header.bits);
  const evidence = { blockHash: header.hash, bits: bitsHex(header.bits), target: hex64(target), network: network.name };
  if (target > network.powLimit) {
    throw new VerifyError('CHAIN_TARGET_ABOVE_POW_LIMIT', `target is above the ${network.name} powLimit`, { ...evidence, powLimit: hex64(network.powLimit) });
  }
  if (target > network.floorTarget) {
    throw new VerifyError('CHAIN_TARGET_ABOVE_FLOOR', `target is easier than the ${network.name} minimum-difficulty floor`, { ...evidence, floor: hex64(network.floorTarget), floorReason: network.floorReason });
  }
  if (hashAsNumber(header) > target) throw new VerifyError('CHAIN_POW_INSUFFICIENT', 'block hash is above its target', evidence);
  return target;
}

/** Expected work of a header: 2^256 / (target + 1), as Bitcoin Core's GetBlockProof. */
export function workFromTarget(target: bigint): bigint {
  return (1n << 256n) / (target + 1n);
}

/** Each header's previous-block hash is the hash of the header before it. Returns the total work. */
export function verifyHeaderChain(headers: readonly Header[], network: NetworkParams): bigint {
  let work = 0n;
  headers.forEach((h, i) => {
    work += workFromTarget(verifyPow(h, network));
    const prev = headers[i - 1];
    if (prev && !equalBytes(h.bytes.subarray(4, 36), sha256d(prev.bytes))) {
      throw new VerifyError('CHAIN_HEADER_NOT_LINKED', `header ${i} does not build on header ${i - 1}`, { index: i, prevHash: h.prevHash, expected: prev.hash });
    }
  });
  return work;
}


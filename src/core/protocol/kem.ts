/** Commit packages: Paillier KEM with key-derived randomness (re-checkable) + ChaCha20-Poly1305 DEM (docs/protocol.md §7). */
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { PublicKey } from 'paillier-bigint';
import { bytesToHex, concatBytes, equalBytes, parseHex } from '../bytes';
import { VerifyError } from '../errors';
import { bigintToBytes, bytesToBigint, byteLength, gcd } from '../crypto/bigint-math';
import { taggedHash } from '../crypto/tagged-hash';
import { inscriptionIdBytes, u32be, type InscriptionId } from './ids';
import type { NetworkName } from '../chain/network';

export const KEM_R_TAG = 'drey/v1/paillier/r';
const NONCE = new Uint8Array(12);

/**
 * r(k) = HashToInt("drey/v1/paillier/r", k) mod N: the big-endian integer of the blocks
 * taggedHash(tag, k ‖ attempt u32 BE ‖ block u32 BE), block = 0, 1, … until |N| + 16 bytes, reduced mod N.
 * If r = 0 or gcd(r, N) ≠ 1 (which would factor N), attempt + 1.
 */
export function kemRandomness(n: bigint, key: Uint8Array): bigint {
  if (key.length !== 32) throw new RangeError('kemRandomness: key must be 32 bytes');
  const want = byteLength(n) + 16;
  for (let attempt = 0; ; attempt++) {
    const blocks: Uint8Array[] = [];
    for (let i = 0; i * 32 < want; i++) blocks.push(taggedHash(KEM_R_TAG, key, u32be(attempt), u32be(i)));
    const r = bytesToBigint(concatBytes(...blocks).subarray(0, want)) % n;
    if (r !== 0n && gcd(r, n) === 1n) return r;
  }
}

/** c = E(k, r(k)) = g^k · r^N mod N² with g = N + 1, as 2·|N| big-endian bytes. */
export function kemEncrypt(n: bigint, key: Uint8Array): Uint8Array {
  const pub = new PublicKey(n, n + 1n);
  const c = pub.encrypt(bytesToBigint(key), kemRandomness(n, key));
  return bigintToBytes(c, 2 * byteLength(n));
}

export interface PackageContext {
  network: NetworkName;
  genesis: InscriptionId;
  month: number;
  /** The committing actuary's x-only key, hex. */
  actuary: string;
}

/** AEAD associated data: u8 len(network) ‖ network ‖ genesisId36 ‖ month u32 BE ‖ actuary key (32 bytes). */
export function packageAad(ctx: PackageContext): Uint8Array {
  const net = new TextEncoder().encode(ctx.network);
  return concatBytes(Uint8Array.of(net.length), net, inscriptionIdBytes(ctx.genesis), u32be(ctx.month),
    parseHex(ctx.actuary, 'REVEAL_MALFORMED', 'actuary key', 32));
}

/** Producer side: encrypt a package under a fresh 32-byte key k (one key per package, so nonce 0 is safe). */
export function sealPackage(n: bigint, key: Uint8Array, plaintext: Uint8Array, ctx: PackageContext): { kem: Uint8Array; ciphertext: Uint8Array } {
  return { kem: kemEncrypt(n, key), ciphertext: chacha20poly1305(key, NONCE, packageAad(ctx)).encrypt(plaintext) };
}

/**
 * Verifier side: re-encrypt the revealed key and compare with the committed KEM ciphertext (REVEAL_KEM_MISMATCH),
 * then open the AEAD (REVEAL_AEAD_FAILED). Returns the package plaintext.
 */
export function openPackage(n: bigint, kemHex: string, ciphertextHex: string, keyHex: string, ctx: PackageContext): Uint8Array {
  const key = parseHex(keyHex, 'REVEAL_MALFORMED', 'revealed key', 32);
  const committed = parseHex(kemHex, 'REVEAL_MALFORMED', 'KEM ciphertext', 2 * byteLength(n));
  const ciphertext = parseHex(ciphertextHex, 'REVEAL_MALFORMED', 'package ciphertext');
  const computed = kemEncrypt(n, key);
  if (!equalBytes(computed, committed)) {
    throw new VerifyError('REVEAL_KEM_MISMATCH', 'the revealed key does not re-encrypt to the committed KEM ciphertext', {
      key: keyHex, actuary: ctx.actuary, computed: bytesToHex(computed).slice(0, 64) + '…', committed: kemHex.slice(0, 64) + '…',
    });
  }
  try {
    return chacha20poly1305(key, NONCE, packageAad(ctx)).decrypt(ciphertext);
  } catch {
    throw new VerifyError('REVEAL_AEAD_FAILED', 'the package does not decrypt and authenticate under the revealed key', {
      actuary: ctx.actuary, month: ctx.month, bytes: ciphertext.length,
    });
  }
}

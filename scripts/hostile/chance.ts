/** Seeded, order-independent randomness for the hostile proxies: the same seed and key always give the same draw. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8 } from '../../src/core/bytes';

/** A number in [0, 1) named by (seed, key): concurrent requests draw the same values in any arrival order. */
export function draw(seed: string, key: string): number {
  const h = sha256(utf8.encode(`drey/hostile/${seed}/${key}`));
  return new DataView(h.buffer, h.byteOffset).getUint32(0) / 2 ** 32;
}

/** 32 bytes as hex named by (seed, key): forged hashes and txids. */
export function fakeHash(seed: string, key: string): string {
  return bytesToHex(sha256(utf8.encode(`drey/hostile/${seed}/hash/${key}`)));
}

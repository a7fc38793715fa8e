/**
 * The BIP341 tweak rules no real key reaches (a TapTweak hash at or above the curve order, a zero tweak, a tweaked
 * key at infinity): the TapTweak tagged hash is forced to chosen values to exercise them.
 */
import { describe, expect, it, vi } from 'vitest';
import { schnorr } from '@noble/curves/secp256k1.js';
import { bytesToHex, hexToBytes } from '../bytes';
import { errorOf } from '../errors.test-util';

const forced = vi.hoisted(() => ({ tweak: undefined as Uint8Array | undefined }));
vi.mock('@noble/curves/secp256k1.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@noble/curves/secp256k1.js')>();
  const taggedHash = (tag: string, ...msgs: Uint8Array[]): Uint8Array =>
    (tag === 'TapTweak' && forced.tweak ? forced.tweak : actual.schnorr.utils.taggedHash(tag, ...msgs));
  return { ...actual, schnorr: { ...actual.schnorr, utils: { ...actual.schnorr.utils, taggedHash } } };
});
const { outputKeyFromControlBlock } = await import('./taproot');

const N = schnorr.Point.Fn.ORDER;
const be32 = (n: bigint) => hexToBytes(n.toString(16).padStart(64, '0'));
const script = Uint8Array.of(0x51);
/** An internal key with a known discrete log d (x-only keys lift to even y, so d is negated when y is odd). */
function keyWithLog(seed: bigint): { x: Uint8Array; d: bigint } {
  const P = schnorr.Point.BASE.multiply(seed).toAffine();
  return { x: be32(P.x), d: P.y % 2n === 0n ? seed : N - seed };
}
const run = (tweak: bigint, x: Uint8Array) => {
  forced.tweak = be32(tweak);
  try { return outputKeyFromControlBlock(Uint8Array.from([0xc0, ...x]), script); } finally { forced.tweak = undefined; }
};

describe('BIP341 tweak rules', () => {
  const { x, d } = keyWithLog(123456789n);

  it('a tweak of n - 1 is used; a tweak of n or above is refused', () => {
    expect(run(N - 1n, x).key).toHaveLength(32);
    for (const t of [N, N + 1n, (1n << 256n) - 1n]) expect(errorOf(() => run(t, x)).code).toBe('CHAIN_TAPROOT_TWEAK_INVALID');
  });

  it('a zero tweak leaves the internal key as the output key, with its even Y', () => {
    const r = run(0n, x);
    expect(bytesToHex(r.key)).toBe(bytesToHex(x));
    expect(r.parity).toBe(0);
  });

  it('a tweak that cancels the internal key (t = -d) gives the point at infinity and is refused', () => {
    expect(errorOf(() => run(N - d, x)).code).toBe('CHAIN_TAPROOT_TWEAK_INVALID');
    expect(run(N - d + 1n, x).key).toEqual(be32(schnorr.Point.BASE.toAffine().x));
  });

  it('the output key is P + tG with the parity of its Y', () => {
    const Q = schnorr.Point.BASE.multiply(d + 5n).toAffine();
    const r = run(5n, x);
    expect(bytesToHex(r.key)).toBe(bytesToHex(be32(Q.x)));
    expect(r.parity).toBe(Number(Q.y & 1n));
  });
});

/** Dealer-based threshold BLS on BLS12-381 (short signatures: G1 sig, G2 key) for the lottery producers: shares, partials, Lagrange combination. */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';

const Fr = bls12_381.fields.Fr;
const G1 = bls12_381.G1.Point;
const G2 = bls12_381.G2.Point;

export interface BlsShare { index: number; secret: bigint; publicKey: Uint8Array }
export interface BlsDeal { groupKey: Uint8Array; threshold: number; shares: BlsShare[] }

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
}

/** A scalar in [1, r) derived from 64 bytes of SHA-256 output (bias below 2^-256). */
function scalarFromSeed(seed: Uint8Array, j: number): bigint {
  const wide = concatBytes(sha256(concatBytes(seed, u32(j), Uint8Array.of(0))), sha256(concatBytes(seed, u32(j), Uint8Array.of(1))));
  let x = 0n;
  for (const b of wide) x = (x << 8n) | BigInt(b);
  return (x % (Fr.ORDER - 1n)) + 1n;
}

/**
 * Deal a t-of-n key deterministically from a seed: f(X) = a_0 + … + a_{t−1}X^{t−1}, share i = f(i), group key a_0·G2.
 * The dealer knows the whole key: devnet only.
 */
export function dealBlsKey(seed: Uint8Array, threshold: number, parties: number): BlsDeal {
  if (!(threshold >= 1 && threshold <= parties && parties <= 255)) throw new RangeError('dealBlsKey: need 1 ≤ t ≤ n ≤ 255');
  const coeffs = Array.from({ length: threshold }, (_, j) => scalarFromSeed(concatBytes(new TextEncoder().encode('drey/v1/bls-dealer'), seed), j));
  const shares: BlsShare[] = [];
  for (let i = 1; i <= parties; i++) {
    let y = 0n;
    for (let j = coeffs.length - 1; j >= 0; j--) y = Fr.add(Fr.mul(y, BigInt(i)), coeffs[j]!);
    shares.push({ index: i, secret: y, publicKey: G2.BASE.multiply(y).toBytes() });
  }
  return { groupKey: G2.BASE.multiply(coeffs[0]!).toBytes(), threshold, shares };
}

/** σ_i = s_i·H(m), with H(m) already hashed to G1. */
export function partialSign(share: BlsShare, hashed: InstanceType<typeof G1>): Uint8Array {
  return hashed.multiply(share.secret).toBytes();
}

/** Combine t partial signatures by Lagrange interpolation at 0: σ = Σ λ_i σ_i (the same σ for every t-subset). */
export function combinePartials(partials: { index: number; signature: Uint8Array }[]): Uint8Array {
  const idx = partials.map((p) => BigInt(p.index));
  if (new Set(idx).size !== idx.length) throw new RangeError('combinePartials: duplicate index');
  let acc = G1.ZERO;
  partials.forEach((p, k) => {
    const i = idx[k]!;
    let num = 1n;
    let den = 1n;
    for (const j of idx) {
      if (j === i) continue;
      num = Fr.mul(num, j);
      den = Fr.mul(den, Fr.sub(j, i));
    }
    acc = acc.add(G1.fromBytes(p.signature).multiply(Fr.div(num, den)));
  });
  return acc.toBytes();
}

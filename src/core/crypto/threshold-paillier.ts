/**
 * Threshold Paillier decryption for the dispute path (Shoup / Damgård–Jurik style, as in Tiresias, eprint 2023/998):
 * integer Shamir sharing of d, shares c_i = c^{2Δs_i}, equality-of-discrete-log proofs, combination.
 * The dealer knows p and q: devnet only.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { VerifyError } from '../errors';
import { bigintToBytes, bitLength, byteLength, bytesToBigint, mod, modInv, modPow, modPowSigned } from './bigint-math';
import { taggedHash } from './tagged-hash';

export interface ThresholdPaillierPublic {
  n: bigint;
  parties: number;
  threshold: number;
  /** v, a random square mod N², and v_i = v^{Δ s_i} for party i = 1..n (index i−1). */
  v: bigint;
  verificationKeys: bigint[];
}

export interface ThresholdPaillierDeal { pub: ThresholdPaillierPublic; shares: { index: number; secret: bigint }[] }

export interface DecryptionShare { index: number; share: bigint; e: bigint; z: bigint }

const CHALLENGE_BYTES = 16;

export function factorial(n: number): bigint {
  let f = 1n;
  for (let i = 2n; i <= BigInt(n); i++) f *= i;
  return f;
}

/** A deterministic stream of `bits` random bits from a seed and a label. */
function streamInt(seed: Uint8Array, label: string, bits: number): bigint {
  const bytes = Math.ceil(bits / 8);
  const blocks: Uint8Array[] = [];
  for (let i = 0; i * 32 < bytes; i++) blocks.push(taggedHash('drey/v1/paillier/dealer', seed, new TextEncoder().encode(label), bigintToBytes(BigInt(i), 4)));
  return bytesToBigint(concatBytes(...blocks).subarray(0, bytes)) >> BigInt(bytes * 8 - bits);
}

/**
 * Deal from safe primes p = 2p'+1, q = 2q'+1: m = p'q', d ≡ 0 mod m and d ≡ 1 mod N, f(X) = d + Σ a_j X^j over the
 * integers with a_j of |d| + 128 + |Δ| bits, s_i = f(i), v = h² mod N², v_i = v^{Δ s_i}. Deterministic from the seed.
 */
export function dealThresholdPaillier(p: bigint, q: bigint, threshold: number, parties: number, seed: Uint8Array): ThresholdPaillierDeal {
  if (!(threshold >= 1 && threshold <= parties && parties <= 64)) throw new RangeError('dealThresholdPaillier: need 1 ≤ t ≤ n ≤ 64');
  const n = p * q;
  const n2 = n * n;
  const m = ((p - 1n) / 2n) * ((q - 1n) / 2n);
  const d = m * modInv(m, n);
  const delta = factorial(parties);
  const coeffBits = bitLength(d) + 128 + bitLength(delta);
  const coeffs = [d, ...Array.from({ length: threshold - 1 }, (_, j) => streamInt(seed, `coeff ${j + 1}`, coeffBits))];
  const shares = Array.from({ length: parties }, (_, k) => {
    const i = BigInt(k + 1);
    let y = 0n;
    for (let j = coeffs.length - 1; j >= 0; j--) y = y * i + coeffs[j]!;
    return { index: k + 1, secret: y };
  });
  let h = 0n;
  for (let ctr = 0; h === 0n || bitLength(h) < 2; ctr++) h = mod(streamInt(seed, `v ${ctr}`, bitLength(n2) + 128), n2);
  const v = modPow(h, 2n, n2);
  return { pub: { n, parties, threshold, v, verificationKeys: shares.map((s) => modPow(v, delta * s.secret, n2)) }, shares };
}

function challenge(pub: ThresholdPaillierPublic, c4: bigint, ci2: bigint, vi: bigint, a: bigint, b: bigint): bigint {
  const len = 2 * byteLength(pub.n);
  const h = taggedHash('drey/v1/paillier/dleq', ...[c4, ci2, pub.v, vi, a, b].map((x) => bigintToBytes(x, len)));
  return bytesToBigint(h.subarray(0, CHALLENGE_BYTES));
}

/** Party i's decryption share c_i = c^{2Δs_i} with a proof that log_{c⁴}(c_i²) = log_v(v_i). Nonce derived from the secret and c. */
export function decryptionShare(pub: ThresholdPaillierPublic, share: { index: number; secret: bigint }, c: bigint): DecryptionShare {
  const n2 = pub.n * pub.n;
  const delta = factorial(pub.parties);
  const x = delta * share.secret;
  const ci = modPow(c, 2n * x, n2);
  const c4 = modPow(c, 4n, n2);
  const rhoBits = bitLength(x) + 8 * CHALLENGE_BYTES + 128;
  const rho = bytesToBigint(concatBytes(...Array.from({ length: Math.ceil(rhoBits / 256) }, (_, k) =>
    sha256(concatBytes(new TextEncoder().encode('drey/v1/paillier/nonce'), bigintToBytes(share.secret, byteLength(share.secret)), bigintToBytes(c, 2 * byteLength(pub.n)), Uint8Array.of(k))))));
  const a = modPow(c4, rho, n2);
  const b = modPow(pub.v, rho, n2);
  const vi = pub.verificationKeys[share.index - 1]!;
  const e = challenge(pub, c4, modPow(ci, 2n, n2), vi, a, b);
  return { index: share.index, share: ci, e, z: rho + e * x };
}

/** Check one share's proof against v and v_i (REVEAL_SHARE_INVALID). */
export function verifyDecryptionShare(pub: ThresholdPaillierPublic, c: bigint, s: DecryptionShare): void {
  const n2 = pub.n * pub.n;
  const vi = pub.verificationKeys[s.index - 1];
  const bad = (why: string): never => {
    throw new VerifyError('REVEAL_SHARE_INVALID', `decryption share of party ${s.index}: ${why}`, { party: s.index });
  };
  if (vi === undefined || !Number.isInteger(s.index) || s.index < 1) return bad('no such party');
  if (s.share <= 0n || s.share >= n2 || s.z < 0n || s.e < 0n || s.e >= 1n << BigInt(8 * CHALLENGE_BYTES)) return bad('value out of range');
  const c4 = modPow(c, 4n, n2);
  const ci2 = modPow(s.share, 2n, n2);
  let a: bigint;
  let b: bigint;
  try {
    a = (modPow(c4, s.z, n2) * modPowSigned(ci2, -s.e, n2)) % n2;
    b = (modPow(pub.v, s.z, n2) * modPowSigned(vi, -s.e, n2)) % n2;
  } catch {
    return bad('share is not invertible mod N²');
  }
  if (challenge(pub, c4, ci2, vi, a, b) !== s.e) bad('equality-of-discrete-log proof fails');
}

/** m = L(Π c_i^{2μ_i} mod N²)·(4Δ²)⁻¹ mod N with μ_i = Δ·Π_{j≠i} j/(j−i); needs exactly t verified shares. */
export function combineDecryptionShares(pub: ThresholdPaillierPublic, shares: DecryptionShare[]): bigint {
  if (shares.length !== pub.threshold) throw new RangeError(`combineDecryptionShares: need exactly ${pub.threshold} shares`);
  const n2 = pub.n * pub.n;
  const delta = factorial(pub.parties);
  const idx = shares.map((s) => BigInt(s.index));
  if (new Set(idx).size !== idx.length) throw new RangeError('combineDecryptionShares: duplicate party');
  let acc = 1n;
  shares.forEach((s, k) => {
    const i = idx[k]!;
    let num = delta;
    let den = 1n;
    for (const j of idx) {
      if (j === i) continue;
      num *= j;
      den *= j - i;
    }
    acc = (acc * modPowSigned(s.share, (2n * num) / den, n2)) % n2;
  });
  const L = (acc - 1n) / pub.n;
  return mod(L * modInv(4n * delta * delta, pub.n), pub.n);
}

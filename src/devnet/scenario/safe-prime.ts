/**
 * Deterministic safe primes p = 2p' + 1 for the devnet's dealt Paillier key: a seeded start, then the next candidate
 * that passes small-prime sieving and Node's Miller–Rabin (`crypto.checkPrimeSync`) for both p' and p.
 * DEVNET ONLY: a dealer who knows p and q can open every package; production needs a dealer-free modulus.
 */
import { checkPrimeSync } from 'node:crypto';
import { bytesToHex } from '../../core/bytes';
import { Rng } from './rng';

const SMALL = [3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n, 43n, 47n, 53n, 59n, 61n, 67n, 71n, 73n, 79n, 83n, 89n, 97n];

function sieved(x: bigint): boolean {
  for (const s of SMALL) if (x % s === 0n && x !== s) return false;
  return true;
}

/** The first safe prime of exactly `bits` bits at or after a seeded start (p ≡ 3 mod 4, so p' is odd). */
export function deterministicSafePrime(seed: string, label: string, bits: number): bigint {
  const rng = new Rng(seed, `safe-prime/${label}`);
  let start = BigInt('0x' + bytesToHex(rng.bytes(bits / 8)));
  start |= 1n << BigInt(bits - 1);
  start |= 1n << BigInt(bits - 2);
  let p = start - (start % 4n) + 3n;
  for (;; p += 4n) {
    const q = (p - 1n) / 2n;
    if (!sieved(q) || !sieved(p)) continue;
    if (checkPrimeSync(q, { checks: 24 }) && checkPrimeSync(p, { checks: 24 })) return p;
  }
}

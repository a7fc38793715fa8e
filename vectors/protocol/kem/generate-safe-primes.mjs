// Generates the fixed safe primes used by the KEM and threshold-Paillier tests and benchmarks (node:crypto, OpenSSL).
// Run: node vectors/protocol/kem/generate-safe-primes.mjs > vectors/protocol/kem/safe-primes.json
import { generatePrimeSync } from 'node:crypto';

const pair = (bits) => {
  const p = generatePrimeSync(bits, { safe: true, bigint: true });
  let q;
  do q = generatePrimeSync(bits, { safe: true, bigint: true }); while (q === p);
  return { modulus_bits: 2 * bits, p: p.toString(16), q: q.toString(16) };
};
process.stdout.write(JSON.stringify({
  source: 'node:crypto generatePrimeSync(bits, { safe: true }) via generate-safe-primes.mjs; test keys only, never for real funds',
  keys: [pair(256), pair(1024)],
}, null, 1) + '\n');

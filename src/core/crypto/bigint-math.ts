/** Modular arithmetic on bigint for the Paillier code: exponentiation (5-bit fixed window), inverse, gcd, byte conversions. */

export function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

/** base^exp mod m for exp ≥ 0 (a negative exponent is a caller bug). */
export function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  if (exp < 0n) throw new RangeError('modPow: negative exponent');
  if (m === 1n) return 0n;
  const b = mod(base, m);
  const table: bigint[] = [1n];
  for (let i = 1; i < 32; i++) table.push((table[i - 1]! * b) % m);
  const bits = exp.toString(2);
  const pad = (5 - (bits.length % 5)) % 5;
  const s = '0'.repeat(pad) + bits;
  let r = 1n;
  for (let i = 0; i < s.length; i += 5) {
    if (i > 0) for (let k = 0; k < 5; k++) r = (r * r) % m;
    const w = parseInt(s.slice(i, i + 5), 2);
    if (w) r = (r * table[w]!) % m;
  }
  return r;
}

export function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

/** a⁻¹ mod m; RangeError when gcd(a, m) ≠ 1. */
export function modInv(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new RangeError('modInv: not invertible');
  return mod(s0, m);
}

/** base^exp mod m allowing a negative exponent (base must be invertible). */
export function modPowSigned(base: bigint, exp: bigint, m: bigint): bigint {
  return exp < 0n ? modPow(modInv(base, m), -exp, m) : modPow(base, exp, m);
}

export function bytesToBigint(b: Uint8Array): bigint {
  let x = 0n;
  for (const v of b) x = (x << 8n) | BigInt(v);
  return x;
}

/** Big-endian, exactly `len` bytes (RangeError if it does not fit). */
export function bigintToBytes(x: bigint, len: number): Uint8Array {
  if (x < 0n) throw new RangeError('bigintToBytes: negative');
  const out = new Uint8Array(len);
  for (let i = len - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  if (x !== 0n) throw new RangeError('bigintToBytes: value too large');
  return out;
}

export function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

export function byteLength(x: bigint): number {
  return Math.ceil(bitLength(x) / 8);
}

/**
 * Compact binary encoding of Groth16/BN254 proofs and verifying keys for on-chain use: compressed points with
 * gnark-crypto's BN254 flag convention (big-endian x; the two top bits of the first byte are the flags).
 *
 *   G1 (32 bytes): x.                 G2 (64 bytes): x.c1 ‖ x.c0 (imaginary part first).
 *   flags: 0b10 = y is the smaller root, 0b11 = y is the larger root ("larger" = y > (p−1)/2; for Fp2 compared on
 *          c1, or on c0 when c1 = 0), 0b01 with all other bits zero = the point at infinity; 0b00 is rejected.
 *   proof (128 bytes): A ‖ B ‖ C.
 *   vkey (4 + 224 + 32·(n+1) bytes): nPublic (u32 big-endian) ‖ α ‖ β ‖ γ ‖ δ ‖ IC₀ … ICₙ.
 */
import { VerifyError } from '../errors';
import { Fp, Fp2, G1Point, G2Point, P, g1FromAffine, g2FromAffine, requireFinite, type G1, type G2, type Fp2 as Fp2T } from './bn254';
import { MAX_PUBLIC_INPUTS } from './groth16-json';
import type { Groth16Proof, Groth16VerifyingKey } from './groth16-types';

export const G1_BYTES = 32;
export const G2_BYTES = 64;
export const PROOF_BYTES = 2 * G1_BYTES + G2_BYTES;
const VKEY_FIXED_BYTES = 4 + G1_BYTES + 3 * G2_BYTES;

const FLAG_MASK = 0b1100_0000;
const FLAG_SMALL = 0b1000_0000;
const FLAG_LARGE = 0b1100_0000;
const FLAG_INFINITY = 0b0100_0000;
/** (p − 1)/2: a coordinate above it is the "larger" square root. */
export const HALF = (P - 1n) / 2n;

export function malformed(what: string, message: string): never {
  throw new VerifyError('PROOF_MALFORMED_ENCODING', `${what}: ${message}`, { field: what });
}

function writeBig(out: Uint8Array, offset: number, v: bigint): void {
  for (let i = 31; i >= 0; i--, v >>= 8n) out[offset + i] = Number(v & 0xffn);
}

export function readBig(bytes: Uint8Array, offset: number): bigint {
  let v = 0n;
  for (let i = 0; i < 32; i++) v = (v << 8n) | BigInt(bytes[offset + i]!);
  return v;
}

export const fp2IsLarge = (y: Fp2T): boolean => (y.c1 === 0n ? y.c0 > HALF : y.c1 > HALF);

function encodeG1(p: G1, out: Uint8Array, offset: number): void {
  if (p.is0()) { out[offset] = FLAG_INFINITY; return; }
  const { x, y } = p.toAffine();
  writeBig(out, offset, x);
  out[offset]! |= y > HALF ? FLAG_LARGE : FLAG_SMALL;
}

function encodeG2(p: G2, out: Uint8Array, offset: number): void {
  if (p.is0()) { out[offset] = FLAG_INFINITY; return; }
  const { x, y } = p.toAffine();
  writeBig(out, offset, x.c1);
  writeBig(out, offset + 32, x.c0);
  out[offset]! |= fp2IsLarge(y) ? FLAG_LARGE : FLAG_SMALL;
}

/** The flag bits and the x bytes with the flags cleared; null for a well-formed infinity. */
export function readFlags(bytes: Uint8Array, offset: number, length: number, what: string): { large: boolean; raw: Uint8Array } | null {
  const flag = bytes[offset]! & FLAG_MASK;
  const raw = bytes.slice(offset, offset + length);
  raw[0]! &= ~FLAG_MASK;
  if (flag === FLAG_INFINITY) {
    if (raw.some((b) => b !== 0)) malformed(what, 'infinity flag with nonzero coordinate bits');
    return null;
  }
  if (flag !== FLAG_SMALL && flag !== FLAG_LARGE) malformed(what, 'not a compressed point (flag bits 0b00)');
  return { large: flag === FLAG_LARGE, raw };
}

export function coordinate(raw: Uint8Array, offset: number, what: string): bigint {
  const v = readBig(raw, offset);
  if (v >= P) throw new VerifyError('PROOF_COORDINATE_RANGE', `${what}: x is not below the base field modulus p`, { field: what });
  return v;
}

function sqrtOrNull<T>(field: { sqrt(v: T): T; sqr(v: T): T; eql(a: T, b: T): boolean }, v: T): T | null {
  try {
    const s = field.sqrt(v);
    return field.eql(field.sqr(s), v) ? s : null;
  } catch {
    return null;
  }
}

export function decodeG1(bytes: Uint8Array, offset: number, what: string): G1 {
  const f = readFlags(bytes, offset, G1_BYTES, what);
  if (!f) return G1Point.ZERO;
  const x = coordinate(f.raw, 0, what);
  const root = sqrtOrNull(Fp, Fp.add(Fp.mul(Fp.sqr(x), x), G1Point.CURVE().b));
  if (root === null) throw new VerifyError('PROOF_POINT_NOT_ON_CURVE', `${what}: no curve point has this x`, { field: what });
  if (root === 0n && f.large) malformed(what, 'y = 0 must use the "smaller" flag');
  const y = (root > HALF) === f.large ? root : Fp.neg(root);
  return g1FromAffine(x, y, what);
}

export function decodeG2(bytes: Uint8Array, offset: number, what: string, subgroup = true): G2 {
  const f = readFlags(bytes, offset, G2_BYTES, what);
  if (!f) return G2Point.ZERO;
  const x = { c1: coordinate(f.raw, 0, what), c0: coordinate(f.raw, 32, what) };
  const root = sqrtOrNull(Fp2, Fp2.add(Fp2.mul(Fp2.sqr(x), x), G2Point.CURVE().b));
  if (root === null) throw new VerifyError('PROOF_POINT_NOT_ON_CURVE', `${what}: no twist point has this x`, { field: what });
  if (Fp2.is0(root) && f.large) malformed(what, 'y = 0 must use the "smaller" flag');
  const y = fp2IsLarge(root) === f.large ? root : Fp2.neg(root);
  return g2FromAffine(x, y, what, subgroup);
}

export function encodeProof(proof: Groth16Proof): Uint8Array {
  const out = new Uint8Array(PROOF_BYTES);
  encodeG1(proof.a, out, 0);
  encodeG2(proof.b, out, G1_BYTES);
  encodeG1(proof.c, out, G1_BYTES + G2_BYTES);
  return out;
}

export function decodeProof(bytes: Uint8Array): Groth16Proof {
  if (bytes.length !== PROOF_BYTES) malformed('proof', `expected ${PROOF_BYTES} bytes, got ${bytes.length}`);
  return {
    a: requireFinite(decodeG1(bytes, 0, 'pi_a'), 'pi_a'),
    b: requireFinite(decodeG2(bytes, G1_BYTES, 'pi_b'), 'pi_b'),
    c: requireFinite(decodeG1(bytes, G1_BYTES + G2_BYTES, 'pi_c'), 'pi_c'),
  };
}

export function encodeVkey(vk: Groth16VerifyingKey): Uint8Array {
  const out = new Uint8Array(VKEY_FIXED_BYTES + G1_BYTES * vk.ic.length);
  new DataView(out.buffer).setUint32(0, vk.nPublic);
  encodeG1(vk.alpha, out, 4);
  encodeG2(vk.beta, out, 4 + G1_BYTES);
  encodeG2(vk.gamma, out, 4 + G1_BYTES + G2_BYTES);
  encodeG2(vk.delta, out, 4 + G1_BYTES + 2 * G2_BYTES);
  vk.ic.forEach((p, i) => encodeG1(p, out, VKEY_FIXED_BYTES + G1_BYTES * i));
  return out;
}

/** A compact verifying key; `g2Subgroup: false` leaves β, γ, δ's subgroup test to the caller. */
export function decodeVkey(bytes: Uint8Array, options: { g2Subgroup?: boolean } = {}): Groth16VerifyingKey {
  const sub = options.g2Subgroup ?? true;
  if (bytes.length < VKEY_FIXED_BYTES + G1_BYTES) malformed('vkey', `expected at least ${VKEY_FIXED_BYTES + G1_BYTES} bytes, got ${bytes.length}`);
  const nPublic = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (nPublic > MAX_PUBLIC_INPUTS) malformed('vkey.nPublic', `more than ${MAX_PUBLIC_INPUTS} public inputs`);
  const expected = VKEY_FIXED_BYTES + G1_BYTES * (nPublic + 1);
  if (bytes.length !== expected) malformed('vkey', `nPublic = ${nPublic} needs ${expected} bytes, got ${bytes.length}`);
  return {
    nPublic,
    alpha: requireFinite(decodeG1(bytes, 4, 'vk_alpha_1'), 'vk_alpha_1'),
    beta: requireFinite(decodeG2(bytes, 4 + G1_BYTES, 'vk_beta_2', sub), 'vk_beta_2'),
    gamma: requireFinite(decodeG2(bytes, 4 + G1_BYTES + G2_BYTES, 'vk_gamma_2', sub), 'vk_gamma_2'),
    delta: requireFinite(decodeG2(bytes, 4 + G1_BYTES + 2 * G2_BYTES, 'vk_delta_2', sub), 'vk_delta_2'),
    ic: Array.from({ length: nPublic + 1 }, (_, i) => decodeG1(bytes, VKEY_FIXED_BYTES + G1_BYTES * i, `IC[${i}]`)),
  };
}

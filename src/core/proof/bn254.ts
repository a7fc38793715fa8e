/** BN254 (alt_bn128, EIP-196/197) points from untrusted coordinates: field range, curve equation and subgroup checks. */
import { bn254 } from '@noble/curves/bn254.js';
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import { VerifyError } from '../errors';

export type Fp2 = { c0: bigint; c1: bigint };
export type G1 = WeierstrassPoint<bigint>;
export type G2 = WeierstrassPoint<Fp2>;

export const { Fp, Fp2, Fp12, Fr } = bn254.fields;
export const G1Point = bn254.G1.Point;
export const G2Point = bn254.G2.Point;
/** Base field modulus p. */
export const P = Fp.ORDER;
/** Scalar field (group order) r: public inputs and scalars live below it. */
export const R = Fr.ORDER;

const B1 = G1Point.CURVE().b;
const B2 = G2Point.CURVE().b;

/** A base-field coordinate, already parsed as an integer: must be canonical (< p). */
export function checkCoordinate(v: bigint, code: string, what: string): bigint {
  if (v < 0n || v >= P) throw new VerifyError('PROOF_COORDINATE_RANGE', `${what}: coordinate is not below the base field modulus p`, { what, value: v.toString(), code });
  return v;
}

export function isOnG1Curve(x: bigint, y: bigint): boolean {
  return Fp.eql(Fp.sqr(y), Fp.add(Fp.mul(Fp.sqr(x), x), B1));
}

export function isOnG2Curve(x: Fp2, y: Fp2): boolean {
  return Fp2.eql(Fp2.sqr(y), Fp2.add(Fp2.mul(Fp2.sqr(x), x), B2));
}

/** A G1 point from affine coordinates. BN254's G1 has cofactor 1: on the curve means in the subgroup. */
export function g1FromAffine(x: bigint, y: bigint, what: string): G1 {
  if (!isOnG1Curve(x, y)) throw new VerifyError('PROOF_POINT_NOT_ON_CURVE', `${what}: not on the BN254 G1 curve y² = x³ + 3`, { what });
  return G1Point.fromAffine({ x, y });
}

/**
 * A G2 point from affine coordinates: on the twist and in the order-r subgroup (the twist's cofactor is not 1).
 * `subgroup: false` leaves the subgroup test to the caller (the mcl engine runs the faster endomorphism test).
 */
export function g2FromAffine(x: Fp2, y: Fp2, what: string, subgroup = true): G2 {
  if (!isOnG2Curve(x, y)) throw new VerifyError('PROOF_POINT_NOT_ON_CURVE', `${what}: not on the BN254 G2 twist y² = x³ + 3/(9+u)`, { what });
  const point = G2Point.fromAffine({ x, y });
  if (subgroup && !point.isTorsionFree()) throw new VerifyError('PROOF_POINT_NOT_IN_SUBGROUP', `${what}: on the twist but not in the order-r subgroup`, { what });
  return point;
}

/** Rejects the point at infinity where the protocol forbids it (A, B, C, α, β, γ, δ). */
export function requireFinite<T extends { is0(): boolean }>(point: T, what: string): T {
  if (point.is0()) throw new VerifyError('PROOF_POINT_AT_INFINITY', `${what}: the point at infinity is not allowed here`, { what });
  return point;
}

/**
 * Untrusted Groth16/BN254 proofs into mcl-wasm points with every check of bn254.ts: coordinates below p, on the
 * curve, finite, and B in G2's order-r subgroup (the endomorphism test). Compact bytes (groth16-encoding.ts format)
 * and snarkjs JSON are both accepted; the errors are the same coded PROOF_* errors as the noble parsers'.
 */
import { VerifyError } from '../errors';
import { G1Point, type G1, type G2 } from './bn254';
import { G1_BYTES, G2_BYTES, PROOF_BYTES, coordinate, fp2IsLarge, HALF, malformed, readFlags } from './groth16-encoding';
import { isInG2 } from './g2-subgroup';
import { parseProofJson } from './groth16-json';
import { bigOfFp, bigOfFp2, fp2Of, fpOf, g1OfAffine, g2OfAffine, mclConstants, type Mcl, type McG1, type McG2 } from './mcl';

export interface McProof {
  a: McG1;
  b: McG2;
  c: McG1;
}

const G1_B = G1Point.CURVE().b;

function notOnCurve(what: string, curve: string): never {
  throw new VerifyError('PROOF_POINT_NOT_ON_CURVE', `${what}: no ${curve} point has this x`, { field: what });
}

function infinity(what: string): never {
  throw new VerifyError('PROOF_POINT_AT_INFINITY', `${what}: the point at infinity is not allowed here`, { what });
}

function decodeG1(mcl: Mcl, bytes: Uint8Array, offset: number, what: string): McG1 {
  const f = readFlags(bytes, offset, G1_BYTES, what);
  if (!f) infinity(what);
  const x = fpOf(mcl, coordinate(f.raw, 0, what));
  const [ok, root] = mcl.squareRoot(mcl.add(mcl.mul(mcl.sqr(x), x), fpOf(mcl, G1_B)));
  if (!ok) notOnCurve(what, 'BN254 G1');
  const y = bigOfFp(root);
  if (y === 0n && f.large) malformed(what, 'y = 0 must use the "smaller" flag');
  return g1OfAffine(mcl, x, (y > HALF) === f.large ? root : mcl.neg(root));
}

/** PROOF_POINT_NOT_IN_SUBGROUP unless q is in G2 (the endomorphism test). */
export function checkSubgroup(mcl: Mcl, q: McG2, what: string): McG2 {
  if (!isInG2(mclConstants(mcl).ops, q)) throw new VerifyError('PROOF_POINT_NOT_IN_SUBGROUP', `${what}: on the twist but not in the order-r subgroup`, { what });
  return q;
}

function decodeG2(mcl: Mcl, bytes: Uint8Array, offset: number, what: string): McG2 {
  const f = readFlags(bytes, offset, G2_BYTES, what);
  if (!f) infinity(what);
  const x = fp2Of(mcl, { c1: coordinate(f.raw, 0, what), c0: coordinate(f.raw, 32, what) });
  const [ok, root] = mcl.squareRoot(mcl.add(mcl.mul(mcl.sqr(x), x), mclConstants(mcl).twistB));
  if (!ok) notOnCurve(what, 'twist');
  if (root.isZero() && f.large) malformed(what, 'y = 0 must use the "smaller" flag');
  const y = fp2IsLarge(bigOfFp2(root)) === f.large ? root : mcl.neg(root);
  return checkSubgroup(mcl, g2OfAffine(mcl, x, y), what);
}

/** A proof in the 128-byte compact encoding. */
export function decodeProofMcl(mcl: Mcl, bytes: Uint8Array): McProof {
  if (bytes.length !== PROOF_BYTES) malformed('proof', `expected ${PROOF_BYTES} bytes, got ${bytes.length}`);
  return {
    a: decodeG1(mcl, bytes, 0, 'pi_a'),
    b: decodeG2(mcl, bytes, G1_BYTES, 'pi_b'),
    c: decodeG1(mcl, bytes, G1_BYTES + G2_BYTES, 'pi_c'),
  };
}

/** An already validated noble G1 point (keys are parsed once by groth16-json.ts / groth16-encoding.ts). */
export function g1FromNoble(mcl: Mcl, p: G1): McG1 {
  if (p.is0()) return new mcl.G1();
  const { x, y } = p.toAffine();
  return g1OfAffine(mcl, fpOf(mcl, x), fpOf(mcl, y));
}

export function g2FromNoble(mcl: Mcl, p: G2): McG2 {
  if (p.is0()) return new mcl.G2();
  const { x, y } = p.toAffine();
  return g2OfAffine(mcl, fp2Of(mcl, x), fp2Of(mcl, y));
}

/**
 * A snarkjs proof.json. Shape, ranges and the curve equations are checked by the JSON parser on affine BigInt
 * coordinates (cheap); the G2 subgroup test runs here, on mcl, instead of noble's 254-bit multiplication.
 */
export function parseProofJsonMcl(mcl: Mcl, json: unknown): McProof {
  const p = parseProofJson(json, { g2Subgroup: false });
  return { a: g1FromNoble(mcl, p.a), b: checkSubgroup(mcl, g2FromNoble(mcl, p.b), 'pi_b'), c: g1FromNoble(mcl, p.c) };
}

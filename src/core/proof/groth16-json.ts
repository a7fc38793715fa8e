/** snarkjs JSON (verification_key.json, proof.json, public.json) for Groth16 over BN254, parsed defensively. */
import { VerifyError, type VerifyCode } from '../errors';
import { R, checkCoordinate, g1FromAffine, g2FromAffine, requireFinite, G1Point, G2Point, type G1, type G2 } from './bn254';
import type { Groth16Proof, Groth16VerifyingKey } from './groth16-types';

/** More public inputs than any circuit we would verify in a browser: bounds work on hostile keys. */
export const MAX_PUBLIC_INPUTS = 4096;
const DECIMAL = /^(0|[1-9][0-9]{0,79})$/;

type Where = { code: VerifyCode; what: string };

function fail(at: Where, message: string): never {
  throw new VerifyError(at.code, `${at.what}: ${message}`, { field: at.what });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayOf(v: unknown, length: number, at: Where): unknown[] {
  if (!Array.isArray(v) || v.length !== length) fail(at, `expected an array of ${length}`);
  return v;
}

/** A canonical decimal string (snarkjs' format) as an integer; no sign, no leading zeros, at most 80 digits. */
export function parseDecimal(v: unknown, at: Where): bigint {
  if (typeof v !== 'string' || !DECIMAL.test(v)) fail(at, 'expected a canonical decimal string');
  return BigInt(v);
}

function coordinate(v: unknown, at: Where): bigint {
  return checkCoordinate(parseDecimal(v, at), at.code, at.what);
}

function fp2(v: unknown, at: Where): { c0: bigint; c1: bigint } {
  const [c0, c1] = arrayOf(v, 2, at);
  return { c0: coordinate(c0, { ...at, what: `${at.what}[0]` }), c1: coordinate(c1, { ...at, what: `${at.what}[1]` }) };
}

/** A G1 point in snarkjs' projective form [x, y, z]: z = 1 (affine) or the infinity [0, 1, 0]. */
export function parseG1Json(v: unknown, at: Where): G1 {
  const [xs, ys, zs] = arrayOf(v, 3, at);
  const x = coordinate(xs, { ...at, what: `${at.what}.x` });
  const y = coordinate(ys, { ...at, what: `${at.what}.y` });
  const z = coordinate(zs, { ...at, what: `${at.what}.z` });
  if (z === 0n) {
    if (x !== 0n || y !== 1n) fail(at, 'infinity must be written [0, 1, 0]');
    return G1Point.ZERO;
  }
  if (z !== 1n) fail(at, 'expected affine coordinates (z = 1)');
  return g1FromAffine(x, y, at.what);
}

/** A G2 point in snarkjs' form [[x.c0, x.c1], [y.c0, y.c1], [z.c0, z.c1]] with z = [1, 0] or the infinity. */
export function parseG2Json(v: unknown, at: Where, subgroup = true): G2 {
  const [xs, ys, zs] = arrayOf(v, 3, at);
  const x = fp2(xs, { ...at, what: `${at.what}.x` });
  const y = fp2(ys, { ...at, what: `${at.what}.y` });
  const z = fp2(zs, { ...at, what: `${at.what}.z` });
  if (z.c0 === 0n && z.c1 === 0n) {
    if (x.c0 !== 0n || x.c1 !== 0n || y.c0 !== 1n || y.c1 !== 0n) fail(at, 'infinity must be written [[0, 0], [1, 0], [0, 0]]');
    return G2Point.ZERO;
  }
  if (z.c0 !== 1n || z.c1 !== 0n) fail(at, 'expected affine coordinates (z = [1, 0])');
  return g2FromAffine(x, y, at.what, subgroup);
}

function checkHeader(json: Record<string, unknown>, code: VerifyCode, what: string, required: boolean): void {
  if ((required || 'protocol' in json) && json.protocol !== 'groth16') fail({ code, what: `${what}.protocol` }, 'expected "groth16"');
  if ((required || 'curve' in json) && json.curve !== 'bn128' && json.curve !== 'bn254') fail({ code, what: `${what}.curve` }, 'expected "bn128" (BN254)');
}

/**
 * snarkjs' verification_key.json: protocol groth16, curve bn128, nPublic, vk_alpha_1, vk_beta_2, vk_gamma_2,
 * vk_delta_2, IC. `g2Subgroup: false` leaves β, γ, δ's subgroup test to the caller (the mcl engine's).
 */
export function parseVerifyingKeyJson(json: unknown, options: { g2Subgroup?: boolean } = {}): Groth16VerifyingKey {
  const sub = options.g2Subgroup ?? true;
  const code = 'PROOF_MALFORMED_VKEY';
  if (!isRecord(json)) fail({ code, what: 'vkey' }, 'expected a JSON object');
  checkHeader(json, code, 'vkey', true);
  const nPublic = json.nPublic;
  if (typeof nPublic !== 'number' || !Number.isSafeInteger(nPublic) || nPublic < 0 || nPublic > MAX_PUBLIC_INPUTS) {
    fail({ code, what: 'vkey.nPublic' }, `expected an integer 0..${MAX_PUBLIC_INPUTS}`);
  }
  if (!Array.isArray(json.IC)) fail({ code, what: 'vkey.IC' }, 'expected an array');
  if (json.IC.length !== nPublic + 1) {
    throw new VerifyError('PROOF_MALFORMED_VKEY', `vkey.IC: has ${json.IC.length} points, nPublic + 1 = ${nPublic + 1} expected`, { field: 'vkey.IC', ic: json.IC.length, nPublic });
  }
  return {
    nPublic,
    alpha: requireFinite(parseG1Json(json.vk_alpha_1, { code, what: 'vk_alpha_1' }), 'vk_alpha_1'),
    beta: requireFinite(parseG2Json(json.vk_beta_2, { code, what: 'vk_beta_2' }, sub), 'vk_beta_2'),
    gamma: requireFinite(parseG2Json(json.vk_gamma_2, { code, what: 'vk_gamma_2' }, sub), 'vk_gamma_2'),
    delta: requireFinite(parseG2Json(json.vk_delta_2, { code, what: 'vk_delta_2' }, sub), 'vk_delta_2'),
    ic: json.IC.map((p, i) => parseG1Json(p, { code, what: `IC[${i}]` })),
  };
}

/**
 * snarkjs' proof.json: pi_a, pi_b, pi_c (protocol/curve checked when present). `g2Subgroup: false` skips B's
 * subgroup test for a caller that runs its own (mcl-points.ts).
 */
export function parseProofJson(json: unknown, options: { g2Subgroup?: boolean } = {}): Groth16Proof {
  const code = 'PROOF_MALFORMED_PROOF';
  if (!isRecord(json)) fail({ code, what: 'proof' }, 'expected a JSON object');
  checkHeader(json, code, 'proof', false);
  return {
    a: requireFinite(parseG1Json(json.pi_a, { code, what: 'pi_a' }), 'pi_a'),
    b: requireFinite(parseG2Json(json.pi_b, { code, what: 'pi_b' }, options.g2Subgroup ?? true), 'pi_b'),
    c: requireFinite(parseG1Json(json.pi_c, { code, what: 'pi_c' }), 'pi_c'),
  };
}

/** snarkjs' public.json: decimal strings, each a field element below r (no silent reduction mod r). */
export function parsePublicSignalsJson(json: unknown): bigint[] {
  const code = 'PROOF_MALFORMED_PUBLIC';
  if (!Array.isArray(json) || json.length > MAX_PUBLIC_INPUTS) fail({ code, what: 'public signals' }, `expected an array of at most ${MAX_PUBLIC_INPUTS} decimal strings`);
  return json.map((s, i) => checkPublicInput(parseDecimal(s, { code, what: `public[${i}]` }), i));
}

export function checkPublicInput(v: bigint, index: number): bigint {
  if (v >= R) throw new VerifyError('PROOF_PUBLIC_INPUT_RANGE', `public[${index}]: not below the scalar field order r`, { index, value: v.toString() });
  return v;
}

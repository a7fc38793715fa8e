/**
 * The compact encoding's edges, decoded by both engines (groth16-encoding.ts on noble, mcl-points.ts on mcl-wasm):
 * every malformed field refused with the same code and the field named, infinities encoded and refused where the
 * protocol forbids them, the y-sign convention at its boundary, and the verifying key's length and count bounds.
 * Fixtures are built inside the tests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { errorOf, refusalOf } from '../errors.test-util';
import { G1Point, G2Point, P } from './bn254';
import { G1_BYTES, G2_BYTES, HALF, PROOF_BYTES, decodeProof, decodeVkey, encodeProof, encodeVkey, fp2IsLarge } from './groth16-encoding';
import { MAX_PUBLIC_INPUTS, parseProofJson, parseVerifyingKeyJson } from './groth16-json';
import type { Groth16VerifyingKey } from './groth16-types';
import { loadCircuit } from './groth16-vectors.test-util';
import { loadMcl, type Mcl } from './mcl';
import { decodeProofMcl, g1FromNoble, g2FromNoble, parseProofJsonMcl } from './mcl-points';
import { g2Json, twistPointOutsideSubgroup, twistXWithoutPoint } from './twist-points.test-util';

let mcl: Mcl;
beforeAll(async () => { mcl = await loadMcl(); });

const VKEY_FIXED = 4 + G1_BYTES + 3 * G2_BYTES;
const fixture = () => {
  const v = loadCircuit('weighted-sum');
  return { v, vk: parseVerifyingKeyJson(v.vkey), proof: encodeProof(parseProofJson(v.proof)) };
};
const patched = (bytes: Uint8Array, offset: number, patch: readonly number[]): Uint8Array => {
  const out = bytes.slice();
  out.set(patch, offset);
  return out;
};
const big32 = (v: bigint): number[] => Array.from({ length: 32 }, (_, i) => Number((v >> BigInt(8 * (31 - i))) & 0xffn));

/** What both engines throw for these proof bytes: code, message and evidence (mcl's curve wording aside). */
function bothRefuse(bytes: Uint8Array): { code: string; message: string; evidence: Record<string, unknown> } {
  const noble = refusalOf(() => decodeProof(bytes));
  const fast = refusalOf(() => decodeProofMcl(mcl, bytes));
  expect([fast.code, fast.evidence]).toEqual([noble.code, noble.evidence]);
  return noble;
}

describe('which root is "larger"', () => {
  it('is y > (p − 1)/2 in Fp; in Fp2 decided by c1, or by c0 when c1 = 0', () => {
    expect(2n * HALF + 1n).toBe(P);
    expect(fp2IsLarge({ c0: HALF + 1n, c1: 0n })).toBe(true);
    expect(fp2IsLarge({ c0: HALF, c1: 0n })).toBe(false);
    expect(fp2IsLarge({ c0: 0n, c1: HALF + 1n })).toBe(true);
    expect(fp2IsLarge({ c0: P - 1n, c1: HALF })).toBe(false);
    expect(fp2IsLarge({ c0: 0n, c1: 1n })).toBe(false);
  });
});

describe('a compact proof refused by both engines', () => {
  it('of the wrong length', () => {
    const { proof } = fixture();
    for (const bytes of [proof.slice(0, -1), Uint8Array.of(...proof, 0)]) {
      const e = bothRefuse(bytes);
      expect(e).toEqual({ code: 'PROOF_MALFORMED_ENCODING', message: `proof: expected ${PROOF_BYTES} bytes, got ${bytes.length}`, evidence: { field: 'proof' } });
    }
  });

  it('with an infinity, well-formed or not, or flag bits 0b00 — for each of A, B and C', () => {
    const { proof } = fixture();
    for (const [what, at, size] of [['pi_a', 0, G1_BYTES], ['pi_b', G1_BYTES, G2_BYTES], ['pi_c', G1_BYTES + G2_BYTES, G1_BYTES]] as const) {
      const inf = bothRefuse(patched(proof, at, [0x40, ...new Array<number>(size - 1).fill(0)]));
      expect(inf).toEqual({ code: 'PROOF_POINT_AT_INFINITY', message: `${what}: the point at infinity is not allowed here`, evidence: { what } });
      const dirty = bothRefuse(patched(proof, at, [0x40, ...new Array<number>(size - 2).fill(0), 1]));
      expect(dirty).toEqual({ code: 'PROOF_MALFORMED_ENCODING', message: `${what}: infinity flag with nonzero coordinate bits`, evidence: { field: what } });
      const flat = bothRefuse(patched(proof, at, [proof[at]! & 0x3f]));
      expect(flat).toEqual({ code: 'PROOF_MALFORMED_ENCODING', message: `${what}: not a compressed point (flag bits 0b00)`, evidence: { field: what } });
    }
  });

  it('with a coordinate not below p, naming the point', () => {
    const { proof } = fixture();
    const a = bothRefuse(patched(proof, 0, big32(P | (2n << 254n))));
    expect(a).toEqual({ code: 'PROOF_COORDINATE_RANGE', message: 'pi_a: x is not below the base field modulus p', evidence: { field: 'pi_a' } });
    expect(bothRefuse(patched(proof, G1_BYTES + 32, big32(P))).evidence).toEqual({ field: 'pi_b' });
    expect(bothRefuse(patched(proof, G1_BYTES + G2_BYTES, big32(P | (2n << 254n)))).evidence).toEqual({ field: 'pi_c' });
  });

  it('with an x that has no curve or twist point', () => {
    const { proof } = fixture();
    const a = patched(proof, 0, big32(4n | (2n << 254n)));
    expect(bothRefuse(a)).toMatchObject({ code: 'PROOF_POINT_NOT_ON_CURVE', evidence: { field: 'pi_a' } });
    expect(errorOf(() => decodeProof(a)).message).toBe('pi_a: no curve point has this x');
    expect(errorOf(() => decodeProofMcl(mcl, a)).message).toBe('pi_a: no BN254 G1 point has this x');
    const b = patched(proof, G1_BYTES, [0x80, ...big32(0n).slice(1), ...big32(twistXWithoutPoint())]);
    expect(bothRefuse(b)).toMatchObject({ code: 'PROOF_POINT_NOT_ON_CURVE', evidence: { field: 'pi_b' } });
    expect(errorOf(() => decodeProof(b)).message).toBe('pi_b: no twist point has this x');
    expect(errorOf(() => decodeProofMcl(mcl, b)).message).toBe('pi_b: no twist point has this x');
    expect(bothRefuse(patched(proof, G1_BYTES + G2_BYTES, big32(4n | (2n << 254n)))).evidence).toEqual({ field: 'pi_c' });
  });

  it('with B on the twist but outside the order-r subgroup', () => {
    const { proof } = fixture();
    const { x } = twistPointOutsideSubgroup().toAffine();
    for (const flag of [0x80, 0xc0]) {
      const e = bothRefuse(patched(proof, G1_BYTES, [flag, ...big32(x.c1).slice(1), ...big32(x.c0)]));
      expect(e).toEqual({ code: 'PROOF_POINT_NOT_IN_SUBGROUP', message: 'pi_b: on the twist but not in the order-r subgroup', evidence: { what: 'pi_b' } });
    }
  });

  it('decodes the same points in both engines, either sign of each', () => {
    const { proof, v } = fixture();
    const json = parseProofJson(v.proof);
    for (const [at, flip] of [[0, 0], [0, 0x40], [G1_BYTES, 0x40], [G1_BYTES + G2_BYTES, 0x40]] as const) {
      const bytes = patched(proof, at, [proof[at]! ^ flip]);
      const noble = decodeProof(bytes);
      const fast = decodeProofMcl(mcl, bytes);
      expect(fast.a.isEqual(g1FromNoble(mcl, noble.a))).toBe(true);
      expect(fast.b.isEqual(g2FromNoble(mcl, noble.b))).toBe(true);
      expect(fast.c.isEqual(g1FromNoble(mcl, noble.c))).toBe(true);
    }
    const fromJson = parseProofJsonMcl(mcl, v.proof);
    expect(fromJson.a.isEqual(g1FromNoble(mcl, json.a)) && fromJson.b.isEqual(g2FromNoble(mcl, json.b)) && fromJson.c.isEqual(g1FromNoble(mcl, json.c))).toBe(true);
  });

  it('snarkjs JSON with B outside the subgroup is refused by the mcl parser too', () => {
    const { v } = fixture();
    const json = { ...v.proof, pi_b: g2Json(twistPointOutsideSubgroup()) };
    const e = errorOf(() => parseProofJsonMcl(mcl, json));
    expect([e.code, e.evidence]).toEqual(['PROOF_POINT_NOT_IN_SUBGROUP', { what: 'pi_b' }]);
  });

  it('infinity points become mcl\'s zero', () => {
    expect(g1FromNoble(mcl, G1Point.ZERO).isZero()).toBe(true);
    expect(g2FromNoble(mcl, G2Point.ZERO).isZero()).toBe(true);
    expect(g1FromNoble(mcl, G1Point.BASE).isZero()).toBe(false);
    expect(g2FromNoble(mcl, G2Point.BASE).isZero()).toBe(false);
  });
});

describe('a compact verifying key', () => {
  it('encodes an infinity as 0x40 and zeros: allowed in IC, refused for α, β, γ, δ', () => {
    const { vk } = fixture();
    const last = vk.ic.length - 1;
    const withZeroIc: Groth16VerifyingKey = { ...vk, ic: vk.ic.map((p, i) => (i === last ? G1Point.ZERO : p)) };
    const bytes = encodeVkey(withZeroIc);
    const at = VKEY_FIXED + G1_BYTES * last;
    expect([...bytes.slice(at, at + G1_BYTES)]).toEqual([0x40, ...new Array<number>(G1_BYTES - 1).fill(0)]);
    expect(decodeVkey(bytes).ic[last]!.is0()).toBe(true);
    for (const [field, zero, at2, size] of [
      ['vk_alpha_1', { alpha: G1Point.ZERO }, 4, G1_BYTES], ['vk_beta_2', { beta: G2Point.ZERO }, 4 + G1_BYTES, G2_BYTES],
      ['vk_gamma_2', { gamma: G2Point.ZERO }, 4 + G1_BYTES + G2_BYTES, G2_BYTES], ['vk_delta_2', { delta: G2Point.ZERO }, 4 + G1_BYTES + 2 * G2_BYTES, G2_BYTES],
    ] as const) {
      const b = encodeVkey({ ...vk, ...zero });
      expect([...b.slice(at2, at2 + size)]).toEqual([0x40, ...new Array<number>(size - 1).fill(0)]);
      const e = errorOf(() => decodeVkey(b));
      expect([e.code, e.evidence]).toEqual(['PROOF_POINT_AT_INFINITY', { what: field }]);
    }
  });

  it('names the point whose x has no curve point', () => {
    const { vk } = fixture();
    const key = encodeVkey(vk);
    const noTwist = [0x80, ...big32(0n).slice(1), ...big32(twistXWithoutPoint())];
    const g1 = big32(4n | (2n << 254n));
    for (const [field, at, patch] of [
      ['vk_alpha_1', 4, g1], ['vk_beta_2', 4 + G1_BYTES, noTwist], ['vk_gamma_2', 4 + G1_BYTES + G2_BYTES, noTwist],
      ['vk_delta_2', 4 + G1_BYTES + 2 * G2_BYTES, noTwist], ['IC[0]', VKEY_FIXED, g1], [`IC[${vk.nPublic}]`, VKEY_FIXED + G1_BYTES * vk.nPublic, g1],
    ] as const) {
      const e = errorOf(() => decodeVkey(patched(key, at, patch)));
      expect([e.code, e.evidence]).toEqual(['PROOF_POINT_NOT_ON_CURVE', { field }]);
    }
  });

  it('leaves β, γ and δ\'s subgroup test to the caller only when asked', () => {
    const { vk } = fixture();
    const outside = twistPointOutsideSubgroup();
    for (const [field, point] of [['vk_beta_2', { beta: outside }], ['vk_gamma_2', { gamma: outside }], ['vk_delta_2', { delta: outside }]] as const) {
      const bytes = encodeVkey({ ...vk, ...point });
      for (const opts of [undefined, { g2Subgroup: true }]) {
        const e = errorOf(() => decodeVkey(bytes, opts));
        expect([e.code, e.evidence]).toEqual(['PROOF_POINT_NOT_IN_SUBGROUP', { what: field }]);
      }
      expect(decodeVkey(bytes, { g2Subgroup: false }).nPublic).toBe(vk.nPublic);
    }
  });

  it('has at least the fixed part and IC₀, at most 4096 public inputs, and exactly the bytes nPublic needs', () => {
    const { vk } = fixture();
    const key = encodeVkey(vk);
    for (const n of [VKEY_FIXED + G1_BYTES - 1, VKEY_FIXED, 0]) {
      const e = errorOf(() => decodeVkey(key.slice(0, n)));
      expect([e.code, e.evidence, e.message]).toEqual(['PROOF_MALFORMED_ENCODING', { field: 'vkey' }, `vkey: expected at least ${VKEY_FIXED + G1_BYTES} bytes, got ${n}`]);
    }
    const count = (n: number) => patched(key, 0, [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
    const over = errorOf(() => decodeVkey(count(MAX_PUBLIC_INPUTS + 1)));
    expect([over.code, over.evidence, over.message]).toEqual(['PROOF_MALFORMED_ENCODING', { field: 'vkey.nPublic' }, `vkey.nPublic: more than ${MAX_PUBLIC_INPUTS} public inputs`]);
    const atMax = errorOf(() => decodeVkey(count(MAX_PUBLIC_INPUTS)));
    const needed = VKEY_FIXED + G1_BYTES * (MAX_PUBLIC_INPUTS + 1);
    expect([atMax.evidence, atMax.message]).toEqual([{ field: 'vkey' }, `vkey: nPublic = ${MAX_PUBLIC_INPUTS} needs ${needed} bytes, got ${key.length}`]);
    const noInputs = decodeVkey(count(0).slice(0, VKEY_FIXED + G1_BYTES));
    expect([noInputs.nPublic, noInputs.ic.length]).toEqual([0, 1]);
  });
});

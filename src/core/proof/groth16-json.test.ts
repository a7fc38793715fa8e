/**
 * snarkjs JSON parsed field by field: every malformed field is refused with its code and names the field, point
 * encodings (affine, infinity) are exact, and the bounds on hostile keys and public inputs hold at their edges.
 */
import { describe, expect, it } from 'vitest';
import { errorOf } from '../errors.test-util';
import { R } from './bn254';
import { MAX_PUBLIC_INPUTS, parseDecimal, parseG1Json, parseG2Json, parseProofJson, parsePublicSignalsJson, parseVerifyingKeyJson } from './groth16-json';
import { loadCircuit } from './groth16-vectors.test-util';
import { g2Json, twistPointOutsideSubgroup } from './twist-points.test-util';

const AT = { code: 'PROOF_MALFORMED_PROOF', what: 'pt' } as const;
type Json = Record<string, unknown>;
const circuit = () => loadCircuit('secret-product');
const dec = (v: bigint) => v.toString();

const twistPointOutsideSubgroupJson = (): string[][] => g2Json(twistPointOutsideSubgroup());

describe('a G1 point', () => {
  it('[0, 1, 0] is the infinity; any other z = 0 form is refused', () => {
    expect(parseG1Json(['0', '1', '0'], AT).is0()).toBe(true);
    for (const bad of [['1', '1', '0'], ['0', '2', '0'], ['0', '0', '0']]) {
      const e = errorOf(() => parseG1Json(bad, AT));
      expect(e.code).toBe('PROOF_MALFORMED_PROOF');
      expect(e.evidence).toEqual({ field: 'pt' });
      expect(e.message).toBe('pt: infinity must be written [0, 1, 0]');
    }
  });

  it('must be affine (z = 1) otherwise, and have three coordinates', () => {
    const [x, y] = circuit().proof.pi_a;
    expect(parseG1Json([x, y, '1'], AT).is0()).toBe(false);
    const e = errorOf(() => parseG1Json([x, y, '2'], AT));
    expect([e.code, e.evidence, e.message]).toEqual(['PROOF_MALFORMED_PROOF', { field: 'pt' }, 'pt: expected affine coordinates (z = 1)']);
    const short = errorOf(() => parseG1Json([x, y], AT));
    expect([short.code, short.evidence, short.message]).toEqual(['PROOF_MALFORMED_PROOF', { field: 'pt' }, 'pt: expected an array of 3']);
    expect(errorOf(() => parseG1Json('x', AT)).evidence).toEqual({ field: 'pt' });
  });

  it('names the coordinate that is not a canonical decimal', () => {
    for (const [i, axis] of [[0, 'x'], [1, 'y'], [2, 'z']] as const) {
      const p = ['0', '1', '0'];
      p[i] = '01';
      const e = errorOf(() => parseG1Json(p, AT));
      expect([e.code, e.evidence, e.message]).toEqual(['PROOF_MALFORMED_PROOF', { field: `pt.${axis}` }, `pt.${axis}: expected a canonical decimal string`]);
    }
  });
});

describe('a G2 point', () => {
  const INF = [['0', '0'], ['1', '0'], ['0', '0']];

  it('[[0, 0], [1, 0], [0, 0]] is the infinity; changing any one of its coordinates is refused', () => {
    expect(parseG2Json(INF, AT).is0()).toBe(true);
    for (const [i, j] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) {
      const bad = INF.map((c) => [...c]);
      bad[i]![j] = bad[i]![j] === '0' ? '1' : '2';
      const e = errorOf(() => parseG2Json(bad, AT));
      expect([e.code, e.evidence, e.message]).toEqual(['PROOF_MALFORMED_PROOF', { field: 'pt' }, 'pt: infinity must be written [[0, 0], [1, 0], [0, 0]]']);
    }
  });

  it('must be affine (z = [1, 0]) otherwise', () => {
    const [x, y] = circuit().proof.pi_b;
    expect(parseG2Json([x, y, ['1', '0']], AT).is0()).toBe(false);
    for (const z of [['1', '1'], ['2', '0'], ['0', '1']]) {
      const e = errorOf(() => parseG2Json([x, y, z], AT));
      expect([e.code, e.evidence, e.message]).toEqual(['PROOF_MALFORMED_PROOF', { field: 'pt' }, 'pt: expected affine coordinates (z = [1, 0])']);
    }
  });

  it('names the coordinate of a malformed pair: its axis and its index', () => {
    const e = errorOf(() => parseG2Json([['0', '0'], ['1', '01'], ['0', '0']], AT));
    expect([e.code, e.evidence, e.message]).toEqual(['PROOF_MALFORMED_PROOF', { field: 'pt.y[1]' }, 'pt.y[1]: expected a canonical decimal string']);
    expect(errorOf(() => parseG2Json([['0x1', '0'], ['1', '0'], ['0', '0']], AT)).evidence).toEqual({ field: 'pt.x[0]' });
    const pair = errorOf(() => parseG2Json([['0'], ['1', '0'], ['0', '0']], AT));
    expect([pair.evidence, pair.message]).toEqual([{ field: 'pt.x' }, 'pt.x: expected an array of 2']);
    expect(errorOf(() => parseG2Json([['0', '0'], ['1', '0'], ['0', '0', '0']], AT)).evidence).toEqual({ field: 'pt.z' });
  });

  it('outside the order-r subgroup is refused, unless the caller runs its own subgroup test', () => {
    const p = twistPointOutsideSubgroupJson();
    expect(errorOf(() => parseG2Json(p, AT)).code).toBe('PROOF_POINT_NOT_IN_SUBGROUP');
    expect(parseG2Json(p, AT, false).is0()).toBe(false);
  });
});

describe('a point\'s coordinates and curve equation', () => {
  it('a coordinate must be below p: p itself is refused, naming the coordinate', async () => {
    const { P } = await import('./bn254');
    const e = errorOf(() => parseG1Json([dec(P), '1', '1'], AT));
    expect([e.code, e.evidence, e.message]).toEqual(['PROOF_COORDINATE_RANGE', { what: 'pt.x', value: dec(P), code: 'PROOF_MALFORMED_PROOF' }, 'pt.x: coordinate is not below the base field modulus p']);
    expect(errorOf(() => parseG2Json([['0', dec(P)], ['1', '0'], ['1', '0']], AT)).evidence).toMatchObject({ what: 'pt.x[1]' });
    expect(errorOf(() => parseG1Json([dec(P - 1n), '1', '1'], AT)).code).toBe('PROOF_POINT_NOT_ON_CURVE');
  });

  it('an affine point off the curve or the twist is refused, naming the point', () => {
    const g1 = errorOf(() => parseG1Json(['1', '1', '1'], AT));
    expect([g1.code, g1.evidence, g1.message]).toEqual(['PROOF_POINT_NOT_ON_CURVE', { what: 'pt' }, 'pt: not on the BN254 G1 curve y² = x³ + 3']);
    const g2 = errorOf(() => parseG2Json([['1', '0'], ['1', '0'], ['1', '0']], AT));
    expect([g2.code, g2.evidence, g2.message]).toEqual(['PROOF_POINT_NOT_ON_CURVE', { what: 'pt' }, 'pt: not on the BN254 G2 twist y² = x³ + 3/(9+u)']);
    const outside = errorOf(() => parseG2Json(twistPointOutsideSubgroupJson(), AT));
    expect([outside.evidence, outside.message]).toEqual([{ what: 'pt' }, 'pt: on the twist but not in the order-r subgroup']);
  });
});

describe('a canonical decimal', () => {
  it('is digits without a sign or leading zero, at most 80 of them', () => {
    expect(parseDecimal('0', AT)).toBe(0n);
    expect(parseDecimal('9'.repeat(80), AT)).toBe(10n ** 80n - 1n);
    for (const bad of ['9'.repeat(81), '-1', '+1', '00', '1e3', ' 1', '', 1, 1n, null]) {
      const e = errorOf(() => parseDecimal(bad, AT));
      expect([e.code, e.evidence]).toEqual(['PROOF_MALFORMED_PROOF', { field: 'pt' }]);
    }
  });
});

describe('a verification key', () => {
  const vkey = (): Json => structuredClone(circuit().vkey) as Json;

  it('needs protocol "groth16" and curve bn128 (or bn254)', () => {
    expect(parseVerifyingKeyJson({ ...vkey(), curve: 'bn254' }).nPublic).toBe(circuit().publicSignals.length);
    const cases: [Json, string][] = [
      [{ ...vkey(), protocol: undefined }, 'vkey.protocol'],
      [{ ...vkey(), protocol: 'plonk' }, 'vkey.protocol'],
      [{ ...vkey(), curve: undefined }, 'vkey.curve'],
      [{ ...vkey(), curve: 'bls12381' }, 'vkey.curve'],
    ];
    for (const [json, field] of cases) {
      const e = errorOf(() => parseVerifyingKeyJson(json));
      expect([e.code, e.evidence]).toEqual(['PROOF_MALFORMED_VKEY', { field }]);
      expect(e.message).toMatch(new RegExp(`^${field.replace('.', '\\.')}: expected "`));
    }
  });

  it('needs nPublic an integer 0..4096 and IC with nPublic + 1 points', () => {
    for (const n of [undefined, '1', 1.5, -1, MAX_PUBLIC_INPUTS + 1, Number.MAX_SAFE_INTEGER + 2]) {
      const e = errorOf(() => parseVerifyingKeyJson({ ...vkey(), nPublic: n }));
      expect([e.code, e.evidence, e.message]).toEqual(['PROOF_MALFORMED_VKEY', { field: 'vkey.nPublic' }, `vkey.nPublic: expected an integer 0..${MAX_PUBLIC_INPUTS}`]);
    }
    // At the bounds nPublic itself is fine; the IC list decides.
    const atMax = errorOf(() => parseVerifyingKeyJson({ ...vkey(), nPublic: MAX_PUBLIC_INPUTS }));
    expect([atMax.code, atMax.evidence]).toEqual(['PROOF_MALFORMED_VKEY', { field: 'vkey.IC', ic: (vkey().IC as unknown[]).length, nPublic: MAX_PUBLIC_INPUTS }]);
    const zero = vkey();
    const key = parseVerifyingKeyJson({ ...zero, nPublic: 0, IC: (zero.IC as unknown[]).slice(0, 1) });
    expect([key.nPublic, key.ic.length]).toEqual([0, 1]);
    const e = errorOf(() => parseVerifyingKeyJson({ ...vkey(), IC: 'points' }));
    expect([e.code, e.evidence, e.message]).toEqual(['PROOF_MALFORMED_VKEY', { field: 'vkey.IC' }, 'vkey.IC: expected an array']);
    const n = circuit().publicSignals.length;
    const off = errorOf(() => parseVerifyingKeyJson({ ...vkey(), IC: (vkey().IC as unknown[]).slice(1) }));
    expect([off.evidence, off.message]).toEqual([{ field: 'vkey.IC', ic: n, nPublic: n }, `vkey.IC: has ${n} points, nPublic + 1 = ${n + 1} expected`]);
  });

  it('names the point that is malformed, and refuses α, β, γ, δ at infinity', () => {
    for (const [field, inf] of [['vk_alpha_1', ['0', '1', '0']], ['vk_beta_2', [['0', '0'], ['1', '0'], ['0', '0']]], ['vk_gamma_2', [['0', '0'], ['1', '0'], ['0', '0']]], ['vk_delta_2', [['0', '0'], ['1', '0'], ['0', '0']]]] as const) {
      const e = errorOf(() => parseVerifyingKeyJson({ ...vkey(), [field]: inf }));
      expect([e.code, e.evidence]).toEqual(['PROOF_POINT_AT_INFINITY', { what: field }]);
      expect(errorOf(() => parseVerifyingKeyJson({ ...vkey(), [field]: [] })).evidence).toEqual({ field });
    }
    const ic = vkey();
    const last = (ic.IC as unknown[]).length - 1;
    (ic.IC as unknown[])[last] = ['1', '1', '2'];
    expect(errorOf(() => parseVerifyingKeyJson(ic)).evidence).toEqual({ field: `IC[${last}]` });
  });

  it('leaves β, γ and δ\'s subgroup test to the caller only when asked', () => {
    for (const field of ['vk_beta_2', 'vk_gamma_2', 'vk_delta_2']) {
      const json = { ...vkey(), [field]: twistPointOutsideSubgroupJson() };
      expect(errorOf(() => parseVerifyingKeyJson(json)).code).toBe('PROOF_POINT_NOT_IN_SUBGROUP');
      expect(errorOf(() => parseVerifyingKeyJson(json, { g2Subgroup: true })).code).toBe('PROOF_POINT_NOT_IN_SUBGROUP');
      expect(parseVerifyingKeyJson(json, { g2Subgroup: false }).nPublic).toBe(circuit().publicSignals.length);
    }
  });
});

describe('a proof', () => {
  const proof = (): Json => structuredClone(circuit().proof) as unknown as Json;

  it('may leave out protocol and curve, but not give other values', () => {
    const { protocol: _p, curve: _c, ...bare } = proof();
    void _p;
    void _c;
    expect(parseProofJson(bare).a.is0()).toBe(false);
    expect(errorOf(() => parseProofJson({ ...proof(), protocol: 'plonk' })).evidence).toEqual({ field: 'proof.protocol' });
    expect(errorOf(() => parseProofJson({ ...proof(), curve: 'bls12381' })).evidence).toEqual({ field: 'proof.curve' });
    expect(parseProofJson({ ...proof(), curve: 'bn254' }).c.is0()).toBe(false);
  });

  it('names each point, refuses each at infinity, and checks B\'s subgroup unless the caller does', () => {
    for (const [field, inf] of [['pi_a', ['0', '1', '0']], ['pi_b', [['0', '0'], ['1', '0'], ['0', '0']]], ['pi_c', ['0', '1', '0']]] as const) {
      const e = errorOf(() => parseProofJson({ ...proof(), [field]: inf }));
      expect([e.code, e.evidence]).toEqual(['PROOF_POINT_AT_INFINITY', { what: field }]);
      const m = errorOf(() => parseProofJson({ ...proof(), [field]: [] }));
      expect([m.code, m.evidence]).toEqual(['PROOF_MALFORMED_PROOF', { field }]);
    }
    const outside = { ...proof(), pi_b: twistPointOutsideSubgroupJson() };
    expect(errorOf(() => parseProofJson(outside)).code).toBe('PROOF_POINT_NOT_IN_SUBGROUP');
    expect(parseProofJson(outside, { g2Subgroup: false }).b.is0()).toBe(false);
    const e = errorOf(() => parseProofJson([]));
    expect([e.code, e.evidence, e.message]).toEqual(['PROOF_MALFORMED_PROOF', { field: 'proof' }, 'proof: expected a JSON object']);
  });
});

describe('public signals', () => {
  it('are at most 4096 canonical decimals, each below r', () => {
    expect(parsePublicSignalsJson(new Array(MAX_PUBLIC_INPUTS).fill('0'))).toHaveLength(MAX_PUBLIC_INPUTS);
    const long = errorOf(() => parsePublicSignalsJson(new Array(MAX_PUBLIC_INPUTS + 1).fill('0')));
    expect([long.code, long.evidence, long.message]).toEqual(['PROOF_MALFORMED_PUBLIC', { field: 'public signals' }, `public signals: expected an array of at most ${MAX_PUBLIC_INPUTS} decimal strings`]);
    expect(errorOf(() => parsePublicSignalsJson({})).evidence).toEqual({ field: 'public signals' });
    const bad = errorOf(() => parsePublicSignalsJson(['1', '01']));
    expect([bad.code, bad.evidence]).toEqual(['PROOF_MALFORMED_PUBLIC', { field: 'public[1]' }]);
    expect(parsePublicSignalsJson(['0', dec(R - 1n)])).toEqual([0n, R - 1n]);
    const range = errorOf(() => parsePublicSignalsJson(['0', dec(R)]));
    expect([range.code, range.evidence, range.message]).toEqual(['PROOF_PUBLIC_INPUT_RANGE', { index: 1, value: dec(R) }, 'public[1]: not below the scalar field order r']);
  });
});

describe('a verification key given with a key of the wrong kind', () => {
  it('is not an object', () => {
    const e = errorOf(() => parseVerifyingKeyJson('key'));
    expect([e.code, e.evidence, e.message]).toEqual(['PROOF_MALFORMED_VKEY', { field: 'vkey' }, 'vkey: expected a JSON object']);
  });
});

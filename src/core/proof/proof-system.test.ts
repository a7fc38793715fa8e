import { describe, expect, it } from 'vitest';
import { errorOf } from '../errors.test-util';
import { proofSystemFor, PROOF_SYSTEM_IDS } from './proof-system';
import { encodeProof, encodeVkey } from './groth16-encoding';
import { groth16Bn254Snarkjs } from './groth16-system';
import type { Groth16Proof, Groth16VerifyingKey } from './groth16-types';
import { loadCircuit } from './groth16-vectors.test-util';
import { g2Json, twistPointOutsideSubgroup } from './twist-points.test-util';

// Fixtures are built inside the tests (a test file that fails while it is collected kills no mutant).
const system = () => proofSystemFor('groth16-bn254-snarkjs-v1');
const circuit = () => loadCircuit('weighted-sum');

describe('when the genesis names groth16-bn254-snarkjs-v1', () => {
  it('verifies snarkjs JSON and the compact bytes of the same proof alike', () => {
    const v = circuit();
    const key = system().parseVerifyingKey(v.vkey);
    const proof = system().parseProof(v.proof);
    const inputs = system().parsePublicSignals(v.publicSignals);
    system().verify(key, proof, inputs);
    const fromBytes = system().parseVerifyingKey(encodeVkey(key as never));
    system().verify(fromBytes, system().parseProof(encodeProof(proof as never)), inputs);
  });

  it('refuses a proof of other public inputs with PROOF_INVALID', () => {
    const v = circuit();
    const inputs = system().parsePublicSignals(v.publicSignals);
    const e = errorOf(() => system().verify(system().parseVerifyingKey(v.vkey), system().parseProof(v.proof), [inputs[0]! + 1n, ...inputs.slice(1)]));
    expect(e.code).toBe('PROOF_INVALID');
  });

  it('verifies many proofs of a checked key, compact bytes or JSON, and reports each proof', async () => {
    const v = circuit();
    system().checkKey(v.vkey);
    const items = v.proofs.map((p, i) => ({ proof: i % 2 ? encodeProof(system().parseProof(p.proof) as never) : p.proof, publicSignals: system().parsePublicSignals(p.publicSignals) }));
    const r = await system().verifyMany(v.vkey, items);
    expect(r.ok).toBe(true);
    expect(r.results).toHaveLength(items.length);
    const swapped = await system().verifyMany(v.vkey, [{ ...items[0]!, publicSignals: items[1]!.publicSignals }, items[1]!]);
    expect(swapped.results.map((x) => x.ok)).toEqual([items[0]!.publicSignals.join() === items[1]!.publicSignals.join(), true]);
  });

  it('refuses a key with a point off the curve before any proof, with its code', () => {
    const bad = structuredClone(circuit().vkey) as { vk_alpha_1: string[] };
    bad.vk_alpha_1[1] = (BigInt(bad.vk_alpha_1[1]!) + 1n).toString();
    expect(() => system().checkKey(bad)).toThrow(expect.objectContaining({ code: 'PROOF_POINT_NOT_ON_CURVE' }));
  });
});

describe('the noble implementation of groth16-bn254-snarkjs-v1 (the tests\' cross-check)', () => {
  it('verifies a batch with one result per proof', () => {
    const v = circuit();
    const key = groth16Bn254Snarkjs.parseVerifyingKey(v.vkey);
    const items = v.proofs.slice(0, 3).map((p) => ({ proof: groth16Bn254Snarkjs.parseProof(p.proof), publicSignals: groth16Bn254Snarkjs.parsePublicSignals(p.publicSignals) }));
    items[1] = { ...items[1]!, publicSignals: [items[1]!.publicSignals[0]! + 1n, ...items[1]!.publicSignals.slice(1)] };
    const r = groth16Bn254Snarkjs.verifyBatch(key, items);
    expect(r.ok).toBe(false);
    expect(r.results.map((x) => x.ok)).toEqual([true, false, true]);
  });

  it('defers β, γ and δ\'s subgroup test to the caller for JSON and compact keys alike, and only when asked', () => {
    const v = circuit();
    const key: Groth16VerifyingKey = { ...groth16Bn254Snarkjs.parseVerifyingKey(v.vkey), delta: twistPointOutsideSubgroup() };
    const bytes = encodeVkey(key);
    const json = { ...(v.vkey as object), vk_delta_2: g2Json(key.delta) };
    for (const input of [bytes, json]) {
      expect(errorOf(() => groth16Bn254Snarkjs.parseVerifyingKey(input)).code).toBe('PROOF_POINT_NOT_IN_SUBGROUP');
      expect(groth16Bn254Snarkjs.parseVerifyingKeyDeferred(input).delta.equals(key.delta)).toBe(true);
    }
    const proof: Groth16Proof = groth16Bn254Snarkjs.parseProof(encodeProof(groth16Bn254Snarkjs.parseProof(v.proof)));
    expect(proof.a.equals(groth16Bn254Snarkjs.parseProof(v.proof).a)).toBe(true);
  });
});

describe('when the genesis names a proof system this verifier does not know', () => {
  it.each(['groth16-bn254-snarkjs-v2', 'plonk-bn254', ''])('refuses %j with PROOF_UNKNOWN_SYSTEM', (id) => {
    const e = errorOf(() => proofSystemFor(id));
    expect([e.code, e.evidence, e.message]).toEqual(['PROOF_UNKNOWN_SYSTEM', { id, known: ['groth16-bn254-snarkjs-v1'] }, `unknown proof system "${id}" (known: groth16-bn254-snarkjs-v1)`]);
    expect(PROOF_SYSTEM_IDS).not.toContain(id);
  });
});

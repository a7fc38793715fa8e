import { describe, expect, it } from 'vitest';
import { VerifyError } from '../errors';
import { proofSystemFor, PROOF_SYSTEM_IDS } from './proof-system';
import { encodeProof, encodeVkey } from './groth16-encoding';
import { loadCircuit } from './groth16-vectors.test-util';

describe('when the genesis names groth16-bn254-snarkjs-v1', () => {
  const system = proofSystemFor('groth16-bn254-snarkjs-v1');
  const v = loadCircuit('weighted-sum');

  it('verifies snarkjs JSON and the compact bytes of the same proof alike', () => {
    const key = system.parseVerifyingKey(v.vkey);
    const proof = system.parseProof(v.proof);
    const inputs = system.parsePublicSignals(v.publicSignals);
    system.verify(key, proof, inputs);
    const fromBytes = system.parseVerifyingKey(encodeVkey(key as never));
    system.verify(fromBytes, system.parseProof(encodeProof(proof as never)), inputs);
  });

  it('verifies many proofs of a checked key, compact bytes or JSON, and reports each proof', async () => {
    system.checkKey(v.vkey);
    const items = v.proofs.map((p, i) => ({ proof: i % 2 ? encodeProof(system.parseProof(p.proof) as never) : p.proof, publicSignals: system.parsePublicSignals(p.publicSignals) }));
    const r = await system.verifyMany(v.vkey, items);
    expect(r.ok).toBe(true);
    expect(r.results).toHaveLength(items.length);
    const swapped = await system.verifyMany(v.vkey, [{ ...items[0]!, publicSignals: items[1]!.publicSignals }, items[1]!]);
    expect(swapped.results.map((x) => x.ok)).toEqual([items[0]!.publicSignals.join() === items[1]!.publicSignals.join(), true]);
  });

  it('refuses a key with a point off the curve before any proof, with its code', () => {
    const bad = structuredClone(v.vkey) as { vk_alpha_1: string[] };
    bad.vk_alpha_1[1] = (BigInt(bad.vk_alpha_1[1]!) + 1n).toString();
    expect(() => system.checkKey(bad)).toThrow(expect.objectContaining({ code: 'PROOF_POINT_NOT_ON_CURVE' }));
  });
});

describe('when the genesis names a proof system this verifier does not know', () => {
  it.each(['groth16-bn254-snarkjs-v2', 'plonk-bn254', ''])('refuses %j with PROOF_UNKNOWN_SYSTEM', (id) => {
    expect(() => proofSystemFor(id)).toThrow(VerifyError);
    try { proofSystemFor(id); } catch (e) { expect((e as VerifyError).code).toBe('PROOF_UNKNOWN_SYSTEM'); }
    expect(PROOF_SYSTEM_IDS).not.toContain(id);
  });
});

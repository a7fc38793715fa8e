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

  it('verifies a batch and reports each proof', () => {
    const key = system.parseVerifyingKey(v.vkey);
    const items = v.proofs.map((p) => ({ proof: system.parseProof(p.proof), publicSignals: system.parsePublicSignals(p.publicSignals) }));
    const r = system.verifyBatch(key, items);
    expect(r.ok).toBe(true);
    expect(r.results).toHaveLength(items.length);
  });
});

describe('when the genesis names a proof system this verifier does not know', () => {
  it.each(['groth16-bn254-snarkjs-v2', 'plonk-bn254', ''])('refuses %j with PROOF_UNKNOWN_SYSTEM', (id) => {
    expect(() => proofSystemFor(id)).toThrow(VerifyError);
    try { proofSystemFor(id); } catch (e) { expect((e as VerifyError).code).toBe('PROOF_UNKNOWN_SYSTEM'); }
    expect(PROOF_SYSTEM_IDS).not.toContain(id);
  });
});

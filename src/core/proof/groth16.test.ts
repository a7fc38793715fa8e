import { afterAll, describe, expect, it } from 'vitest';
import { isMainThread } from 'node:worker_threads';

import { parseProofJson, parsePublicSignalsJson, parseVerifyingKeyJson } from './groth16-json';
import { verifyGroth16 } from './groth16';
import { CIRCUITS, loadCircuit, type Mutation } from './groth16-vectors.test-util';
import type { Groth16VerifyingKey } from './groth16-types';
import { codeOf } from '../errors.test-util';

/**
 * snarkjs, the independent oracle: it confirms each vector says what the test claims (valid, or a false statement).
 * It starts worker threads of its own, which cannot be done from inside a worker thread (StrykerJS runs the tests in
 * vitest's threads pool); there the oracle is left out and only the verifier under test is asserted.
 */
const snarkjs = isMainThread ? await import('snarkjs') : undefined;
/** Asserts what snarkjs says of a statement (valid or not), where the oracle can run. */
async function oracleSays(vkey: unknown, publicSignals: unknown, proof: unknown, valid: boolean): Promise<void> {
  if (snarkjs) expect(await snarkjs.groth16.verify(vkey as never, publicSignals as never, proof as never)).toBe(valid);
}

afterAll(async () => {
  // snarkjs keeps a wasm curve with worker threads alive between calls.
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } }).curve_bn128?.terminate();
});


describe.each(CIRCUITS)('circuit %s (snarkjs proofs the verifier has never seen)', (name) => {
  const v = loadCircuit(name);
  const vk = parseVerifyingKeyJson(v.vkey);

  it('parses the verifying key with nPublic + 1 IC points', () => {
    expect(vk.nPublic).toBe(v.publicSignals.length);
    expect(vk.ic.length).toBe(vk.nPublic + 1);
  });

  it('accepts every valid proof, as snarkjs does', async () => {
    for (const { proof, publicSignals } of v.proofs.slice(0, 4)) {
      expect(codeOf(() => verifyGroth16(vk, parseProofJson(proof), parsePublicSignalsJson(publicSignals)))).toBe('ok');
      await oracleSays(v.vkey, publicSignals, proof, true);
    }
  });

  describe('when one field of the proof, the public signals or the key is mutated', () => {
    const cache = new Map<unknown, Groth16VerifyingKey>();
    const run = (m: Mutation): string => codeOf(() => {
      const key = m.vkey === undefined ? vk : parseVerifyingKeyJson(m.vkey);
      cache.set(m, key);
      verifyGroth16(key, parseProofJson(m.proof ?? v.proof), parsePublicSignalsJson(m.publicSignals ?? v.publicSignals));
    });

    it.each(v.mutations.map((m) => [m.name, m] as const))('rejects %s', async (_n, m) => {
      expect(run(m)).toBe(m.expect);
      if (m.expect === 'PROOF_INVALID') {
        // The same statement is also false for snarkjs: the mutation changed the statement, not just its spelling.
        await oracleSays(m.vkey ?? v.vkey, m.publicSignals ?? v.publicSignals, m.proof ?? v.proof, false);
      }
    });
  });

  it('rejects a valid proof presented with another valid proof\'s public signals', () => {
    const [first, second] = v.proofs;
    if (vk.nPublic === 0 || !first || !second) return;
    expect(codeOf(() => verifyGroth16(vk, parseProofJson(first.proof), parsePublicSignalsJson(second.publicSignals)))).toBe('PROOF_INVALID');
  });
});

describe('when a public input is given as its value plus r', () => {
  it('is refused (no silent reduction mod r), as snarkjs refuses it', async () => {
    const v = loadCircuit('poseidon-leaf');
    const r = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
    const shifted = [(BigInt(v.publicSignals[0]!) + r).toString(), ...v.publicSignals.slice(1)];
    expect(codeOf(() => parsePublicSignalsJson(shifted))).toBe('PROOF_PUBLIC_INPUT_RANGE');
    await oracleSays(v.vkey, shifted, v.proof, false);
  });
});

describe('when the inputs are not JSON objects at all', () => {
  it.each([null, 'x', 42, [], true])('rejects %j as a key and as a proof with a coded error', (bad) => {
    expect(codeOf(() => parseVerifyingKeyJson(bad))).toBe('PROOF_MALFORMED_VKEY');
    expect(codeOf(() => parseProofJson(bad))).toBe('PROOF_MALFORMED_PROOF');
  });
});

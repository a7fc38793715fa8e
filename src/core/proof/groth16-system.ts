/** The proof system `groth16-bn254-snarkjs-v1`: Groth16 over BN254, keys and proofs as snarkjs JSON or compact bytes. */
import { verifyGroth16, verifyGroth16Batch, type BatchItem, type BatchOptions, type BatchResult } from './groth16';
import { decodeProof, decodeVkey } from './groth16-encoding';
import { parseProofJson, parsePublicSignalsJson, parseVerifyingKeyJson } from './groth16-json';
import type { Groth16Proof, Groth16VerifyingKey } from './groth16-types';

export const GROTH16_BN254_SNARKJS_V1 = 'groth16-bn254-snarkjs-v1';

function bytesOrJson<T>(input: unknown, fromBytes: (b: Uint8Array) => T, fromJson: (j: unknown) => T): T {
  return input instanceof Uint8Array ? fromBytes(input) : fromJson(input);
}

export const groth16Bn254Snarkjs = {
  id: GROTH16_BN254_SNARKJS_V1,
  parseVerifyingKey: (input: unknown): Groth16VerifyingKey => bytesOrJson(input, (b) => decodeVkey(b), (j) => parseVerifyingKeyJson(j)),
  /** The key with every check but β, γ, δ's subgroup test, which the caller runs (the mcl engine). */
  parseVerifyingKeyDeferred: (input: unknown): Groth16VerifyingKey =>
    bytesOrJson(input, (b) => decodeVkey(b, { g2Subgroup: false }), (j) => parseVerifyingKeyJson(j, { g2Subgroup: false })),
  parseProof: (input: unknown): Groth16Proof => bytesOrJson(input, decodeProof, parseProofJson),
  parsePublicSignals: (input: unknown): bigint[] => parsePublicSignalsJson(input),
  verify: (key: Groth16VerifyingKey, proof: Groth16Proof, publicSignals: readonly bigint[]): void => verifyGroth16(key, proof, publicSignals),
  verifyBatch: (key: Groth16VerifyingKey, items: readonly BatchItem[], options?: BatchOptions): BatchResult => verifyGroth16Batch(key, items, options),
};

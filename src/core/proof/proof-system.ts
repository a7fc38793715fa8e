/** Proof systems keyed by the genesis' proof-system id, so a month's proofs are checked by the system it pins. */
import { VerifyError } from '../errors';
import type { BatchOptions, BatchResult } from './groth16';
import { groth16Bn254Snarkjs } from './groth16-system';

export type { BatchResult, BatchOptions } from './groth16';

/**
 * One proof system. Parsers take untrusted input (JSON values or the compact bytes) and throw coded PROOF_* errors;
 * verify throws PROOF_INVALID (or a shape error) and returns nothing on success.
 */
export interface ProofSystem<Key = unknown, Proof = unknown> {
  readonly id: string;
  parseVerifyingKey(input: unknown): Key;
  parseProof(input: unknown): Proof;
  parsePublicSignals(input: unknown): bigint[];
  verify(key: Key, proof: Proof, publicSignals: readonly bigint[]): void;
  verifyBatch(key: Key, items: readonly { proof: Proof; publicSignals: readonly bigint[] }[], options?: BatchOptions): BatchResult;
}

const SYSTEMS: ReadonlyMap<string, ProofSystem> = new Map<string, ProofSystem>([
  [groth16Bn254Snarkjs.id, groth16Bn254Snarkjs],
]);

export const PROOF_SYSTEM_IDS: readonly string[] = [...SYSTEMS.keys()];

/** The system a genesis names; PROOF_UNKNOWN_SYSTEM for any other id. */
export function proofSystemFor(id: string): ProofSystem {
  const system = SYSTEMS.get(id);
  if (!system) throw new VerifyError('PROOF_UNKNOWN_SYSTEM', `unknown proof system "${id}" (known: ${PROOF_SYSTEM_IDS.join(', ')})`, { id, known: PROOF_SYSTEM_IDS });
  return system;
}

/** Proof systems keyed by the genesis' proof-system id, so a month's proofs are checked by the system it pins. */
import { VerifyError } from '../errors';
import type { BatchResult } from './groth16';
import { groth16Bn254Snarkjs } from './groth16-system';
import { checkKey, verifyProofs, type VerifyProofsOptions, type WireProof } from './proof-pool';

export type { BatchResult, BatchOptions } from './groth16';
export type { WireProof, VerifyProofsOptions, ProofWorkers } from './proof-pool';

/**
 * One proof system. Parsers take untrusted input (JSON values or the compact bytes) and throw coded PROOF_* errors;
 * verify throws PROOF_INVALID (or a shape error) and returns nothing on success. A month's proofs go through
 * `checkKey` then `verifyMany`, which take the key and proofs as inscribed (they cross worker boundaries as such).
 */
export interface ProofSystem<Key = unknown, Proof = unknown> {
  readonly id: string;
  parseVerifyingKey(input: unknown): Key;
  parseProof(input: unknown): Proof;
  parsePublicSignals(input: unknown): bigint[];
  verify(key: Key, proof: Proof, publicSignals: readonly bigint[]): void;
  /** A key's checks before verifyMany (coded PROOF_ errors); what needs the curve engine runs in verifyMany. */
  checkKey(input: unknown): void;
  /** Many proofs of one checked key: one result per item, in order (one random combination per worker thread). */
  verifyMany(key: unknown, items: readonly WireProof[], options?: VerifyProofsOptions): Promise<BatchResult>;
}

const SYSTEMS: ReadonlyMap<string, ProofSystem> = new Map<string, ProofSystem>([
  [groth16Bn254Snarkjs.id, { ...groth16Bn254Snarkjs, checkKey, verifyMany: verifyProofs }],
]);

export const PROOF_SYSTEM_IDS: readonly string[] = [...SYSTEMS.keys()];

/** The system a genesis names; PROOF_UNKNOWN_SYSTEM for any other id. */
export function proofSystemFor(id: string): ProofSystem {
  const system = SYSTEMS.get(id);
  if (!system) throw new VerifyError('PROOF_UNKNOWN_SYSTEM', `unknown proof system "${id}" (known: ${PROOF_SYSTEM_IDS.join(', ')})`, { id, known: PROOF_SYSTEM_IDS });
  return system;
}

/** The proof verifier's public surface: proof systems by id, Groth16/BN254 parsing, verification and encoding. */
export { proofSystemFor, PROOF_SYSTEM_IDS, type ProofSystem, type BatchResult, type BatchOptions } from './proof-system';
export { groth16Bn254Snarkjs, GROTH16_BN254_SNARKJS_V1 } from './groth16-system';
export { verifyGroth16, verifyGroth16Batch, publicInputPoint, type BatchItem } from './groth16';
export { parseVerifyingKeyJson, parseProofJson, parsePublicSignalsJson } from './groth16-json';
export { encodeProof, decodeProof, encodeVkey, decodeVkey, PROOF_BYTES } from './groth16-encoding';
export type { Groth16Proof, Groth16VerifyingKey } from './groth16-types';

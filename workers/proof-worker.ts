/** The proof worker: a thin comlink adapter over src/core/proof's in-thread verifier (one share of a month's proofs). */
import type { ProofWorkerApi, WireProof } from '../src/core/proof/proof-pool';
import { verifyProofsHere } from '../src/core/proof/proof-pool';

export const proofWorkerApi: ProofWorkerApi = {
  verify: (key: unknown, items: readonly WireProof[], onProgress: (done: number) => void) =>
    verifyProofsHere(key, items, { onProgress: (p) => { void Promise.resolve(onProgress(p.done)).catch(() => undefined); } }),
};

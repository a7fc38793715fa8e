/**
 * The proof worker: a thin comlink adapter over src/core/proof's in-thread verifier (one share of a month's proofs).
 * A key that fails its checks comes back as a coded value (comlink keeps only an error's name, message and stack).
 */
import { VerifyError } from '../src/core/errors';
import type { ProofWorkerApi, WireProof } from '../src/core/proof/proof-pool';
import { verifyProofsHere } from '../src/core/proof/proof-pool';

export const proofWorkerApi: ProofWorkerApi = {
  verify: async (key: unknown, items: readonly WireProof[], onProgress: (done: number) => void) => {
    try {
      return await verifyProofsHere(key, items, { onProgress: (p) => { void Promise.resolve(onProgress(p.done)).catch(() => undefined); } });
    } catch (e) {
      if (e instanceof VerifyError) return { error: e.toJSON() };
      throw e;
    }
  },
};

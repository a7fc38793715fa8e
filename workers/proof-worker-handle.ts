/** The proof pool's view of a worker serving workers/proof-worker.ts through comlink (browser and Node alike). */
import { proxy, type Remote } from 'comlink';
import type { ProofWorkerApi, ProofWorkerHandle } from '../src/core/proof/proof-pool';

export function proofWorkerHandle(remote: Remote<ProofWorkerApi>, terminate: () => void, onFailure: ProofWorkerHandle['onFailure']): ProofWorkerHandle {
  return {
    api: { verify: (key, items, onProgress) => remote.verify(key, items, proxy(onProgress)) as Promise<Awaited<ReturnType<ProofWorkerApi['verify']>>> },
    terminate,
    onFailure,
  };
}

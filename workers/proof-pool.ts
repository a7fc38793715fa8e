/**
 * Proof-worker factories for verifyProofs (src/core/proof/proof-pool.ts): nested module Workers in a browser Worker,
 * worker_threads in Node, and how many to start (navigator.hardwareConcurrency / os.availableParallelism()).
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { ProofWorkerApi, ProofWorkerHandle } from '../src/core/proof/proof-pool';

function handle(remote: Remote<ProofWorkerApi>, terminate: () => void): ProofWorkerHandle {
  return {
    api: { verify: (key, items, onProgress) => remote.verify(key, items, proxy(onProgress)) as Promise<Awaited<ReturnType<ProofWorkerApi['verify']>>> },
    terminate,
  };
}

/** A nested Worker (browser; Vite bundles the entry as its own chunk). */
export function browserProofWorker(): ProofWorkerHandle {
  const worker = new Worker(new URL('./proof-worker.browser.ts', import.meta.url), { type: 'module', name: 'drey-proofs' });
  return handle(wrap<ProofWorkerApi>(worker), () => worker.terminate());
}

/** Cores the browser reports (at least 1). */
export function browserThreads(): number {
  return Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 1);
}

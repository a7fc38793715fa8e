/**
 * Browser proof workers for verifyProofs (src/core/proof/proof-pool.ts): nested module Workers of the verifier Worker,
 * and how many to start (navigator.hardwareConcurrency). Node's are workers/node-proof-pool.ts.
 */
import { wrap } from 'comlink';
import type { ProofWorkerApi, ProofWorkerHandle } from '../src/core/proof/proof-pool';
import { proofWorkerHandle } from './proof-worker-handle';
import { Worker } from './same-origin-worker';

/** A nested Worker (Vite bundles the entry as its own chunk; a blob that imports it when served cross-origin). */
export function browserProofWorker(): ProofWorkerHandle {
  const worker = new Worker(new URL('./proof-worker.browser.ts', import.meta.url), { type: 'module', name: 'drey-proofs' });
  return proofWorkerHandle(wrap<ProofWorkerApi>(worker), () => worker.terminate(), (listener) => {
    worker.addEventListener('error', (e) => listener(e.message || 'the worker script could not run'));
    worker.addEventListener('messageerror', () => listener('an unreadable message'));
  });
}

/** Cores the browser reports (at least 1). */
export function browserThreads(): number {
  return Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 1);
}

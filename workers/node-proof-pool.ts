/** Node proof workers (worker_threads) for verifyProofs: the CLI, tests and benchmarks. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import type { ProofWorkerApi, ProofWorkerHandle } from '../src/core/proof/proof-pool';
import { endpointFromPort } from './node-worker';
import { proofWorkerHandle } from './proof-worker-handle';

export function nodeProofWorker(): ProofWorkerHandle {
  const worker = new Worker(new URL('./proof-worker.node.mjs', import.meta.url));
  let terminated = false;
  return proofWorkerHandle(wrap<ProofWorkerApi>(endpointFromPort(worker)), () => {
    terminated = true;
    void worker.terminate();
  }, (listener) => {
    worker.on('error', (e) => listener(e.message));
    worker.on('exit', (code) => { if (!terminated) listener(`exited with code ${code}`); });
  });
}

export const nodeThreads = (): number => Math.max(1, availableParallelism());

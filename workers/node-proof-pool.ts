/** Node proof workers (worker_threads) for verifyProofs: the CLI, tests and benchmarks. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { proxy, wrap } from 'comlink';
import type { ProofWorkerApi, ProofWorkerHandle } from '../src/core/proof/proof-pool';
import { endpointFromPort } from './node-worker';

export function nodeProofWorker(): ProofWorkerHandle {
  const worker = new Worker(new URL('./proof-worker.node.mjs', import.meta.url));
  const remote = wrap<ProofWorkerApi>(endpointFromPort(worker));
  return {
    api: { verify: (key, items, onProgress) => remote.verify(key, items, proxy(onProgress)) as ReturnType<ProofWorkerApi['verify']> },
    terminate: () => { void worker.terminate(); },
  };
}

export const nodeThreads = (): number => Math.max(1, availableParallelism());

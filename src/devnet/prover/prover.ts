/**
 * The actuaries' prover (devnet, Node only): one Groth16 proof per batch, batches in parallel, one child process per core
 * (snarkjs cannot run inside node:worker_threads: its `web-worker` dependency hijacks any worker thread).
 */
import { availableParallelism } from 'node:os';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Groth16Proof } from './snarkjs';
import type { CircuitInput } from './month-witness';

export interface BatchProof {
  proof: Groth16Proof;
  publicSignals: string[];
}

/** Circuit artifacts a proof needs: the witness generator and the proving key. */
export interface ProvingArtifacts {
  wasm: string;
  zkey: string;
}

interface Reply { id: number; proof?: Groth16Proof; publicSignals?: string[]; error?: string }

/**
 * Prove every batch, `threads` at a time (default: one per core), results in batch order. With `seeds` (8 u32 words
 * per input) the blinding is deterministic (see prove-child.mjs); `onProof` hears of each proof as it is done.
 */
export async function proveBatches(
  inputs: readonly CircuitInput[], artifacts: ProvingArtifacts, threads = availableParallelism(),
  options: { seeds?: readonly number[][]; onProof?: (index: number, proof: BatchProof) => void } = {},
): Promise<BatchProof[]> {
  const n = Math.max(1, Math.min(threads, inputs.length));
  const child = fileURLToPath(new URL('./prove-child.mjs', import.meta.url));
  const workers: ChildProcess[] = Array.from({ length: n }, () => fork(child, [], { execArgv: [], stdio: 'inherit' }));
  const results: BatchProof[] = new Array<BatchProof>(inputs.length);
  let next = 0;
  try {
    await Promise.all(workers.map(async (worker) => {
      for (let i = next++; i < inputs.length; i = next++) {
        const reply = await new Promise<Reply>((resolve, reject) => {
          worker.once('message', (m) => resolve(m as Reply));
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`prover process exited (${code})`)));
          worker.send({ id: i, input: inputs[i], wasm: artifacts.wasm, zkey: artifacts.zkey, ...(options.seeds ? { seed: options.seeds[i] } : {}) });
        });
        worker.removeAllListeners('error');
        worker.removeAllListeners('exit');
        if (reply.error !== undefined || !reply.proof || !reply.publicSignals) {
          throw new Error(`batch ${i}: ${reply.error ?? 'no proof'}`);
        }
        const done = { proof: reply.proof, publicSignals: reply.publicSignals };
        results[i] = done;
        options.onProof?.(i, done);
      }
    }));
  } finally {
    for (const w of workers) w.kill();
  }
  return results;
}

/** Program worker: a thin comlink surface over the same-thread program host (src/core/program/host). */
import { expose } from 'comlink';
import { runAllocationProgram } from '../src/core/program/host';
import type { AllocationInput, ProgramLimits, ProgramResult } from '../src/core/program/types';

/** What the worker exposes. Results are values: comlink keeps only name/message/stack of a thrown error. */
export const programWorkerApi = {
  /** Resolves once the worker has loaded, so the client can start the program's clock after start-up. */
  ready(): true {
    return true;
  },
  async run(wasm: Uint8Array, input: AllocationInput, limits: ProgramLimits): Promise<ProgramResult> {
    try {
      return await runAllocationProgram(wasm, input, limits);
    } catch (e) {
      return { ok: false, error: { code: 'PROGRAM_WORKER', message: `the program host failed: ${e instanceof Error ? e.message : String(e)}`, evidence: {} } };
    }
  },
};

export type ProgramWorkerApi = typeof programWorkerApi;

// In a browser worker, serve on the worker's global scope; Node's entry (program-worker.node.ts) serves on parentPort.
if ((globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== undefined) expose(programWorkerApi);

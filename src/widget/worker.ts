/**
 * The widget's Worker, one per page, shared by its badges: a thin comlink adapter over the widget verdict (src/core
 * underneath). Each verification has its own id and AbortController (cancel aborts that one only), its own Esplora
 * client and its own program Worker; what stays here between verifications is code and compiled WebAssembly. Returns
 * values, never throws. The pinned allocation program runs in its own nested Worker with a wall-clock limit.
 */
import { expose } from 'comlink';
import { runProgramInWorker } from '../../workers/program-client';
import { browserProofWorker, browserThreads } from '../../workers/proof-pool';
import type { WidgetSettings } from './settings';
import { verdictFor, type WidgetVerdict } from './verdict';

const runs = new Map<number, AbortController>();

const api = {
  async verify(id: number, settings: WidgetSettings): Promise<WidgetVerdict> {
    const abort = new AbortController();
    runs.set(id, abort);
    try {
      return await verdictFor(settings, {
        fetch: globalThis.fetch.bind(globalThis),
        signal: abort.signal,
        runProgram: (wasm, input) => runProgramInWorker(wasm, input, { signal: abort.signal }),
        proofWorkers: { spawn: browserProofWorker, threads: browserThreads() },
      });
    } finally {
      runs.delete(id);
    }
  },
  cancel(id: number): void {
    runs.get(id)?.abort();
  },
};

export type WidgetWorkerApi = typeof api;
expose(api);

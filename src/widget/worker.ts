/**
 * The widget's Worker: a thin comlink adapter over the widget verdict (src/core underneath). Returns values, never
 * throws. The pinned allocation program runs in its own nested Worker with a wall-clock limit.
 */
import { expose } from 'comlink';
import { runProgramInWorker } from '../../workers/program-client';
import { browserProofWorker, browserThreads } from '../../workers/proof-pool';
import type { WidgetSettings } from './settings';
import { verdictFor, type WidgetVerdict } from './verdict';

const api = {
  verify: (settings: WidgetSettings): Promise<WidgetVerdict> => verdictFor(settings, {
    fetch: globalThis.fetch.bind(globalThis),
    runProgram: (wasm, input) => runProgramInWorker(wasm, input),
    proofWorkers: { spawn: browserProofWorker, threads: browserThreads() },
  }),
};

export type WidgetWorkerApi = typeof api;
expose(api);

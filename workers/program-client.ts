/**
 * Runs an allocation program in a fresh Worker with a wall-clock limit: on timeout or abort the worker is
 * terminated, which stops any wasm loop. Works in browsers (default factory) and in Node (workers/node-worker).
 */
import type { VerifyCode } from '../src/core/errors';
import { wrap, type Endpoint, type Remote } from 'comlink';
import type { AllocationInput, ProgramFailure, ProgramLimits, ProgramResult } from '../src/core/program/types';
import type { ProgramWorkerApi } from './program-worker';

/** A started worker: its message endpoint, a way to kill it, and a way to hear that it died. */
export interface WorkerHandle {
  endpoint: Endpoint;
  terminate(): void;
  onFailure(listener: (failure: ProgramFailure) => void): void;
}

export type WorkerFactory = () => WorkerHandle;

export interface WorkerRunOptions extends ProgramLimits {
  /** Wall-clock limit for compile + instantiate + run, from the moment the worker is up (default 10 s). */
  timeoutMs?: number;
  /** Limit for the worker to load before the program is sent (default 30 s). */
  startupTimeoutMs?: number;
  signal?: AbortSignal;
  /** Defaults to a module Web Worker on workers/program-worker.ts (bundled by Vite). */
  createWorker?: WorkerFactory;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_STARTUP_TIMEOUT_MS = 30_000;

/** The browser's worker: Vite sees the `new URL(…, import.meta.url)` and bundles the entry. */
export function browserProgramWorker(): WorkerHandle {
  const worker = new Worker(new URL('./program-worker.ts', import.meta.url), { type: 'module', name: 'drey-program' });
  return {
    endpoint: worker,
    terminate: () => worker.terminate(),
    onFailure: (listener) => {
      worker.addEventListener('error', (e) => listener({ code: 'PROGRAM_WORKER', message: `program worker failed: ${e.message}`, evidence: {} }));
      worker.addEventListener('messageerror', () => listener({ code: 'PROGRAM_WORKER', message: 'program worker sent an unreadable message', evidence: {} }));
    },
  };
}

function failure(code: VerifyCode, message: string, evidence: ProgramFailure['evidence'] = {}): { ok: false; error: ProgramFailure } {
  return { ok: false, error: { code, message, evidence } };
}

/**
 * Resolves to the program's result or to a coded failure: PROGRAM_TIMEOUT (limit reached, worker terminated),
 * PROGRAM_ABORTED (signal), PROGRAM_WORKER (the worker could not start or died), or any code of the host.
 * Never rejects for anything the program does.
 */
export async function runProgramInWorker(wasm: Uint8Array, input: AllocationInput, options: WorkerRunOptions = {}): Promise<ProgramResult> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, startupTimeoutMs = DEFAULT_STARTUP_TIMEOUT_MS, signal, createWorker = browserProgramWorker } = options;
  const limits: ProgramLimits = {};
  if (options.memoryPages !== undefined) limits.memoryPages = options.memoryPages;
  if (options.maxBytes !== undefined) limits.maxBytes = options.maxBytes;
  if (signal?.aborted) return failure('PROGRAM_ABORTED', 'the run was aborted before it started');

  let handle: WorkerHandle;
  try {
    handle = createWorker();
  } catch (e) {
    return failure('PROGRAM_WORKER', `could not start the program worker: ${e instanceof Error ? e.message : String(e)}`);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  let settle: (r: ProgramResult) => void = () => {};
  const stopped = new Promise<ProgramResult>((resolve) => { settle = resolve; });
  handle.onFailure((f) => settle({ ok: false, error: f }));
  if (signal) {
    onAbort = () => settle(failure('PROGRAM_ABORTED', 'the run was aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
  }
  const startTimer = (ms: number, code: VerifyCode, what: string): void => {
    clearTimeout(timer);
    timer = setTimeout(() => settle(failure(code, `${what} did not finish within ${ms} ms`, { timeoutMs: ms })), ms);
  };

  try {
    const remote: Remote<ProgramWorkerApi> = wrap<ProgramWorkerApi>(handle.endpoint);
    startTimer(startupTimeoutMs, 'PROGRAM_WORKER', 'the program worker\'s start-up');
    const up = await Promise.race([remote.ready().then(() => null), stopped]);
    if (up) return up;
    startTimer(timeoutMs, 'PROGRAM_TIMEOUT', 'the program');
    return await Promise.race([remote.run(wasm, input, limits), stopped]);
  } catch (e) {
    return failure('PROGRAM_WORKER', `the program worker failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    clearTimeout(timer);
    if (signal && onAbort) signal.removeEventListener('abort', onAbort);
    handle.terminate();
  }
}

/** Node adapter for the program worker: a worker_threads Worker behind the client's WorkerHandle (CLI, tests). */
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Endpoint } from 'comlink';
import type { ProgramFailure } from '../src/core/program/types';
import { runProgramInWorker, type WorkerHandle, type WorkerRunOptions } from './program-client';
import type { AllocationInput, ProgramResult } from '../src/core/program/types';

type Listener = EventListenerOrEventListenerObject;
type PortLike = Pick<MessagePort, 'postMessage'> & {
  on(event: 'message', listener: (data: unknown) => void): unknown;
  off(event: 'message', listener: (data: unknown) => void): unknown;
};

/** comlink's Endpoint over a Node port: Node delivers the message itself, comlink expects `{ data }`. */
export function endpointFromPort(port: PortLike): Endpoint {
  const wrapped = new Map<Listener, (data: unknown) => void>();
  return {
    postMessage: (message: unknown, transfer?: Transferable[]) => port.postMessage(message, transfer as never),
    addEventListener: (_type: string, listener: Listener) => {
      const fn = (data: unknown): void => {
        if (typeof listener === 'function') listener({ data } as MessageEvent);
        else listener.handleEvent({ data } as MessageEvent);
      };
      wrapped.set(listener, fn);
      port.on('message', fn);
    },
    removeEventListener: (_type: string, listener: Listener) => {
      const fn = wrapped.get(listener);
      if (fn) port.off('message', fn);
      wrapped.delete(listener);
    },
  };
}

/** Heap limits for the worker's JavaScript; wasm memory is capped by the host (the module's maximum). */
export const NODE_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 };

/** A fresh Node worker running workers/program-worker.node.ts (its .mjs bootstrap installs tsx's loader). */
export function nodeProgramWorker(): WorkerHandle {
  const worker = new Worker(new URL('./program-worker.node.mjs', import.meta.url), { resourceLimits: NODE_RESOURCE_LIMITS });
  let terminated = false;
  return {
    endpoint: endpointFromPort(worker),
    terminate: () => {
      terminated = true;
      void worker.terminate();
    },
    onFailure: (listener: (f: ProgramFailure) => void) => {
      worker.on('error', (e: Error & { code?: string }) => {
        const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
        listener({ code: oom ? 'PROGRAM_MEMORY_LIMIT' : 'PROGRAM_WORKER', message: `program worker failed: ${e.message}`, evidence: { reason: e.code ?? 'error' } });
      });
      worker.on('exit', (exitCode) => {
        if (!terminated) listener({ code: 'PROGRAM_WORKER', message: `program worker exited with code ${exitCode}`, evidence: { exitCode } });
      });
    },
  };
}

/** runProgramInWorker with a Node worker. */
export function runProgramInNodeWorker(wasm: Uint8Array, input: AllocationInput, options: Omit<WorkerRunOptions, 'createWorker'> = {}): Promise<ProgramResult> {
  return runProgramInWorker(wasm, input, { ...options, createWorker: nodeProgramWorker });
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { randomInput } from '../src/core/program/random-input';
import { computeMonth } from '../src/core/program/reference';
import { nodeProgramWorker, runProgramInNodeWorker } from './node-worker';
import { runProgramInWorker, type WorkerHandle } from './program-client';

const programs = new URL('../programs/', import.meta.url);
const program = new Uint8Array(readFileSync(new URL('allocation/build/allocation.wasm', programs)));
const loop = new Uint8Array(readFileSync(new URL('hostile/infinite-loop.wasm', programs)));
const input = randomInput(8, { rows: 500, deathRate: 0.1 });

describe('when the pinned program runs in a Node worker', () => {
  it('returns the reference outputs as values', async () => {
    const r = await runProgramInNodeWorker(program, input, { timeoutMs: 5000 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.output).toEqual(computeMonth(input));
  });
});

describe('when the caller aborts', () => {
  it('a running loop is stopped with PROGRAM_ABORTED and its worker terminated', async () => {
    const controller = new AbortController();
    let terminated = false;
    const createWorker = (): WorkerHandle => {
      const h = nodeProgramWorker();
      return { ...h, terminate: () => { terminated = true; h.terminate(); } };
    };
    const pending = runProgramInWorker(loop, input, { timeoutMs: 60_000, signal: controller.signal, createWorker });
    setTimeout(() => controller.abort(), 1500);
    const r = await pending;
    expect(r.ok ? 'ok' : r.error.code).toBe('PROGRAM_ABORTED');
    expect(terminated).toBe(true);
  });
  it('a signal aborted before the call starts no worker', async () => {
    let started = false;
    const r = await runProgramInWorker(program, input, { signal: AbortSignal.abort(), createWorker: () => { started = true; return nodeProgramWorker(); } });
    expect(r.ok ? 'ok' : r.error.code).toBe('PROGRAM_ABORTED');
    expect(started).toBe(false);
  });
});

describe('when the worker cannot start', () => {
  it('a throwing factory gives PROGRAM_WORKER', async () => {
    const r = await runProgramInWorker(program, input, { createWorker: () => { throw new Error('no workers here'); } });
    expect(r.ok ? 'ok' : r.error.code).toBe('PROGRAM_WORKER');
  });
  it('a worker that never answers hits the start-up limit', async () => {
    const silent: WorkerHandle = {
      endpoint: { postMessage: () => {}, addEventListener: () => {}, removeEventListener: () => {} },
      terminate: () => {},
      onFailure: () => {},
    };
    const r = await runProgramInWorker(program, input, { startupTimeoutMs: 50, createWorker: () => silent });
    expect(r.ok ? 'ok' : r.error.code).toBe('PROGRAM_WORKER');
  });
});

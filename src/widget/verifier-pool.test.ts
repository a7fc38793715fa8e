import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WidgetSettings } from './settings';
import type { WidgetVerdict } from './verdict';
import { createVerifierPool, type VerifierHandle } from './verifier-pool';

const settings = { network: 'regtest', esplora: ['http://127.0.0.1:1/api'], rps: 10, genesis: '', month: null, depth: 'full' } as unknown as WidgetSettings;

const verdict = (message: string): WidgetVerdict => ({ status: 'verified', subject: 'Chain tip #1', month: null, code: 'OK', explanation: '', message, ms: 1 });

/** A fake verifier Worker: each verify waits until the test answers it; cancel and terminate are recorded. */
function fakeWorker() {
  const pending = new Map<number, (v: WidgetVerdict) => void>();
  const cancelled: number[] = [];
  let failure: (message: string) => void = () => {};
  const w = {
    terminated: false,
    pending,
    cancelled,
    answer: (id: number, v: WidgetVerdict) => pending.get(id)!(v),
    die: (message: string) => failure(message),
    handle: {
      api: {
        verify: (id: number) => new Promise<WidgetVerdict>((resolve) => pending.set(id, resolve)),
        cancel: (id: number) => { cancelled.push(id); },
      },
      terminate: () => { w.terminated = true; },
      onFailure: (listener: (message: string) => void) => { failure = listener; },
    } satisfies VerifierHandle,
  };
  return w;
}

function poolWithFakes(options: { idleMs?: number; forceAfterMs?: number } = {}) {
  const spawned: ReturnType<typeof fakeWorker>[] = [];
  const pool = createVerifierPool({
    ...options,
    spawn: () => {
      const w = fakeWorker();
      spawned.push(w);
      return w.handle;
    },
  });
  return { pool, spawned };
}

/** Lets queued promise callbacks run. */
const flush = async () => { for (let i = 0; i < 5; i++) await Promise.resolve(); };

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('the page\'s verifier Worker', () => {
  it('is started once and shared by successive and concurrent verifications', async () => {
    const { pool, spawned } = poolWithFakes();
    const a = pool.start(settings);
    const b = pool.start(settings);
    await flush();
    expect(spawned).toHaveLength(1);
    const [w] = spawned;
    const [idA, idB] = [...w!.pending.keys()];
    w!.answer(idB!, verdict('b'));
    w!.answer(idA!, verdict('a'));
    expect((await a.result).message).toBe('a');
    expect((await b.result).message).toBe('b');
    const c = pool.start(settings);
    await flush();
    expect(spawned).toHaveLength(1);
    w!.answer([...w!.pending.keys()].at(-1)!, verdict('c'));
    expect((await c.result).message).toBe('c');
    expect(w!.terminated).toBe(false);
  });

  it('cancels one run at once (WIDGET_CANCELLED) and asks the Worker to abort it, leaving the others running', async () => {
    const { pool, spawned } = poolWithFakes();
    const a = pool.start(settings);
    const b = pool.start(settings);
    await flush();
    const w = spawned[0]!;
    const [idA, idB] = [...w.pending.keys()];
    a.cancel();
    expect(await a.result).toMatchObject({ status: 'unavailable', code: 'WIDGET_CANCELLED' });
    await flush();
    expect(w.cancelled).toEqual([idA]);
    // The aborted run's own answer comes later and changes nothing.
    w.answer(idA!, verdict('too late'));
    expect((await a.result).code).toBe('WIDGET_CANCELLED');
    w.answer(idB!, verdict('b'));
    expect((await b.result).message).toBe('b');
    expect(w.terminated).toBe(false);
    // Cancelling a finished run does nothing.
    b.cancel();
    await flush();
    expect(w.cancelled).toEqual([idA]);
  });

  it('retires a Worker whose cancelled run does not stop: new runs get a fresh Worker, the old one ends after its live runs', async () => {
    const { pool, spawned } = poolWithFakes({ forceAfterMs: 1000 });
    const stuck = pool.start(settings);
    const other = pool.start(settings);
    await flush();
    const old = spawned[0]!;
    const [, idOther] = [...old.pending.keys()];
    stuck.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(old.terminated).toBe(false);
    const next = pool.start(settings);
    await flush();
    expect(spawned).toHaveLength(2);
    old.answer(idOther!, verdict('other'));
    expect((await other.result).message).toBe('other');
    await flush();
    expect(old.terminated).toBe(true);
    const fresh = spawned[1]!;
    fresh.answer([...fresh.pending.keys()][0]!, verdict('next'));
    expect((await next.result).message).toBe('next');
    expect(fresh.terminated).toBe(false);
  });

  it('ends a stuck Worker with no other run at once when its cancelled run is overdue', async () => {
    const { pool, spawned } = poolWithFakes({ forceAfterMs: 1000 });
    const stuck = pool.start(settings);
    await flush();
    stuck.cancel();
    await vi.advanceTimersByTimeAsync(999);
    expect(spawned[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(spawned[0]!.terminated).toBe(true);
    expect(pool.workers()).toBe(0);
  });

  it('keeps a Worker whose cancelled run stopped in time', async () => {
    const { pool, spawned } = poolWithFakes({ forceAfterMs: 1000, idleMs: 60_000 });
    const run = pool.start(settings);
    await flush();
    const w = spawned[0]!;
    run.cancel();
    w.answer([...w.pending.keys()][0]!, verdict('aborted'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.terminated).toBe(false);
    pool.start(settings);
    await flush();
    expect(spawned).toHaveLength(1);
  });

  it('terminates a Worker left idle, and starts a new one for the next verification', async () => {
    const { pool, spawned } = poolWithFakes({ idleMs: 5000 });
    const run = pool.start(settings);
    await flush();
    spawned[0]!.answer([...spawned[0]!.pending.keys()][0]!, verdict('a'));
    await run.result;
    await vi.advanceTimersByTimeAsync(4999);
    expect(spawned[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(spawned[0]!.terminated).toBe(true);
    pool.start(settings);
    await flush();
    expect(spawned).toHaveLength(2);
  });

  it('settles every run of a Worker that dies as WIDGET_WORKER, and starts a new one next time', async () => {
    const { pool, spawned } = poolWithFakes();
    const a = pool.start(settings);
    const b = pool.start(settings);
    await flush();
    spawned[0]!.die('out of memory');
    for (const run of [a, b]) expect(await run.result).toMatchObject({ status: 'unavailable', code: 'WIDGET_WORKER', message: 'the verifier worker failed: out of memory' });
    expect(spawned[0]!.terminated).toBe(true);
    pool.start(settings);
    await flush();
    expect(spawned).toHaveLength(2);
  });

  it('answers WIDGET_WORKER when no Worker can be started, or when a call to it fails', async () => {
    const refused = createVerifierPool({ spawn: () => { throw new Error('workers are disabled'); } });
    expect(await refused.start(settings).result).toMatchObject({ code: 'WIDGET_WORKER', message: 'could not start the verifier worker: workers are disabled' });
    const broken = createVerifierPool({ spawn: () => ({ api: { verify: () => Promise.reject(new Error('DataCloneError')), cancel: () => {} }, terminate: () => {}, onFailure: () => {} }) });
    expect(await broken.start(settings).result).toMatchObject({ code: 'WIDGET_WORKER', message: 'the verifier worker failed: DataCloneError' });
  });
});

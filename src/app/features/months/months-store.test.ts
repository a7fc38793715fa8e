import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Outcome } from '../../../core/outcome';
import type { Progress } from '../../../core/month/report';
import type { AppMonthReport, MonthQuery } from '../../worker/api';
import { EMPTY_SETTINGS } from '../settings/settings';

/** A stand-in Worker client: each started run waits until the test ends it; cancelling ends it as aborted. */
const started: { query: MonthQuery; progress: (p: Progress) => void; end: (o: Outcome<AppMonthReport>) => void; cancelled: boolean }[] = [];
vi.mock('../../worker/client', () => ({
  verifier: () => ({}),
  startMonthRun: (_s: unknown, query: MonthQuery, progress: (p: Progress) => void) => {
    let end: (o: Outcome<AppMonthReport>) => void = () => {};
    const result = new Promise<Outcome<AppMonthReport>>((resolve) => { end = resolve; });
    const entry = { query, progress, end, cancelled: false };
    started.push(entry);
    return {
      id: started.length, result,
      cancel: () => {
        entry.cancelled = true;
        end({ ok: false, error: { code: 'FETCH_ABORTED', message: 'cancelled', evidence: {} } });
      },
    };
  },
}));

const { bestRun, cancelRun, queuePlace, resetMonthsStore, runKey, stopVerifyingAll, useMonthsStore, verifiedReports, verifyMonth } = await import('./months-store');
type MonthRun = import('./months-store').MonthRun;

const settings = { ...EMPTY_SETTINGS, genesis: `${'ab'.repeat(32)}i0`, esplora: ['http://127.0.0.1:1/api'] };
const report = (month: number, verdict: AppMonthReport['verdict'] = 'verified') => ({ ok: true as const, value: { month, verdict, depth: 'full', checks: [] } as unknown as AppMonthReport });
const flush = () => new Promise((r) => setTimeout(r, 0));
const months = () => started.map((s) => s.query.month);

beforeEach(() => { started.length = 0; });
afterEach(resetMonthsStore);

function run(month: number, depth: 'full' | 'quick', startedAt: number, verdict?: AppMonthReport['verdict'], user?: string): MonthRun {
  return {
    key: runKey(month, depth, user), month, depth, ...(user ? { user } : {}), status: verdict ? 'done' : 'running', startedAt, steps: {},
    ...(verdict ? { report: { month, verdict, depth } as AppMonthReport } : {}),
  };
}

describe('which run describes a month', () => {
  it('prefers the full run over a depositor’s quick run', () => {
    const runs = { [runKey(2, 'quick', 'u')]: run(2, 'quick', 9, 'verified', 'u'), [runKey(2, 'full')]: run(2, 'full', 1, 'rejected') };
    expect(bestRun(runs, 2)?.depth).toBe('full');
  });

  it('falls back to the latest quick run', () => {
    const runs = { a: run(3, 'quick', 1, 'verified', 'a'), b: run(3, 'quick', 5, 'pending', 'b') };
    expect(bestRun(runs, 3)?.user).toBe('b');
    expect(bestRun(runs, 4)).toBeUndefined();
  });
});

describe('the reports the ranking and the export use', () => {
  it('are the finished full runs, in month order', () => {
    const runs = { x: run(3, 'full', 1, 'verified'), y: run(1, 'full', 2, 'rejected'), z: run(2, 'full', 3), q: run(1, 'quick', 4, 'verified', 'u') };
    expect(verifiedReports(runs).map((r) => r.month)).toEqual([1, 3]);
  });
});

describe('when several months are asked for', () => {
  it('runs them one at a time, in order, each timer starting when its run starts', async () => {
    const done = [1, 2, 3].map((m) => verifyMonth(settings, m, 'full', undefined, { priority: 'background', batch: true }));
    expect(months()).toEqual([1]);
    expect(useMonthsStore.getState().queue.map((q) => q.month)).toEqual([2, 3]);
    expect(useMonthsStore.getState().verifyingAll).toBe(true);
    expect(useMonthsStore.getState().runs[runKey(2, 'full')]).toBeUndefined();
    const t1 = useMonthsStore.getState().runs[runKey(1, 'full')]!.startedAt;
    started[0]!.end(report(1));
    await flush();
    expect(months()).toEqual([1, 2]);
    expect(useMonthsStore.getState().runs[runKey(2, 'full')]!.startedAt).toBeGreaterThanOrEqual(t1);
    started[1]!.end(report(2));
    await flush();
    started[2]!.end(report(3));
    expect((await Promise.all(done)).map((r) => r?.status)).toEqual(['done', 'done', 'done']);
    expect(useMonthsStore.getState().verifyingAll).toBe(false);
  });
});

describe('when a person opens a month while every month is being verified', () => {
  it('runs that month at once; the background month goes back to the head of the queue with its earlier result', async () => {
    for (const m of [1, 2, 3, 4]) void verifyMonth(settings, m, 'full', undefined, { priority: 'background', batch: true });
    const mine = verifyMonth(settings, 3, 'full');
    expect(months()).toEqual([1, 3]);
    expect(started[0]!.cancelled).toBe(true);
    const s = useMonthsStore.getState();
    expect(s.active).toBe(runKey(3, 'full'));
    expect(s.queue.map((q) => [q.month, q.priority])).toEqual([[1, 'background'], [2, 'background'], [4, 'background']]);
    expect(s.runs[runKey(1, 'full')]).toBeUndefined();
    expect(queuePlace(s, runKey(1, 'full'))).toBe(1);
    started[1]!.progress({ step: 'fetch', status: 'running', ms: 0 });
    expect(useMonthsStore.getState().runs[runKey(3, 'full')]!.steps.fetch?.status).toBe('running');
    started[1]!.progress({ step: 'proofs', status: 'running', ms: 0 });
    started[1]!.progress({ step: 'proofs', status: 'running', ms: 0, done: 64, total: 130 });
    expect(useMonthsStore.getState().runs[runKey(3, 'full')]!.steps.proofs).toMatchObject({ status: 'running', done: 64, total: 130 });
    started[1]!.progress({ step: 'proofs', status: 'done', ms: 900 });
    expect(useMonthsStore.getState().runs[runKey(3, 'full')]!.steps.proofs).toMatchObject({ status: 'done', ms: 900, done: 130, total: 130 });
    // The preempted run's late progress and end change nothing.
    started[0]!.progress({ step: 'proofs', status: 'running', ms: 0 });
    expect(useMonthsStore.getState().runs[runKey(1, 'full')]).toBeUndefined();
    started[1]!.end(report(3));
    expect((await mine)?.report?.month).toBe(3);
    await flush();
    expect(months()).toEqual([1, 3, 1]);
  });

  it('joins a month that already runs in the background instead of restarting it', async () => {
    void verifyMonth(settings, 1, 'full', undefined, { priority: 'background', batch: true });
    void verifyMonth(settings, 2, 'full', undefined, { priority: 'background', batch: true });
    const mine = verifyMonth(settings, 1, 'full');
    expect(months()).toEqual([1]);
    started[0]!.end(report(1));
    expect((await mine)?.status).toBe('done');
  });

  it('queues a second person request behind the first, with its place', () => {
    void verifyMonth(settings, 5, 'full');
    void verifyMonth(settings, 6, 'full');
    expect(months()).toEqual([5]);
    expect(queuePlace(useMonthsStore.getState(), runKey(6, 'full'))).toBe(1);
  });
});

describe('when a run is cancelled', () => {
  it('drops a queued run and resolves whoever waited for it', async () => {
    void verifyMonth(settings, 1, 'full');
    const waiting = verifyMonth(settings, 2, 'full');
    cancelRun(runKey(2, 'full'));
    expect(await waiting).toBeUndefined();
    expect(useMonthsStore.getState().queue).toEqual([]);
  });

  it('marks a running run cancelled', async () => {
    const r = verifyMonth(settings, 1, 'full');
    cancelRun(runKey(1, 'full'));
    expect((await r)?.status).toBe('cancelled');
  });

  it('stops verifying every month without touching what a person asked for', async () => {
    for (const m of [1, 2]) void verifyMonth(settings, m, 'full', undefined, { priority: 'background', batch: true });
    void verifyMonth(settings, 3, 'full');
    stopVerifyingAll();
    await flush();
    expect(useMonthsStore.getState().queue).toEqual([]);
    expect(useMonthsStore.getState().active).toBe(runKey(3, 'full'));
    expect(useMonthsStore.getState().verifyingAll).toBe(false);
  });
});

describe('when the store is reset between tests', () => {
  it('forgets every run, the queue and the timeline', () => {
    useMonthsStore.setState({ runs: { a: run(1, 'full', 1, 'verified') }, timeline: { status: 'loading' } });
    resetMonthsStore();
    expect(useMonthsStore.getState()).toMatchObject({ runs: {}, queue: [], timeline: { status: 'idle' }, verifyingAll: false });
  });
});

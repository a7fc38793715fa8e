import { afterEach, describe, expect, it } from 'vitest';
import { bestRun, resetMonthsStore, runKey, useMonthsStore, verifiedReports, type MonthRun } from './months-store';
import type { AppMonthReport } from '../../../../workers/verifier-worker';

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

describe('when the store is reset between tests', () => {
  it('forgets every run and the timeline', () => {
    useMonthsStore.setState({ runs: { a: run(1, 'full', 1, 'verified') }, timeline: { status: 'loading' } });
    resetMonthsStore();
    expect(useMonthsStore.getState()).toMatchObject({ runs: {}, timeline: { status: 'idle' }, verifyingAll: false });
  });
});

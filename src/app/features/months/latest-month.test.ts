import { describe, expect, it } from 'vitest';
import type { AppMonthReport, MonthListing } from '../../worker/api';
import { defaultMonth, latestFinished } from './latest-month';
import type { MonthRun, Timeline } from './months-store';

const listing = (tipHeight: number, ends: number[]): Timeline => ({
  status: 'ok', tipHeight, months: ends.map((endHeight, i): MonthListing => ({ month: i + 1, anchorHeight: i * 30, endHeight })),
});
const ran = (month: number, verdict: AppMonthReport['verdict']): Record<string, MonthRun> => ({
  [`${month}:full`]: { key: `${month}:full`, month, depth: 'full', status: 'done', startedAt: 0, steps: {}, report: { verdict } as AppMonthReport },
});

describe('the month a page opens on', () => {
  it('is the latest month whose end is below the tip; newer ones of unknown state are tried first', () => {
    expect(latestFinished(listing(389, [238, 268, 388, 418]), {})).toEqual({ month: 3, tryFirst: [4] });
    expect(defaultMonth(listing(389, [238, 268, 388, 418]), {})).toBe(3);
  });

  it('is a newer month once a verification found its final', () => {
    expect(defaultMonth(listing(389, [238, 418]), ran(2, 'verified'))).toBe(2);
  });

  it('skips a month a verification found still in progress', () => {
    expect(latestFinished(listing(300, [238, 320, 350]), ran(3, 'pending'))).toEqual({ month: 1, tryFirst: [2] });
  });
});

describe('when nothing is known to be finished', () => {
  it('tries the newest month first and falls back to it', () => {
    expect(latestFinished(listing(100, [120, 150]), {})).toEqual({ tryFirst: [2, 1] });
    expect(defaultMonth(listing(100, [120, 150]), {})).toBe(2);
  });

  it('has no month before the timeline loads', () => {
    expect(defaultMonth({ status: 'loading' }, {})).toBeUndefined();
  });
});

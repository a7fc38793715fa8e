import { describe, expect, it } from 'vitest';
import { monthListing } from './month-listing';

const PARAMS = { start_height: 207, blocks_per_month: 30, start_month: 202611, lead_window: 3, max_attempts: 3, race_delay: 7, race_window: 6, reveal_confirmations: 1, reveal_window: 5 };

describe('the months a genesis defines at a tip', () => {
  it('lists every month whose anchor is at or below the tip, with its end height and calendar label', () => {
    const months = monthListing(PARAMS, 267);
    expect(months.map((m) => m.month)).toEqual([1, 2, 3]);
    // The month ends when its last attempt can end (§6): A_m + max_attempts · (lead window + race delay + race window − 1
    // + reveal confirmations + reveal window).
    expect(months[0]).toEqual({ month: 1, anchorHeight: 207, endHeight: 207 + 3 * (3 + 7 + 6 - 1 + 1 + 5), label: '2026-11' });
    expect(months[2]!.label).toBe('2027-01');
  });

  it('lists none before the first anchor', () => {
    expect(monthListing(PARAMS, 206)).toEqual([]);
  });
});

describe('when the genesis lacks a window parameter or the start month', () => {
  it('lists the months without end heights or labels instead of failing', () => {
    const { lead_window: _drop, start_month: _none, ...partial } = PARAMS;
    expect(monthListing(partial, 237)).toEqual([{ month: 1, anchorHeight: 207 }, { month: 2, anchorHeight: 237 }]);
  });
});

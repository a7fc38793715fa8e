import { describe, expect, it } from 'vitest';
import { anchorHeight, leadWindow, monthEnd, raceWindow, revealWindow } from './timeline';
import { PARAMS } from './steps/test-records.test-util';

// PARAMS: start_height 1000, blocks_per_month 100, lead_window 3, race_delay 7, race_window 4, reveal_confirmations 6,
// reveal_window 6, max_attempts 3.
describe('the month\'s heights (§6.0)', () => {
  it('the anchor of month m is start_height + (m − 1)·blocks_per_month', () => {
    expect([1, 2, 5].map((m) => anchorHeight(PARAMS, m))).toEqual([1000, 1100, 1400]);
  });

  it('a lead window is S_a + 1 … S_a + lead_window', () => {
    expect(leadWindow(PARAMS, 1000)).toEqual({ from: 1001, to: 1003 });
  });

  it('the race window is h_L + race_delay … h_L + race_delay + race_window − 1', () => {
    expect(raceWindow(PARAMS, 1002)).toEqual({ from: 1009, to: 1012 });
  });

  it('the reveal window starts reveal_confirmations after the later of the lead and the last counted commit, and ends reveal_confirmations + reveal_window after the race', () => {
    expect(revealWindow(PARAMS, 1002, 1011)).toEqual({ from: 1017, to: 1024 });
    expect(revealWindow(PARAMS, 1002, 990)).toEqual({ from: 1008, to: 1024 });
  });

  it('the month ends max_attempts attempt spans after its anchor (span 3 + 7 + 4 − 1 + 6 + 6 = 25)', () => {
    expect(monthEnd(PARAMS, 1)).toBe(1075);
    expect(monthEnd(PARAMS, 2)).toBe(1175);
  });
});

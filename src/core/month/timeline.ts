/**
 * The month's heights (docs/protocol.md §6.0): the anchor, an attempt's lead window from its start, the race and reveal
 * windows from the lead's commit, and the month end, after which no attempt can still be open.
 */
import { attemptSpan } from '../protocol/genesis-rules';
import type { GenesisParams } from '../protocol/payloads';

/** `A_m = start_height + (m − 1)·blocks_per_month`. */
export function anchorHeight(p: GenesisParams, month: number): number {
  return p.start_height + (month - 1) * p.blocks_per_month;
}

/** The lead window of an attempt starting at `start` (`S_a`): its lottery and its lead's commit confirm in `S_a + 1 … S_a + lead_window`. */
export function leadWindow(p: GenesisParams, start: number): { from: number; to: number } {
  return { from: start + 1, to: start + p.lead_window };
}

/** Secondaries count from `h_L + race_delay` to `h_L + race_delay + race_window − 1` inclusive. */
export function raceWindow(p: GenesisParams, leadHeight: number): { from: number; to: number } {
  return { from: leadHeight + p.race_delay, to: leadHeight + p.race_delay + p.race_window - 1 };
}

/** The reveal confirms at `h_R ≥ h_c + reveal_confirmations` for every counted commit and `≤ race end + confirmations + reveal_window`. */
export function revealWindow(p: GenesisParams, leadHeight: number, lastCountedCommit: number): { from: number; to: number } {
  return {
    from: Math.max(leadHeight, lastCountedCommit) + p.reveal_confirmations,
    to: raceWindow(p, leadHeight).to + p.reveal_confirmations + p.reveal_window,
  };
}

/**
 * The month end `A_m + max_attempts·T` (T = the longest an attempt can last): every attempt starts at most T blocks after
 * the previous one, so none can still be open after it. A month without a final whose end is above the tip is pending.
 */
export function monthEnd(p: GenesisParams, month: number): number {
  return anchorHeight(p, month) + p.max_attempts * attemptSpan(p);
}

/** The month's heights (docs/protocol.md §6): anchor, lead deadlines per attempt, race window, reveal window, month end. */
import type { GenesisParams } from '../protocol/payloads';

/** `A_m = start_height + (m − 1)·blocks_per_month`. */
export function anchorHeight(p: GenesisParams, month: number): number {
  return p.start_height + (month - 1) * p.blocks_per_month;
}

/** Attempt `a`'s lead commit must confirm at h with `A_m + a·lead_window < h ≤ A_m + (a+1)·lead_window`. */
export function leadWindow(p: GenesisParams, month: number, attempt: number): { from: number; to: number } {
  const a = anchorHeight(p, month);
  return { from: a + attempt * p.lead_window + 1, to: a + (attempt + 1) * p.lead_window };
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
 * The last height at which month m can still be finished: the last attempt's lead window, a full race, confirmations
 * and the reveal window. A month without a final whose end is above the tip is pending, not failed.
 */
export function monthEnd(p: GenesisParams, month: number): number {
  const lastLead = leadWindow(p, month, p.max_attempts - 1).to;
  return raceWindow(p, lastLead).to + p.reveal_confirmations + p.reveal_window;
}

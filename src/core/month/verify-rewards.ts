/**
 * Step "rewards" (docs/protocol.md §10): recompute the month's rewards (the pool is the previous AUM times the fee;
 * lead share first, agreeing secondaries by race rank) and penalties (missed deadline, void commit at 0 sats,
 * disagreement, invalid, copied or unopenable package), then compare with the final's lists as multisets.
 */
import { passed, failed, type Check } from '../check';
import { VerifyError } from '../errors';
import type { FinalPayload, GenesisParams, PenaltyReason } from '../protocol/payloads';

export interface Reward { actuary: string; sats: number }
export interface Penalty { actuary: string; reason: PenaltyReason; sats: number }

export interface Outcome {
  /** Previous table's total Dreybits (0 for month 1). */
  previousAum: bigint;
  lead: string;
  /** Agreeing secondaries with valid proofs, in race order. */
  agreeing: string[];
  missed: string[];
  void: string[];
  disagreed: string[];
  invalid: string[];
  copied: string[];
  unopenable: string[];
}

export function expectedRewards(p: GenesisParams, o: Outcome): Reward[] {
  const pool = (o.previousAum * BigInt(p.monthly_fee_ppm)) / 1_000_000n;
  const share = (k: number) => Number((pool * BigInt(p.reward_shares[k] ?? 0)) / 10_000n);
  return [o.lead, ...o.agreeing].map((actuary, k) => ({ actuary, sats: share(k) }));
}

export function expectedPenalties(p: GenesisParams, o: Outcome): Penalty[] {
  const list = (keys: string[], reason: PenaltyReason, sats = p.penalty_sats) => keys.map((actuary) => ({ actuary, reason, sats }));
  return [
    ...list(o.missed, 'missed_deadline'), ...list(o.void, 'void_commit', 0), ...list(o.disagreed, 'disagreed'),
    ...list(o.invalid, 'invalid_package'), ...list(o.copied, 'copied_package'), ...list(o.unopenable, 'unopenable'),
  ];
}

/** Multiset difference of two lists by a key (zero-sat rewards are not entries). */
function diff<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): { missing: string[]; extra: string[] } {
  const count = new Map<string, number>();
  for (const x of a) count.set(key(x), (count.get(key(x)) ?? 0) + 1);
  const extra: string[] = [];
  for (const x of b) {
    const k = key(x);
    const n = count.get(k) ?? 0;
    if (n > 0) count.set(k, n - 1);
    else extra.push(k);
  }
  const missing = [...count].flatMap(([k, n]) => Array<string>(n).fill(k));
  return { missing, extra };
}

export function verifyRewards(p: GenesisParams, o: Outcome, final: FinalPayload): { checks: Check[]; rewards: Reward[]; penalties: Penalty[] } {
  const rewards = expectedRewards(p, o);
  const penalties = expectedPenalties(p, o);
  const checks: Check[] = [];
  const r = diff(rewards.filter((x) => x.sats > 0), final.rewards.filter((x) => x.sats > 0), (x) => `${x.actuary}:${x.sats}`);
  if (r.missing.length || r.extra.length) {
    checks.push(failed('rewards', new VerifyError('REWARD_MISMATCH', 'the final\'s rewards differ from the recomputed ones', { expected: r.missing, unexpected: r.extra, pool: ((o.previousAum * BigInt(p.monthly_fee_ppm)) / 1_000_000n).toString() })));
  } else {
    checks.push(passed('rewards', `${rewards.length} reward(s) recomputed and equal to the final's`, { rewards }));
  }
  const q = diff(penalties, final.penalties, (x) => `${x.actuary}:${x.reason}:${x.sats}`);
  if (q.missing.length || q.extra.length) {
    checks.push(failed('rewards', new VerifyError('REWARD_PENALTY_MISMATCH', 'the final\'s penalties differ from the recomputed ones', { expected: q.missing, unexpected: q.extra })));
  } else {
    checks.push(passed('rewards', `${penalties.length} penalt${penalties.length === 1 ? 'y' : 'ies'} recomputed and equal to the final's`, { penalties }));
  }
  return { checks, rewards, penalties };
}

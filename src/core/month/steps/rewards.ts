/**
 * Step "rewards" (docs/protocol.md §10): recompute the month's rewards (the pool is the previous AUM times the fee;
 * lead share first, agreeing secondaries by race rank) and penalties (the leads of failed attempts — a missed deadline,
 * or a package that is not valid — then the accepted attempt's void commits at 0 sats, disagreement, invalid, copied or
 * unopenable packages), then compare with the final's lists as multisets.
 */
import { failed, passed, type Check } from '../../check';
import { VerifyError } from '../../errors';
import type { FinalPayload, GenesisParams, PenaltyReason } from '../../protocol/payloads';
import type { AllocationTable } from '../../table/allocation';
import type { Depth } from '../report';
import type { StepResult } from '../step-result';
import type { Agreement } from './agreement';
import type { LotteryResult, RoundLead } from './lottery';
import type { RaceResult } from './race';
import type { OpenedPackage, RevealResult } from './reveal';

export interface Reward { actuary: string; sats: number }
export interface Penalty { actuary: string; reason: PenaltyReason; sats: number }

/** Who did what in the month's round, as the rewards and penalties follow from it. */
export interface RoundOutcome {
  /** Previous table's total Dreybits (0 for month 1). */
  previousAum: bigint;
  lead: string;
  /** Agreeing secondaries with valid proofs, in race order. */
  agreeing: string[];
  /** Leads of failed attempts and their penalty, in attempt order. */
  failed: { lead: string; reason: PenaltyReason }[];
  void: string[];
  disagreed: string[];
  invalid: string[];
  copied: string[];
  unopenable: string[];
}

export function expectedRewards(p: GenesisParams, o: RoundOutcome): Reward[] {
  const pool = (o.previousAum * BigInt(p.monthly_fee_ppm)) / 1_000_000n;
  const share = (k: number) => Number((pool * BigInt(p.reward_shares[k] ?? 0)) / 10_000n);
  return [o.lead, ...o.agreeing].map((actuary, k) => ({ actuary, sats: share(k) }));
}

export function expectedPenalties(p: GenesisParams, o: RoundOutcome): Penalty[] {
  const list = (keys: string[], reason: PenaltyReason, sats = p.penalty_sats) => keys.map((actuary) => ({ actuary, reason, sats }));
  return [
    ...o.failed.map((f) => ({ actuary: f.lead, reason: f.reason, sats: p.penalty_sats })), ...list(o.void, 'void_commit', 0), ...list(o.disagreed, 'disagreed'),
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

/** The recomputed rewards and penalties against the final's lists. */
export function rewardChecks(p: GenesisParams, o: RoundOutcome, final: FinalPayload): { checks: Check[]; rewards: Reward[]; penalties: Penalty[] } {
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

export interface RoundInput {
  lottery: LotteryResult;
  lead: RoundLead;
  race: RaceResult;
  reveal: RevealResult;
  /** The agreement the proofs left, and the packages whose proof checks failed. */
  agreement: Agreement;
  invalid: ReadonlyMap<OpenedPackage, unknown>;
  /** The table of the month it starts from (null: none). */
  previous: AllocationTable | null;
}

/** The round's outcome: the previous AUM, the lead, the agreeing secondaries, and who is penalised for what. */
export function roundOutcome(r: RoundInput): RoundOutcome {
  const counted = (status: OpenedPackage['status']) => r.reveal.packages.filter((p) => p.entry.status === 'counted' && p.status === status).map((p) => p.entry.actuary);
  return {
    previousAum: r.previous?.total ?? 0n,
    lead: r.lead.lead,
    agreeing: r.agreement.agreeing.map((p) => p.entry.actuary),
    failed: r.lottery.failed.map(({ lead, reason }) => ({ lead, reason })),
    void: r.race.entries.filter((e) => e.status === 'void').map((e) => e.actuary),
    disagreed: r.agreement.disagreeing.filter((p) => !r.invalid.has(p)).map((p) => p.entry.actuary),
    invalid: [...counted('invalid'), ...[...r.invalid.keys()].filter((p) => p.entry.status === 'counted').map((p) => p.entry.actuary)],
    copied: counted('copied'),
    unopenable: counted('unopenable'),
  };
}

export interface RewardsValue {
  outcome: RoundOutcome;
  rewards: Reward[];
  penalties: Penalty[];
}

export interface RewardsInput {
  depth: Depth;
  params: GenesisParams;
  final?: FinalPayload;
  /** The round as the earlier steps established it; absent when they could not. */
  round?: RoundInput;
}

/** Full depth: the final's rewards and penalties are the ones the round's outcome gives (§10). */
export function verifyRewards(input: RewardsInput): StepResult<RewardsValue> {
  const { final, round } = input;
  if (!final || input.depth !== 'full' || !round) return { checks: [] };
  const outcome = roundOutcome(round);
  const { checks, rewards, penalties } = rewardChecks(input.params, outcome, final);
  return { checks, value: { outcome, rewards, penalties } };
}

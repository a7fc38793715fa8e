/**
 * Step "ranking": the month's actuary ranking (lead, secondaries in race order, stake and lottery odds, agreement,
 * package status after the proofs, reward, penalties), and whether the month is finished: a final exists, or the month
 * end has passed without one (AGREEMENT_NO_FINAL), or the month is still pending.
 */
import { failed, passed, type Check } from '../../check';
import { VerifyError } from '../../errors';
import type { MonthActuary, MonthRanking } from '../ranking';
import type { StepResult } from '../step-result';
import type { Eligibility } from './eligibility';
import type { RoundInput, RewardsValue } from './rewards';

/** The ranking of a month whose rewards were recomputed. */
export function monthRanking(month: number, eligibility: Eligibility, round: RoundInput, rewards: RewardsValue): MonthRanking {
  const o = rewards.outcome;
  const total = eligibility.eligible.reduce((x, a) => x + a.stake, 0n);
  const countedEntry = (k: string) => round.race.counted.find((e) => e.actuary === k);
  const role = (k: string): MonthActuary['role'] => (k === o.lead ? 'lead' : countedEntry(k) ? 'secondary' : o.failed.some((f) => f.lead === k) ? 'missed-lead' : 'eligible');
  const pkgOf = (k: string) => round.reveal.packages.find((p) => p.entry.actuary === k);
  return {
    month, lead: o.lead, attempt: round.lead.attempt,
    links: eligibility.eligible.flatMap((a) => a.linkedFrom.map((old, i): [string, string] => [old, a.linkedFrom[i + 1] ?? a.key])),
    actuaries: eligibility.eligible.map((a) => {
      const p = pkgOf(a.key);
      const r = role(a.key);
      const rank = countedEntry(a.key)?.rank;
      return {
        key: a.key, role: r, ...(rank ? { rank } : {}),
        stake: a.stake.toString(), lotteryPpm: total ? Number((a.stake * 1_000_000n) / total) : 0,
        agreed: r === 'secondary' && p && (p.status === 'valid' || p.status === 'invalid') ? o.agreeing.includes(a.key) : null,
        packageStatus: p ? (round.invalid.has(p) ? 'invalid' : p.status) : null,
        reward: rewards.rewards.find((x) => x.actuary === a.key)?.sats ?? 0,
        penalties: rewards.penalties.filter((x) => x.actuary === a.key).map(({ reason, sats }) => ({ reason, sats })),
      };
    }),
  };
}

export interface RankingInput {
  month: number;
  hasFinal: boolean;
  tipHeight: number;
  /** The last height at which the month can still be finished. */
  monthEnd: number;
  /** What the ranking is built from: present when the rewards were recomputed. */
  ranked?: { eligibility: Eligibility; round: RoundInput; rewards: RewardsValue };
}

export function verifyRanking(input: RankingInput): StepResult<MonthRanking> {
  const { month, monthEnd, tipHeight } = input;
  if (input.hasFinal) {
    if (!input.ranked) return { checks: [] };
    const ranking = monthRanking(month, input.ranked.eligibility, input.ranked.round, input.ranked.rewards);
    return { checks: [passed('ranking', `ranking data for ${ranking.actuaries.length} eligible actuaries`, { lead: ranking.lead })], value: ranking };
  }
  if (tipHeight <= monthEnd) return { checks: [], pending: `no final yet; the month can finish until height ${monthEnd}` };
  const checks: Check[] = [failed('ranking', new VerifyError('AGREEMENT_NO_FINAL', `month ${month} has no final and its last window ended at ${monthEnd}`, { monthEnd, tip: tipHeight }))];
  return { checks };
}

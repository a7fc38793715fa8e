import { describe, expect, it } from 'vitest';
import type { FinalPayload } from '../../protocol/payloads';
import type { AllocationTable } from '../../table/allocation';
import { agreementOf } from './agreement';
import type { RaceResult } from './race';
import { rewardChecks, roundOutcome, verifyRewards, type RoundInput, type RoundOutcome } from './rewards';
import { PARAMS, commit, key, opened } from './test-records.test-util';

const outcome: RoundOutcome = { previousAum: 10_000_000n, lead: key(1), agreeing: [key(2), key(3), key(4)], failed: [{ lead: key(5), reason: 'missed_deadline' }], void: [key(6)], disagreed: [], invalid: [], copied: [], unopenable: [] };
const final = (rewards: FinalPayload['rewards'], penalties: FinalPayload['penalties']) => ({ rewards, penalties }) as FinalPayload;
// pool = 10,000,000 · 1000 / 10^6 = 10,000 sats; shares 30 %, 20 %, 15 %, then nothing.
const good = [{ actuary: key(1), sats: 3000 }, { actuary: key(2), sats: 2000 }, { actuary: key(3), sats: 1500 }];
const penalties = [{ actuary: key(5), reason: 'missed_deadline' as const, sats: 5000 }, { actuary: key(6), reason: 'void_commit' as const, sats: 0 }];

describe('when the final lists the recomputed rewards and penalties', () => {
  it('passes; a secondary beyond the reward shares gets nothing', () => {
    expect(rewardChecks(PARAMS, outcome, final(good, penalties)).checks.every((c) => c.ok)).toBe(true);
  });
});

describe('when the final pays one sat too much or forgets the void commit', () => {
  it('fails with REWARD_MISMATCH and REWARD_PENALTY_MISMATCH', () => {
    const r = rewardChecks(PARAMS, outcome, final([...good.slice(0, 2), { actuary: key(3), sats: 1501 }], penalties.slice(0, 1)));
    expect(r.checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['REWARD_MISMATCH', 'REWARD_PENALTY_MISMATCH']);
  });
});

const R = 'ab'.repeat(32);
const X = 'cd'.repeat(32);
function round(extra: Partial<RoundInput> = {}): RoundInput {
  const packages = [opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', X, 2), opened(4, 'copied', R, 3), opened(7, 'unopenable', R, 4), opened(8, 'invalid', R, 5)];
  const voided = { commit: commit(key(6), 1003), actuary: key(6), status: 'void' as const };
  const race: RaceResult = { window: { from: 1008, to: 1011 }, entries: [...packages.map((p) => p.entry), voided], counted: packages.map((p) => p.entry), quorum: 3, pending: false };
  return {
    lottery: { attempts: [], failed: [{ attempt: 0, lead: key(5), reason: 'missed_deadline' }], pending: false }, lead: { attempt: 1, lead: key(1), commit: commit(key(1), 1005), from: 'lottery' },
    race, reveal: { packages, pending: false }, agreement: agreementOf(packages), invalid: new Map(),
    previous: { rows: 1, userIds: ['drey:reserve'], allocations: BigInt64Array.of(10_000_000n), total: 10_000_000n } as AllocationTable, ...extra,
  };
}

describe('when the round had a missed lead, a void commit, a disagreement and faulty packages', () => {
  it('the outcome names each actuary under its penalty', () => {
    expect(roundOutcome(round())).toEqual({
      previousAum: 10_000_000n, lead: key(1), agreeing: [key(2)], failed: [{ lead: key(5), reason: 'missed_deadline' }], void: [key(6)], disagreed: [key(3)],
      invalid: [key(8)], copied: [key(4)], unopenable: [key(7)],
    });
  });
  it('a secondary whose proofs failed is penalised as invalid, not as disagreeing', () => {
    const r = round();
    const disagreeing = r.agreement.disagreeing[0];
    if (!disagreeing) throw new Error('no disagreeing package');
    expect(roundOutcome({ ...r, invalid: new Map([[disagreeing, undefined]]) })).toMatchObject({ disagreed: [], invalid: [key(8), key(3)] });
  });
  it('the first month (no previous table) has an empty pool', () => {
    expect(roundOutcome(round({ previous: null })).previousAum).toBe(0n);
  });
});

describe('when the rewards step cannot or need not run', () => {
  it('does not apply at quick depth, without a final, or without a round', () => {
    const f = final([], []);
    expect(verifyRewards({ depth: 'quick', params: PARAMS, final: f, round: round() })).toEqual({ checks: [] });
    expect(verifyRewards({ depth: 'full', params: PARAMS, round: round() })).toEqual({ checks: [] });
    expect(verifyRewards({ depth: 'full', params: PARAMS, final: f })).toEqual({ checks: [] });
  });
  it('otherwise compares the final with the outcome', () => {
    const r = verifyRewards({ depth: 'full', params: PARAMS, final: final([], []), round: round() });
    expect(r.checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['REWARD_MISMATCH', 'REWARD_PENALTY_MISMATCH']);
    expect(r.value?.rewards).toEqual([{ actuary: key(1), sats: 3000 }, { actuary: key(2), sats: 2000 }]);
  });
});

describe('when attempts failed before the accepted one (§10)', () => {
  it('each failed lead is penalised first, for what it did: a missed deadline or a package that is not valid', () => {
    const failed = [{ lead: key(5), reason: 'missed_deadline' as const }, { lead: key(9), reason: 'unopenable' as const }, { lead: key(8), reason: 'copied_package' as const }];
    const r = rewardChecks(PARAMS, { ...outcome, failed }, final(good, [
      { actuary: key(8), reason: 'copied_package', sats: 5000 }, { actuary: key(6), reason: 'void_commit', sats: 0 },
      { actuary: key(5), reason: 'missed_deadline', sats: 5000 }, { actuary: key(9), reason: 'unopenable', sats: 5000 },
    ]));
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(r.penalties.slice(0, 3).map((p) => [p.actuary, p.reason])).toEqual(failed.map((f) => [f.lead, f.reason]));
  });
  it('the outcome takes them from the lottery in attempt order', () => {
    const lottery = { attempts: [], failed: [{ attempt: 0, lead: key(5), reason: 'missed_deadline' as const }, { attempt: 1, lead: key(9), reason: 'invalid_package' as const }], pending: false };
    expect(roundOutcome(round({ lottery })).failed).toEqual([{ lead: key(5), reason: 'missed_deadline' }, { lead: key(9), reason: 'invalid_package' }]);
  });
});

describe('when the final\'s lists differ from the recomputed ones', () => {
  it('REWARD_MISMATCH names the missing and unexpected entries and the pool', () => {
    const r = rewardChecks(PARAMS, outcome, final([...good.slice(0, 2), { actuary: key(3), sats: 1501 }], penalties));
    expect(r.checks[0]).toMatchObject({ ok: false, step: 'rewards', code: 'REWARD_MISMATCH', evidence: { expected: [`${key(3)}:1500`], unexpected: [`${key(3)}:1501`], pool: '10000' } });
    expect(r.checks[1]?.ok).toBe(true);
  });
  it('REWARD_PENALTY_MISMATCH names the missing and unexpected penalties by actuary, reason and sats', () => {
    const r = rewardChecks(PARAMS, outcome, final(good, [penalties[0]!, { actuary: key(6), reason: 'void_commit', sats: 1 }]));
    expect(r.checks[0]?.ok).toBe(true);
    expect(r.checks[1]).toMatchObject({ ok: false, step: 'rewards', code: 'REWARD_PENALTY_MISMATCH', evidence: { expected: [`${key(6)}:void_commit:0`], unexpected: [`${key(6)}:void_commit:1`] } });
  });
  it('the lists are compared as multisets: a reward or a penalty listed twice is unexpected', () => {
    const r = rewardChecks(PARAMS, outcome, final([...good, good[0]!], [...penalties, penalties[0]!]));
    expect(r.checks.map((c) => c.evidence.unexpected)).toEqual([[`${key(1)}:3000`], [`${key(5)}:missed_deadline:5000`]]);
    expect(r.checks.map((c) => c.evidence.expected)).toEqual([[], []]);
  });
  it('a reward or a penalty left out is expected, in any order of the rest', () => {
    const r = rewardChecks(PARAMS, outcome, final([good[2]!, good[0]!], [penalties[1]!]));
    expect(r.checks.map((c) => c.code)).toEqual(['REWARD_MISMATCH', 'REWARD_PENALTY_MISMATCH']);
    expect(r.checks.map((c) => c.evidence.expected)).toEqual([[`${key(2)}:2000`], [`${key(5)}:missed_deadline:5000`]]);
    expect(r.checks.map((c) => c.evidence.unexpected)).toEqual([[], []]);
  });
});

describe('when a reward is zero sats', () => {
  it('is no entry: the final may list it or not', () => {
    const small: RoundOutcome = { ...outcome, previousAum: 1_000n }; // pool 1 sat: every share rounds down to 0
    expect(rewardChecks(PARAMS, small, final([], penalties)).checks.map((c) => c.code)).toEqual(['OK', 'OK']);
    expect(rewardChecks(PARAMS, small, final([{ actuary: key(1), sats: 0 }], penalties)).checks.map((c) => c.code)).toEqual(['OK', 'OK']);
    expect(rewardChecks(PARAMS, small, final([{ actuary: key(1), sats: 1 }], penalties)).checks.map((c) => c.code)).toEqual(['REWARD_MISMATCH', 'OK']);
  });
});

describe('the recomputed rewards and penalties', () => {
  it('pool = previous AUM · fee / 10^6 rounded down, each share rounded down, the lead first', () => {
    const r = rewardChecks(PARAMS, { ...outcome, previousAum: 10_999_999n }, final([], []));
    // pool 10,999 sats: 30 % = 3299.7, 20 % = 2199.8, 15 % = 1649.85.
    expect(r.rewards).toEqual([{ actuary: key(1), sats: 3299 }, { actuary: key(2), sats: 2199 }, { actuary: key(3), sats: 1649 }, { actuary: key(4), sats: 0 }]);
    expect(r.checks[0]?.evidence.pool).toBe('10999');
  });
  it('every penalty but a void commit costs penalty_sats, in the order failed, void, disagreed, invalid, copied, unopenable', () => {
    const all: RoundOutcome = { ...outcome, disagreed: [key(7)], invalid: [key(8)], copied: [key(9)], unopenable: [key(10)] };
    const r = rewardChecks(PARAMS, all, final([], []));
    expect(r.penalties).toEqual([
      { actuary: key(5), reason: 'missed_deadline', sats: 5000 }, { actuary: key(6), reason: 'void_commit', sats: 0 }, { actuary: key(7), reason: 'disagreed', sats: 5000 },
      { actuary: key(8), reason: 'invalid_package', sats: 5000 }, { actuary: key(9), reason: 'copied_package', sats: 5000 }, { actuary: key(10), reason: 'unopenable', sats: 5000 },
    ]);
  });
  it('a passed check carries what was recomputed', () => {
    const r = rewardChecks(PARAMS, outcome, final(good, penalties));
    expect(r.checks[0]?.evidence.rewards).toEqual(r.rewards);
    expect(r.checks[1]?.evidence.penalties).toEqual(r.penalties);
  });
});

describe('when the lead\'s own package failed its proof checks', () => {
  it('only counted secondaries among the invalid are penalised as invalid here (the lead\'s failure is the lottery\'s)', () => {
    const r = round();
    const leadPackage = r.reveal.packages[0]!;
    expect(roundOutcome({ ...r, invalid: new Map([[leadPackage, undefined]]) }).invalid).toEqual([key(8)]);
  });
});

describe('the rewards step\'s checks', () => {
  it('both passed checks belong to the rewards step', () => {
    expect(rewardChecks(PARAMS, outcome, final(good, penalties)).checks.map((c) => [c.step, c.ok])).toEqual([['rewards', true], ['rewards', true]]);
  });
});

describe('when the lead\'s own package was copied, unopenable or invalid', () => {
  it('the outcome does not list the lead under those penalties (a failed lead is the lottery\'s to penalise)', () => {
    for (const status of ['copied', 'unopenable', 'invalid'] as const) {
      const r = round();
      const packages = [opened(1, status, R), ...r.reveal.packages.slice(1)];
      const o = roundOutcome({ ...r, reveal: { packages, pending: false } });
      expect([...o.copied, ...o.unopenable, ...o.invalid]).not.toContain(key(1));
    }
  });
});

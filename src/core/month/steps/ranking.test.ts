import { describe, expect, it } from 'vitest';
import type { AllocationTable } from '../../table/allocation';
import { agreementOf } from './agreement';
import type { Eligibility } from './eligibility';
import type { RaceResult } from './race';
import { verifyRanking } from './ranking';
import { roundOutcome, type RewardsValue, type RoundInput } from './rewards';
import { commit, key, opened } from './test-records.test-util';

const R = 'ab'.repeat(32);
const eligibility: Eligibility = {
  anchor: 1000, ineligible: new Map(),
  eligible: [1, 2, 3, 5].map((i) => ({ key: key(i), stake: BigInt(i) * 1_000_000n, register: '', registeredAt: 900, linkedFrom: i === 3 ? [key(9)] : [] })),
};
/** A round with a missed lead, a valid secondary and an invalid one, and its rewards; built inside the tests. */
function fixture() {
  const packages = [opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'invalid', R, 2)];
  const race: RaceResult = { window: { from: 1008, to: 1011 }, entries: packages.map((p) => p.entry), counted: packages.map((p) => p.entry), quorum: 2, pending: false };
  const round: RoundInput = {
    lottery: { attempts: [], failed: [{ attempt: 0, lead: key(5), reason: 'missed_deadline' }], pending: false }, lead: { attempt: 1, lead: key(1), commit: commit(key(1), 1005), from: 'lottery' },
    race, reveal: { packages, pending: false }, agreement: agreementOf(packages), invalid: new Map(), previous: { total: 0n } as AllocationTable,
  };
  const outcome = roundOutcome(round);
  const rewards: RewardsValue = { outcome, rewards: [{ actuary: key(1), sats: 30 }], penalties: [{ actuary: key(5), reason: 'missed_deadline', sats: 9 }] };
  return { packages, round, rewards };
}

describe('when a finished month\'s rewards were recomputed', () => {
  it('ranks every eligible actuary by role, with odds, agreement, package status, reward and penalties', () => {
    const { round, rewards } = fixture();
    const r = verifyRanking({ month: 4, hasFinal: true, tipHeight: 2000, monthEnd: 1050, ranked: { eligibility, round, rewards } });
    expect(r.checks.map((c) => c.message)).toEqual(['ranking data for 4 eligible actuaries']);
    expect(r.value).toMatchObject({ month: 4, lead: key(1), attempt: 1, links: [[key(9), key(3)]] });
    expect(r.value?.actuaries.map((a) => [a.role, a.rank ?? null, a.lotteryPpm, a.agreed, a.packageStatus, a.reward, a.penalties.length])).toEqual([
      ['lead', null, 90909, null, 'valid', 30, 0],
      ['secondary', 1, 181818, true, 'valid', 0, 0],
      ['secondary', 2, 272727, false, 'invalid', 0, 0],
      ['missed-lead', null, 454545, null, null, 0, 1],
    ]);
  });
  it('a package whose proofs failed ranks as invalid', () => {
    const { packages, round, rewards } = fixture();
    const [, second] = packages;
    if (!second) throw new Error('no second package');
    const r = verifyRanking({ month: 4, hasFinal: true, tipHeight: 2000, monthEnd: 1050, ranked: { eligibility, round: { ...round, invalid: new Map([[second, undefined]]) }, rewards } });
    expect(r.value?.actuaries[1]?.packageStatus).toBe('invalid');
  });
});

describe('when the month has a final but its rewards could not be recomputed', () => {
  it('gives no ranking and no check', () => {
    expect(verifyRanking({ month: 4, hasFinal: true, tipHeight: 2000, monthEnd: 1050 })).toEqual({ checks: [] });
  });
});

describe('when the month has no final', () => {
  it('is pending up to the month end and AGREEMENT_NO_FINAL one block after', () => {
    expect(verifyRanking({ month: 4, hasFinal: false, tipHeight: 1050, monthEnd: 1050 })).toEqual({ checks: [], pending: 'no final yet; the month can finish until height 1050' });
    expect(verifyRanking({ month: 4, hasFinal: false, tipHeight: 1051, monthEnd: 1050 }).checks.map((c) => c.code)).toEqual(['AGREEMENT_NO_FINAL']);
  });
});

describe('the ranking\'s roles, links and penalties', () => {
  it('an actuary neither lead, counted nor failed is eligible; each failed lead is a missed lead; a chain of links ends at the key; an unopenable secondary has no agreement', () => {
    const base = fixture();
    const packages = [...base.packages, opened(7, 'unopenable', R, 3)];
    const round: RoundInput = { ...base.round, race: { ...base.round.race, entries: packages.map((p) => p.entry), counted: packages.map((p) => p.entry) }, reveal: { packages, pending: false } };
    const outcome = { ...base.rewards.outcome, failed: [...base.rewards.outcome.failed, { attempt: 2, lead: key(8), reason: 'missed_deadline' as const }] };
    const rewards: RewardsValue = { ...base.rewards, outcome, penalties: [...base.rewards.penalties, { actuary: key(5), reason: 'unopenable', sats: 4 }] };
    const more: Eligibility = {
      ...eligibility,
      eligible: [
        ...eligibility.eligible.map((a) => (a.key === key(3) ? { ...a, linkedFrom: [key(9), key(8)] } : a)),
        ...[6, 7].map((i) => ({ key: key(i), stake: 1_000_000n, register: '', registeredAt: 900, linkedFrom: [] })),
      ],
    };
    const r = verifyRanking({ month: 4, hasFinal: true, tipHeight: 2000, monthEnd: 1050, ranked: { eligibility: more, round, rewards } });
    expect(r.checks[0]?.evidence).toEqual({ lead: key(1) });
    expect(r.value?.links).toEqual([[key(9), key(8)], [key(8), key(3)]]);
    expect(r.value?.actuaries.map((a) => [a.key, a.role, a.agreed, a.packageStatus])).toEqual([
      [key(1), 'lead', null, 'valid'], [key(2), 'secondary', true, 'valid'], [key(3), 'secondary', false, 'invalid'], [key(5), 'missed-lead', null, null],
      [key(6), 'eligible', null, null], [key(7), 'secondary', null, 'unopenable'],
    ]);
    expect(r.value?.actuaries.find((a) => a.key === key(5))?.penalties).toEqual([{ reason: 'missed_deadline', sats: 9 }, { reason: 'unopenable', sats: 4 }]);
  });

  it('a month without a final past its end names the month end and the tip', () => {
    expect(verifyRanking({ month: 4, hasFinal: false, tipHeight: 1051, monthEnd: 1050 }).checks[0]?.evidence).toEqual({ monthEnd: 1050, tip: 1051 });
  });
});

describe('the ranking checks\' step', () => {
  it('is ranking, for the ranking data and for a month without a final', () => {
    const { round, rewards } = fixture();
    expect(verifyRanking({ month: 4, hasFinal: true, tipHeight: 2000, monthEnd: 1050, ranked: { eligibility, round, rewards } }).checks.map((c) => c.step)).toEqual(['ranking']);
    expect(verifyRanking({ month: 4, hasFinal: false, tipHeight: 1051, monthEnd: 1050 }).checks.map((c) => c.step)).toEqual(['ranking']);
  });
});

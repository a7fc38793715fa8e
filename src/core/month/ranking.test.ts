import { describe, expect, it } from 'vitest';
import { allTimeRanking, type MonthActuary, type MonthRanking } from './ranking';

const actor = (key: string, role: MonthActuary['role'], extra: Partial<MonthActuary> = {}): MonthActuary => ({ key, role, stake: '1', lotteryPpm: 0, agreed: null, packageStatus: null, reward: 0, penalties: [], ...extra });

describe('when an actuary rotates its key and both keys are eligible in the same month', () => {
  it('counts that month once in seniority and sums rewards over the identity', () => {
    const months: MonthRanking[] = [
      { month: 1, lead: 'old', attempt: 0, links: [], actuaries: [actor('old', 'lead', { reward: 10 })] },
      { month: 2, lead: null, attempt: 0, links: [['old', 'new']], actuaries: [actor('old', 'eligible'), actor('new', 'secondary', { reward: 5, agreed: true })] },
      { month: 3, lead: null, attempt: 0, links: [['old', 'new']], actuaries: [actor('new', 'secondary', { agreed: false, penalties: [{ reason: 'disagreed', sats: 7 }] })] },
    ];
    const [a] = allTimeRanking(months);
    expect(a).toMatchObject({ key: 'new', seniority: 3, leads: 1, rewards: 15, penalties: 7, agreementRate: 0.5 });
    expect(a!.keys.sort()).toEqual(['new', 'old']);
  });
});

describe('the all-time ranking\'s order', () => {
  it('puts seniority first, then rewards, then fewer penalties, then the key', () => {
    const m = (month: number, actuaries: MonthActuary[]): MonthRanking => ({ month, lead: null, attempt: 0, links: [], actuaries });
    const months = [
      m(1, [actor('senior', 'eligible'), actor('rich', 'eligible', { reward: 50 }), actor('b', 'eligible', { reward: 9 }), actor('a', 'eligible', { reward: 9 }), actor('fined', 'eligible', { reward: 9, penalties: [{ reason: 'late', sats: 1 }] })]),
      m(2, [actor('senior', 'eligible')]),
    ];
    expect(allTimeRanking(months).map((a) => a.key)).toEqual(['senior', 'rich', 'a', 'b', 'fined']);
    expect(allTimeRanking([months[1]!, months[0]!]).map((a) => a.key)).toEqual(['senior', 'rich', 'a', 'b', 'fined']);
  });
});

describe('an actuary\'s all-time figures', () => {
  it('count leads only as lead, sum every penalty, and leave the agreement rate null when it never revealed', () => {
    const months: MonthRanking[] = [
      { month: 1, lead: 'k', attempt: 0, links: [], actuaries: [actor('k', 'lead', { reward: 4 })] },
      { month: 2, lead: null, attempt: 1, links: [], actuaries: [actor('k', 'missed-lead', { penalties: [{ reason: 'no package', sats: 5000 }, { reason: 'late', sats: 3 }] })] },
      { month: 3, lead: null, attempt: 0, links: [], actuaries: [actor('k', 'secondary')] },
    ];
    expect(allTimeRanking(months)).toEqual([{ key: 'k', keys: ['k'], seniority: 3, leads: 1, rewards: 4, penalties: 5003, agreementRate: null }]);
  });

  it('rate agreement over revealed packages only', () => {
    const months: MonthRanking[] = [1, 2, 3, 4].map((month) => ({
      month, lead: null, attempt: 0, links: [], actuaries: [actor('k', 'secondary', { agreed: month === 4 ? null : month !== 2 })],
    }));
    expect(allTimeRanking(months)[0]!.agreementRate).toBeCloseTo(2 / 3);
  });

  it('follow a chain of key rotations to the newest key, and stop on a cycle of links', () => {
    const chained: MonthRanking[] = [
      { month: 1, lead: null, attempt: 0, links: [['k1', 'k2']], actuaries: [actor('k1', 'eligible')] },
      { month: 2, lead: null, attempt: 0, links: [['k2', 'k3']], actuaries: [actor('k3', 'eligible')] },
    ];
    expect(allTimeRanking(chained)).toMatchObject([{ key: 'k3', keys: ['k1', 'k3'], seniority: 2 }]);
    const cycle: MonthRanking[] = [{ month: 1, lead: null, attempt: 0, links: [['x', 'y'], ['y', 'x']], actuaries: [actor('x', 'eligible'), actor('y', 'eligible')] }];
    // A cycle names no newest key: the walk ends where it started, and each key's month is still counted.
    expect(allTimeRanking(cycle).flatMap((a) => a.keys).sort()).toEqual(['x', 'y']);
  });

  it('keep each key once in an identity\'s keys', () => {
    const months: MonthRanking[] = [1, 2].map((month) => ({ month, lead: null, attempt: 0, links: [], actuaries: [actor('k', 'eligible')] }));
    expect(allTimeRanking(months)[0]!.keys).toEqual(['k']);
  });
});

describe('two actuaries equal in seniority and rewards', () => {
  const month = (actuaries: MonthActuary[]): MonthRanking[] => [{ month: 1, lead: null, attempt: 0, links: [], actuaries }];

  it('rank the one with fewer penalty sats first, whichever was listed first', () => {
    const fined = (key: string, sats: number) => actor(key, 'eligible', { penalties: [{ reason: 'late', sats }] });
    expect(allTimeRanking(month([fined('x', 5), fined('y', 3)])).map((a) => a.key)).toEqual(['y', 'x']);
    expect(allTimeRanking(month([fined('y', 3), fined('x', 5)])).map((a) => a.key)).toEqual(['y', 'x']);
  });

  it('with equal penalties too, rank by key, whichever was listed first', () => {
    expect(allTimeRanking(month([actor('b', 'eligible'), actor('a', 'eligible')])).map((a) => a.key)).toEqual(['a', 'b']);
    expect(allTimeRanking(month([actor('a', 'eligible'), actor('b', 'eligible')])).map((a) => a.key)).toEqual(['a', 'b']);
  });
});

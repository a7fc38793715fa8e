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

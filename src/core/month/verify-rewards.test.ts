import { describe, expect, it } from 'vitest';
import { PARAMS, key } from './test-records.test-util';
import { verifyRewards, type Outcome } from './verify-rewards';
import type { FinalPayload } from '../protocol/payloads';

const outcome: Outcome = { previousAum: 10_000_000n, lead: key(1), agreeing: [key(2), key(3), key(4)], missed: [key(5)], void: [key(6)], disagreed: [], invalid: [], copied: [], unopenable: [] };
const final = (rewards: FinalPayload['rewards'], penalties: FinalPayload['penalties']) => ({ rewards, penalties }) as FinalPayload;
// pool = 10,000,000 · 1000 / 10^6 = 10,000 sats; shares 30 %, 20 %, 15 %, then nothing.
const good = [{ actuary: key(1), sats: 3000 }, { actuary: key(2), sats: 2000 }, { actuary: key(3), sats: 1500 }];
const penalties = [{ actuary: key(5), reason: 'missed_deadline' as const, sats: 5000 }, { actuary: key(6), reason: 'void_commit' as const, sats: 0 }];

describe('when the final lists the recomputed rewards and penalties', () => {
  it('passes; a secondary beyond the reward shares gets nothing', () => {
    expect(verifyRewards(PARAMS, outcome, final(good, penalties)).checks.every((c) => c.ok)).toBe(true);
  });
});

describe('when the final pays one sat too much or forgets the void commit', () => {
  it('fails with REWARD_MISMATCH and REWARD_PENALTY_MISMATCH', () => {
    const r = verifyRewards(PARAMS, outcome, final([...good.slice(0, 2), { actuary: key(3), sats: 1501 }], penalties.slice(0, 1)));
    expect(r.checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['REWARD_MISMATCH', 'REWARD_PENALTY_MISMATCH']);
  });
});

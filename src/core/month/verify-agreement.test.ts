import { describe, expect, it } from 'vitest';
import { commit, key } from './test-records.test-util';
import { superMajority, agreementOf } from './verify-agreement';
import type { Package } from './package';
import type { OpenedPackage } from './verify-reveal';

const pkg = (root: string): Package => ({ network: 'regtest', genesis: '', month: 1, actuary: '', newRoot: root, tableSha256: '', F: 0n, W: 0n, R: 0n, batches: [], sig: '' });
const opened = (i: number, status: OpenedPackage['status'], root: string, rank?: number): OpenedPackage => ({
  entry: { commit: commit(key(i), 1000 + i), actuary: key(i), status: rank === undefined ? 'lead' : 'counted', ...(rank ? { rank } : {}) },
  status, ...(status === 'valid' ? { pkg: pkg(root) } : {}),
});
const R = 'ab'.repeat(32);
const X = 'cd'.repeat(32);

describe('when agreement is exactly at the 2/3 threshold', () => {
  it('passes with 2 of 3 and fails with RACE_NO_AGREEMENT at 1 of 2', () => {
    const yes = agreementOf([opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', R, 2), opened(4, 'valid', X, 3)]);
    expect(superMajority(yes, { num: 2, den: 3 }).ok).toBe(true);
    const no = agreementOf([opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', X, 2)]);
    expect(superMajority(no, { num: 2, den: 3 }).code).toBe('RACE_NO_AGREEMENT');
  });
});

describe('when a secondary\'s package is copied or unopenable', () => {
  it('is not among the revealed packages, an invalid one is', () => {
    const a = agreementOf([opened(1, 'valid', R), opened(2, 'copied', R, 1), opened(3, 'unopenable', R, 2), opened(4, 'invalid', R, 3), opened(5, 'valid', R, 4)]);
    expect(a.revealed).toBe(2);
    expect(a.agreeing.map((p) => p.entry.actuary)).toEqual([key(5)]);
  });
});

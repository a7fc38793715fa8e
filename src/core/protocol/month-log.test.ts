import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../bytes';
import { monthLogStep, verifyMonthLogStep, type MonthLogEntry } from './month-log';
import { codeOf } from '../errors.test-util';

const entries: MonthLogEntry[] = Array.from({ length: 9 }, (_, i) => ({ month: i + 1, root: sha256(utf8.encode(`month root ${i + 1}`)) }));


describe('when finals append month roots one by one', () => {
  it('every step verifies against the previous head', () => {
    let prev: { size: number; root: string } | undefined;
    for (let k = 1; k <= entries.length; k++) {
      const step = monthLogStep(entries.slice(0, k));
      expect(codeOf(() => verifyMonthLogStep(prev, step, entries[k - 1]!))).toBe('ok');
      prev = { size: step.size, root: step.root };
    }
  });
});

describe('when a final rewrites or skips history', () => {
  const prev = monthLogStep(entries.slice(0, 4));
  const head = { size: prev.size, root: prev.root };
  it('a log built on a changed earlier month is MERKLE_CONSISTENCY_MISMATCH', () => {
    const forged = entries.slice(0, 5).map((e, i) => (i === 1 ? { ...e, root: sha256(utf8.encode('forged')) } : e));
    expect(codeOf(() => verifyMonthLogStep(head, monthLogStep(forged), entries[4]!))).toBe('MERKLE_CONSISTENCY_MISMATCH');
  });
  it('a head that grows by two is MERKLE_LOG_SIZE', () => {
    expect(codeOf(() => verifyMonthLogStep(head, monthLogStep(entries.slice(0, 6)), entries[5]!))).toBe('MERKLE_LOG_SIZE');
  });
  it('a leaf that is not this month\'s root is MERKLE_INCLUSION_MISMATCH', () => {
    const step = monthLogStep(entries.slice(0, 5));
    expect(codeOf(() => verifyMonthLogStep(head, step, { ...entries[4]!, root: sha256(utf8.encode('other')) }))).toBe('MERKLE_INCLUSION_MISMATCH');
    expect(codeOf(() => verifyMonthLogStep(head, step, { ...entries[4]!, month: 6 }))).toBe('MERKLE_INCLUSION_MISMATCH');
  });
});

describe('when a final\'s proofs have the wrong number of hashes', () => {
  it('a first head with a consistency proof, or an inclusion proof one hash short, is MERKLE_PROOF_LENGTH', () => {
    const first = monthLogStep(entries.slice(0, 1));
    expect(codeOf(() => verifyMonthLogStep(undefined, { ...first, consistency: ['00'.repeat(32)] }, entries[0]!))).toBe('MERKLE_PROOF_LENGTH');
    const prev = monthLogStep(entries.slice(0, 4));
    const step = monthLogStep(entries.slice(0, 5));
    expect(codeOf(() => verifyMonthLogStep({ size: prev.size, root: prev.root }, { ...step, inclusion: step.inclusion.slice(0, -1) }, entries[4]!))).toBe('MERKLE_PROOF_LENGTH');
  });
});

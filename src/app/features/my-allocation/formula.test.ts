import { describe, expect, it } from 'vitest';
import type { AllocationEvidence, DepositorInputs } from '../../../core/month/report';
import { formulaText } from './formula';

const inputs = (extra: Partial<DepositorInputs>): DepositorInputs => ({
  previous: '1100000', isNew: false, alive: true, deposit: '10000', q: 1_020_000, age: 67, sex: 0, geography: 0,
  weight: '1123', share: '7931', F: '123456', W: '17480', R: '3', reserve: false, ...extra,
});
const evidence = (allocation: string): AllocationEvidence => ({ user: 'u', row: 5, allocation, batchIndex: 1, path: {} });

describe('the formula with a depositor’s values', () => {
  it('adds the previous allocation, the deposit and the share to the new allocation', () => {
    expect(formulaText(evidence('1117931'), inputs({}))).toBe('new = previous + deposit + share = 1,100,000 + 10,000 + 7,931 = 1,117,931');
  });

  it('adds the rounding remainder on the reserve row', () => {
    expect(formulaText(evidence('1008'), inputs({ reserve: true, previous: '1000', deposit: '0', share: '5', R: '3' }))).toBe('new = previous + deposit + share + rounding remainder R = 1,000 + 0 + 5 + 3 = 1,008');
  });

  it('is zero for a member who died this month', () => {
    expect(formulaText(evidence('0'), inputs({ alive: false }))).toMatch(/^new = 0 \(deceased this month/);
  });
});

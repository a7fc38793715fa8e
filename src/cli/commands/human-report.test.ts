import { describe, expect, it } from 'vitest';
import { CODE_HELP } from '../../core/code-help';
import type { MonthReport } from '../../core/month/report';
import { humanReport } from './month';

const report = (code: 'PROOF_INVALID' | 'STAKE_SPENT'): MonthReport => ({
  version: 1, network: 'regtest', genesis: `${'ab'.repeat(32)}i0`, month: 3, depth: 'full', verdict: 'rejected',
  checks: [{ step: 'proofs', ok: false, code, message: 'batch 7 of the lead’s package', evidence: {} }],
  timings: {}, ranking: null, inputsHashes: {}, requests: 0,
});

describe('when a check fails in the human output', () => {
  it.each(['PROOF_INVALID', 'STAKE_SPENT'] as const)('prints %s, its message, and what it means in plain words', (code) => {
    const text = humanReport(report(code));
    expect(text).toContain(`FAIL proofs       ${code}: batch 7 of the lead’s package`);
    expect(text).toContain(CODE_HELP[code].what);
  });
});

describe('when the depositor’s id is not in the month’s table', () => {
  it('says so, and to check the id, without a failure', () => {
    const text = humanReport({ ...report('STAKE_SPENT'), verdict: 'verified', depth: 'quick', checks: [], notInTable: { user: 'u-typo', rows: 1060 } });
    expect(text).toContain('user id u-typo is not in this month\'s table (1060 rows): check the id');
    expect(text).not.toContain('FAIL');
  });
});

import { describe, expect, it } from 'vitest';
import type { MonthReport } from '../core/month/report';
import { verdictFromReport } from './month-verdict';
import { stateFromVerdict } from './state';

const report = (extra: Partial<MonthReport>): MonthReport => ({
  version: 1, network: 'regtest', genesis: `${'ab'.repeat(32)}i0`, month: 6, depth: 'quick', verdict: 'verified',
  checks: [{ step: 'roots', ok: true, code: 'OK', message: 'ok', evidence: {} }], timings: {}, ranking: null, inputsHashes: {}, requests: 0, ...extra,
});

describe('when a depositor’s id is not among the month’s rows', () => {
  it('the badge says so, and that the id should be checked: the month is not rejected', () => {
    const v = verdictFromReport(report({ notInTable: { user: 'u-typo', rows: 1060 } }), 800);
    expect(v).toMatchObject({ status: 'not-in-table', month: 6 });
    const state = stateFromVerdict(v);
    expect(state).toMatchObject({ status: 'not-in-table', title: 'Not in this month’s table', code: '' });
    expect(state.reason).toBe('This user id is not among the 1,060 rows of month 6’s table: check the id.');
  });
});

describe('when the depositor’s row verifies', () => {
  it('the badge shows their allocation', () => {
    const v = verdictFromReport(report({ allocation: { user: 'u', row: 4, allocation: '1117931', batchIndex: 1, path: {} } }), 800);
    expect(stateFromVerdict(v).meta).toBe('Month 6 · 1,117,931 Dreybits · in 800 ms');
  });
});

describe('when the month is unavailable (the hosts could not give the data in time)', () => {
  it('the badge says it could not verify, with the fetch code, never the steps not checked, and names the liars', () => {
    const v = verdictFromReport(report({
      verdict: 'unavailable', unavailableReason: 'FETCH_DEADLINE: the month took longer than 300 s',
      checks: [
        { step: 'fetch', ok: false, code: 'FETCH_DEADLINE', message: 'the month took longer than 300 s', evidence: {} },
        { step: 'anchors', ok: false, code: 'PIPELINE_NOT_CHECKED', message: 'not checked: data unavailable', evidence: {} },
      ],
      hosts: { retries: 12, rateLimited: 9, liars: [{ host: 'http://liar.example/api', code: 'CHAIN_UNPROVEN_BLOCK', message: 'names a block it cannot show', evidence: {} }] },
    }), 800);
    expect(v).toMatchObject({ status: 'unavailable', code: 'FETCH_DEADLINE' });
    expect(v.message).toContain('caught lying: http://liar.example/api');
    expect(stateFromVerdict(v)).toMatchObject({ status: 'unavailable', title: 'Could not verify', code: 'FETCH_DEADLINE' });
  });
});

describe('when a month pack was looked for', () => {
  it('the verdict carries whether it was used, and the pack changes nothing else', () => {
    const pack = { url: 'http://site.example/packs/month-6.quick.json', outcome: 'refused' as const, reason: 'for another month' };
    const v = verdictFromReport(report({ pack }), 800);
    expect(v).toEqual({ ...verdictFromReport(report({}), 800), pack });
  });
});

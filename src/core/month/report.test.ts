import { describe, expect, it } from 'vitest';
import type { Check, Step } from '../check';
import { verdictOf } from './report';

const ok = (step: Step): Check => ({ step, ok: true, code: 'OK', message: 'ok', evidence: {} });
const bad = (step: Step, code: string): Check => ({ step, ok: false, code: code as Check['code'], message: code, evidence: {} });

describe('the verdict of a month’s checks', () => {
  it('is verified when every check passed, pending when the month is unfinished', () => {
    expect(verdictOf([ok('anchors'), ok('roots')], false)).toBe('verified');
    expect(verdictOf([ok('anchors')], true)).toBe('pending');
  });

  it('is rejected when the first failing step found a rule broken, whatever could not be checked after it', () => {
    expect(verdictOf([ok('anchors'), bad('agreement', 'AGREEMENT_WRONG_LEAD'), bad('proofs', 'PIPELINE_NOT_CHECKED')], false)).toBe('rejected');
  });

  it('is unavailable when the first failing step lacked data, even where that step also found something (it may rest on what is missing)', () => {
    expect(verdictOf([bad('fetch', 'FETCH_NETWORK'), bad('anchors', 'PIPELINE_NOT_CHECKED')], false)).toBe('unavailable');
    expect(verdictOf([ok('anchors'), bad('eligibility', 'STAKE_MISSING'), bad('eligibility', 'FETCH_ALL_HOSTS_FAILED'), bad('lottery', 'LOTTERY_MISSING')], false)).toBe('unavailable');
    expect(verdictOf([bad('headers', 'CHAIN_POW_INSUFFICIENT')], true)).toBe('unavailable');
  });

  it('looks only at the first failing step: data missing in a later step does not make a rejected month unavailable', () => {
    expect(verdictOf([bad('agreement', 'AGREEMENT_WRONG_LEAD'), bad('roots', 'FETCH_NETWORK')], false)).toBe('rejected');
    expect(verdictOf([bad('agreement', 'AGREEMENT_WRONG_LEAD'), bad('roots', 'FETCH_NETWORK')], true)).toBe('rejected');
  });

  it('is rejected, not pending, when the month is unfinished but a rule is broken', () => {
    expect(verdictOf([ok('anchors'), bad('agreement', 'AGREEMENT_WRONG_LEAD')], true)).toBe('rejected');
  });
});

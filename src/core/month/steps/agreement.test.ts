import { describe, expect, it } from 'vitest';
import type { FinalPayload } from '../../protocol/payloads';
import type { MessageRecord } from '../records';
import { monthEnd } from '../timeline';
import { agreementOf, superMajority, verifyAgreement, verifyFinalTiming, type AgreementInput } from './agreement';
import type { RoundLead } from './lottery';
import type { OpenedPackage } from './reveal';
import { commit, inscription, key, message, opened, PARAMS } from './test-records.test-util';

const R = 'ab'.repeat(32);
const X = 'cd'.repeat(32);
const END = monthEnd(PARAMS, 1);
const codes = (r: { checks: { code: string }[] }) => r.checks.filter((c) => c.code !== 'OK').map((c) => c.code);

function final(height: number, position = 1, payload: Partial<FinalPayload> = {}): MessageRecord<'final'> {
  return message('final', height, { lead: key(1), attempt: 0, root: R, ...payload }, position);
}
function reveal(height: number, position = 1): MessageRecord<'reveal'> {
  return { inscription: inscription(height, position), type: 'reveal', signer: 'aa'.repeat(32), payload: {} as never, message: undefined as never };
}
const lead: RoundLead = { attempt: 0, lead: key(1), commit: commit(key(1), 1001), from: 'lottery' };
const input = (packages: OpenedPackage[], extra: Partial<AgreementInput> = {}): AgreementInput => ({
  depth: 'full', final: final(1030), reveal: { reveal: reveal(1029), packages, pending: false }, lead, monthEnd: END, superMajority: { num: 2, den: 3 }, ...extra,
});

describe('when agreement is exactly at the 2/3 threshold', () => {
  it('passes with 2 of 3 and fails with RACE_NO_AGREEMENT at 1 of 2', () => {
    const yes = agreementOf([opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', R, 2), opened(4, 'valid', X, 3)]);
    expect(superMajority(yes, { num: 2, den: 3 }).ok).toBe(true);
    const no = agreementOf([opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', X, 2)]);
    expect(superMajority(no, { num: 2, den: 3 }).code).toBe('RACE_NO_AGREEMENT');
  });
});

describe('when a secondary\'s package is copied, unopenable or invalid (§6.7: the super-majority is of the counted)', () => {
  it('it counts against agreement; only opened packages count as revealed for the ranking', () => {
    const a = agreementOf([opened(1, 'valid', R), opened(2, 'copied', R, 1), opened(3, 'unopenable', R, 2), opened(4, 'invalid', R, 3), opened(5, 'valid', R, 4)]);
    expect(a.counted).toBe(4);
    expect(a.revealed).toBe(2);
    expect(a.agreeing.map((p) => p.entry.actuary)).toEqual([key(5)]);
    expect(superMajority(a, { num: 2, den: 3 }).code).toBe('RACE_NO_AGREEMENT');
  });

  it('nobody agreeing never passes: 0 of 2 junk packages is RACE_NO_AGREEMENT', () => {
    const a = agreementOf([opened(1, 'valid', R), opened(2, 'unopenable', R, 1), opened(3, 'copied', R, 2)]);
    expect(superMajority(a, { num: 2, den: 3 })).toMatchObject({ ok: false, code: 'RACE_NO_AGREEMENT', evidence: { agree: 0, counted: 2 } });
  });

  it('a secondary with the lead\'s root whose proof checks failed does not agree', () => {
    const packages = [opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', R, 2)];
    const a = agreementOf(packages, new Map([[packages[1]!, undefined]]));
    expect(a.agreeing.map((p) => p.entry.actuary)).toEqual([key(3)]);
    expect(a.counted).toBe(2);
  });

  it('3 of 4 passes at 2/3, and exactly 2 of 3 passes', () => {
    expect(superMajority(agreementOf([opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', R, 2), opened(4, 'valid', R, 3), opened(5, 'unopenable', R, 4)]), { num: 2, den: 3 }).ok).toBe(true);
    expect(superMajority(agreementOf([opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', R, 2), opened(4, 'invalid', R, 3)]), { num: 2, den: 3 }).ok).toBe(true);
  });
});

describe('when the final carries the lead\'s root and secondaries agree', () => {
  it('passes timing, root and super-majority, listing a disagreeing secondary', () => {
    const r = verifyAgreement(input([opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', R, 2), opened(4, 'valid', X, 3)]));
    expect(codes(r)).toEqual([]);
    expect(r.checks.map((c) => c.message)).toEqual(expect.arrayContaining([expect.stringMatching(/disagrees/), expect.stringMatching(/2 of 3 counted/)]));
    expect(r.value?.disagreeing.map((p) => p.entry.actuary)).toEqual([key(4)]);
  });
});

describe('when the final names another lead or root than the round', () => {
  it('is AGREEMENT_WRONG_LEAD for another lead, AGREEMENT_ROOT_MISMATCH for another root', () => {
    const packages = [opened(1, 'valid', R), opened(2, 'valid', R, 1)];
    expect(codes(verifyAgreement(input(packages, { final: final(1030, 1, { lead: key(2) }) })))).toEqual(['AGREEMENT_WRONG_LEAD']);
    expect(codes(verifyAgreement(input(packages, { final: final(1030, 1, { attempt: 1 }) })))).toEqual(['AGREEMENT_WRONG_LEAD']);
    expect(codes(verifyAgreement(input(packages, { final: final(1030, 1, { root: X }) })))).toEqual(['AGREEMENT_ROOT_MISMATCH']);
  });
});

describe('when the lead\'s own package is not valid', () => {
  it('at quick depth it is AGREEMENT_LEAD_INVALID; at full depth the lottery step reported it, and nothing else is judged here', () => {
    const packages = [opened(1, 'invalid', R), opened(2, 'valid', R, 1)];
    expect(codes(verifyAgreement(input(packages)))).toEqual([]);
    const judged = [opened(1, 'valid', R), opened(2, 'valid', R, 1)];
    const r = verifyAgreement(input(judged, { final: final(1030, 1, { root: X }), invalid: new Map([[judged[0]!, undefined]]) }));
    expect(codes(r)).toEqual([]);
    expect(r.checks.map((c) => c.message)).toEqual([expect.stringMatching(/^the final confirmed at/)]);
    expect(codes(verifyAgreement(input([opened(1, 'unopenable', R)], { depth: 'quick' })))).toEqual(['AGREEMENT_LEAD_INVALID']);
  });
});

describe('when a quick check opens only the lead\'s package', () => {
  it('checks the final\'s root against it and counts no secondaries', () => {
    const ok = verifyAgreement(input([opened(1, 'valid', R)], { depth: 'quick', lead: undefined }));
    expect(codes(ok)).toEqual([]);
    expect(ok.value).toMatchObject({ agreeing: [], revealed: 0 });
    expect(codes(verifyAgreement(input([opened(1, 'valid', X)], { depth: 'quick' })))).toEqual(['AGREEMENT_ROOT_MISMATCH']);
  });
});

describe('when there is no final or no reveal yet', () => {
  it('the step does not apply', () => {
    expect(verifyAgreement(input([opened(1, 'valid', R)], { final: undefined }))).toEqual({ checks: [] });
    expect(verifyAgreement(input([], { reveal: { packages: [], pending: true } }))).toEqual({ checks: [] });
  });
  it('without a round lead (full depth) only the final\'s timing is checked', () => {
    expect(verifyAgreement(input([opened(1, 'valid', R)], { lead: undefined })).checks.map((c) => c.message)).toEqual([expect.stringMatching(/^the final confirmed at 1030/)]);
  });
});

describe('when the final follows the reveal inside the month', () => {
  it('passes one block later and in the same block at a later position', () => {
    expect(verifyFinalTiming(final(1030), reveal(1029), END)).toMatchObject({ ok: true, evidence: { height: 1030, revealHeight: 1029, monthEnd: END } });
    expect(verifyFinalTiming(final(1029, 5), reveal(1029, 4), END).ok).toBe(true);
  });
  it('passes at the month end itself', () => {
    expect(verifyFinalTiming(final(END), reveal(END - 1), END).ok).toBe(true);
  });
});

describe('when the final precedes its reveal', () => {
  it('is AGREEMENT_FINAL_EARLY one block before and one position before', () => {
    expect(verifyFinalTiming(final(1028), reveal(1029), END).code).toBe('AGREEMENT_FINAL_EARLY');
    expect(verifyFinalTiming(final(1029, 3), reveal(1029, 4), END).code).toBe('AGREEMENT_FINAL_EARLY');
  });
});

describe('when the final confirms after the month end', () => {
  it('is AGREEMENT_FINAL_LATE one block past the end', () => {
    const c = verifyFinalTiming(final(END + 1), reveal(END - 2), END);
    expect(c).toMatchObject({ ok: false, code: 'AGREEMENT_FINAL_LATE', evidence: { height: END + 1, monthEnd: END } });
  });
});

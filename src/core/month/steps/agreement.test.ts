import { describe, expect, it } from 'vitest';
import type { FinalPayload } from '../../protocol/payloads';
import type { MessageRecord } from '../records';
import { agreementOf, superMajority, verifyAgreement, verifyFinalTiming, type AgreementInput } from './agreement';
import type { RoundLead } from './lottery';
import type { OpenedPackage } from './reveal';
import { commit, inscription, key, message, opened } from './test-records.test-util';

const R = 'ab'.repeat(32);
const X = 'cd'.repeat(32);
/** Month 1's end: A_1 = 1000 plus max_attempts (3) times the attempt span (3 + 7 + 4 − 1 + 6 + 6 = 25). */
const END = 1075;
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

describe('when the revealed packages are listed out of race order', () => {
  it('the agreeing and disagreeing secondaries come in race rank order', () => {
    const a = agreementOf([opened(4, 'valid', X, 3), opened(3, 'valid', R, 2), opened(1, 'valid', R), opened(5, 'valid', X, 4), opened(2, 'valid', R, 1)]);
    expect(a.lead?.entry.actuary).toBe(key(1));
    expect(a.agreeing.map((p) => p.entry.rank)).toEqual([1, 2]);
    expect(a.disagreeing.map((p) => p.entry.rank)).toEqual([3, 4]);
    expect(a.counted).toBe(4);
    expect(a.revealed).toBe(4);
  });

  it('only valid packages with another root disagree; without a lead package nobody agrees', () => {
    const a = agreementOf([opened(1, 'valid', R), opened(2, 'invalid', X, 1), opened(3, 'copied', X, 2)]);
    expect(a.disagreeing).toEqual([]);
    const none = agreementOf([opened(2, 'valid', R, 1)]);
    expect(none.lead).toBeUndefined();
    expect(none).toMatchObject({ agreeing: [], counted: 1, revealed: 1 });
    expect(none.disagreeing.map((p) => p.entry.actuary)).toEqual([key(2)]);
  });

  it('a disagreeing secondary whose proofs failed is still listed as disagreeing (it does not agree either way)', () => {
    const packages = [opened(1, 'valid', R), opened(2, 'valid', X, 1)];
    expect(agreementOf(packages, new Map([[packages[1]!, undefined]])).disagreeing.map((p) => p.entry.actuary)).toEqual([key(2)]);
  });
});

describe('the super-majority check', () => {
  it('states the count, the counted and the threshold in its evidence, passed or failed', () => {
    const yes = agreementOf([opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', R, 2), opened(4, 'valid', X, 3)]);
    expect(superMajority(yes, { num: 2, den: 3 })).toMatchObject({ ok: true, step: 'agreement', evidence: { agree: 2, counted: 3, threshold: '2/3' } });
    const no = agreementOf([opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', X, 2)]);
    expect(superMajority(no, { num: 2, den: 3 })).toMatchObject({ ok: false, step: 'agreement', evidence: { agree: 1, counted: 2, threshold: '2/3' } });
  });

  it('uses the genesis fraction: 3 of 4 passes at 3/4 and 2 of 3 does not', () => {
    const three = agreementOf([opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', R, 2), opened(4, 'valid', R, 3), opened(5, 'valid', X, 4)]);
    expect(superMajority(three, { num: 3, den: 4 }).ok).toBe(true);
    const two = agreementOf([opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', R, 2), opened(4, 'valid', X, 3)]);
    expect(superMajority(two, { num: 3, den: 4 }).code).toBe('RACE_NO_AGREEMENT');
  });

  it('with no counted secondary at all, agreement holds vacuously (0·den ≥ num·0)', () => {
    expect(superMajority(agreementOf([opened(1, 'valid', R)]), { num: 2, den: 3 }).ok).toBe(true);
  });
});

describe('the evidence of the agreement step\'s failures', () => {
  it('AGREEMENT_WRONG_LEAD gives the final\'s lead and attempt and the round\'s', () => {
    const r = verifyAgreement(input([opened(1, 'valid', R), opened(2, 'valid', R, 1)], { final: final(1030, 1, { lead: key(2), attempt: 1 }) }));
    expect(r.checks.find((c) => !c.ok)).toMatchObject({ step: 'agreement', code: 'AGREEMENT_WRONG_LEAD', evidence: { final: { lead: key(2), attempt: 1 }, lottery: { lead: key(1), attempt: 0 } } });
  });

  it('AGREEMENT_ROOT_MISMATCH gives both roots, at full and at quick depth', () => {
    for (const depth of ['full', 'quick'] as const) {
      const r = verifyAgreement(input([opened(1, 'valid', R), opened(2, 'valid', R, 1)], { depth, final: final(1030, 1, { root: X }) }));
      expect(r.checks.find((c) => !c.ok)).toMatchObject({ step: 'agreement', code: 'AGREEMENT_ROOT_MISMATCH', evidence: { final: X, lead: R } });
    }
  });

  it('AGREEMENT_LEAD_INVALID names the final\'s lead', () => {
    const r = verifyAgreement(input([opened(1, 'copied', R)], { depth: 'quick' }));
    expect(r.checks[1]).toMatchObject({ ok: false, step: 'agreement', code: 'AGREEMENT_LEAD_INVALID', evidence: { lead: key(1) } });
    expect(r.value).toMatchObject({ agreeing: [], disagreeing: [], counted: 0, revealed: 0 });
  });

  it('AGREEMENT_FINAL_EARLY gives both places and the month end', () => {
    const f = final(1028, 2);
    const rv = reveal(1029, 3);
    expect(verifyFinalTiming(f, rv, END)).toMatchObject({
      ok: false, step: 'agreement', code: 'AGREEMENT_FINAL_EARLY',
      evidence: { final: f.inscription.id, height: 1028, position: 2, reveal: rv.inscription.id, revealHeight: 1029, revealPosition: 3, monthEnd: END },
    });
  });

  it('the final in the reveal\'s own place is not early (chain order is not strictly before)', () => {
    const rv = reveal(1029, 3);
    const f = { ...final(1029, 3), inscription: { ...rv.inscription, id: 'ff'.repeat(32) + 'i0' } };
    expect(verifyFinalTiming(f, rv, END).ok).toBe(true);
  });
});

describe('when the final and the round agree at full depth', () => {
  it('the checks are: timing, the lead\'s root, each disagreeing secondary, then the super-majority', () => {
    const r = verifyAgreement(input([opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', X, 2), opened(4, 'valid', R, 3)]));
    expect(r.checks.map((c) => [c.ok, c.evidence.root ?? c.evidence.agree ?? c.evidence.height])).toEqual([[true, 1030], [true, R], [true, X], [true, 2]]);
    expect(r.checks[1]?.evidence).toEqual({ root: R, lead: key(1) });
    expect(r.checks[2]?.evidence).toEqual({ actuary: key(3), root: X, rank: 2 });
    expect(r.value).toMatchObject({ counted: 3, revealed: 3 });
  });

  it('a lead package whose proof checks failed ends the step after the final\'s lead is compared', () => {
    const judged = [opened(1, 'valid', R), opened(2, 'valid', R, 1)];
    const r = verifyAgreement(input(judged, { final: final(1030, 1, { lead: key(2) }), invalid: new Map([[judged[0]!, undefined]]) }));
    expect(r.checks.map((c) => c.code)).toEqual(['OK', 'AGREEMENT_WRONG_LEAD']);
  });

  it('without a lead package, only timing and the final\'s lead are checked', () => {
    const r = verifyAgreement(input([opened(2, 'valid', R, 1)]));
    expect(r.checks.map((c) => c.code)).toEqual(['OK']);
    expect(r.value?.counted).toBe(1);
  });
});

describe('when a quick check finds no package to open', () => {
  it('only the final\'s timing is checked', () => {
    const r = verifyAgreement(input([], { depth: 'quick' }));
    expect(r).toEqual({ checks: [expect.objectContaining({ ok: true, step: 'agreement' })] });
  });
});

describe('the agreement step\'s checks', () => {
  it('every check, passed or failed, belongs to the agreement step', () => {
    const ok = verifyAgreement(input([opened(1, 'valid', R), opened(2, 'valid', R, 1), opened(3, 'valid', X, 2), opened(4, 'valid', R, 3)]));
    const late = verifyFinalTiming(final(END + 1), reveal(END - 2), END);
    expect([...ok.checks, late].map((c) => c.step)).toEqual(['agreement', 'agreement', 'agreement', 'agreement', 'agreement']);
  });

  it('at quick depth a matching root is a passed check with the root, after the timing', () => {
    const r = verifyAgreement(input([opened(1, 'valid', R)], { depth: 'quick' }));
    expect(r.checks).toHaveLength(2);
    expect(r.checks[1]).toMatchObject({ ok: true, step: 'agreement', evidence: { root: R } });
  });

  it('without any reveal result the step does not apply', () => {
    expect(verifyAgreement(input([], { reveal: undefined }))).toEqual({ checks: [] });
  });
});

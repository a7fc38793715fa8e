import { describe, expect, it } from 'vitest';
import type { MessageRecord } from './records';
import { inscription, PARAMS } from './test-records.test-util';
import { monthEnd } from './timeline';
import { timelyFinal, verifyFinalTiming } from './verify-final-timing';

const END = monthEnd(PARAMS, 1);

function final(height: number, position = 1): MessageRecord<'final'> {
  return { inscription: inscription(height, position), type: 'final', signer: 'aa'.repeat(32), payload: {} as never, message: undefined as never };
}
function reveal(height: number, position = 1): MessageRecord<'reveal'> {
  return { inscription: inscription(height, position), type: 'reveal', signer: 'aa'.repeat(32), payload: {} as never, message: undefined as never };
}

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

describe('when last month\'s final is taken as this month\'s starting point', () => {
  it('is the group\'s first final when it confirmed by that month\'s end', () => {
    const first = final(END);
    expect(timelyFinal([first, final(END + 1)], END)).toBe(first);
  });
  it('is none when the first final came late (a later one does not replace it), or there is none', () => {
    expect(timelyFinal([final(END + 1), final(END + 2)], END)).toBeUndefined();
    expect(timelyFinal([], END)).toBeUndefined();
  });
});

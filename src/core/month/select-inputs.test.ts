import { describe, expect, it } from 'vitest';
import { codeOf, errorOf } from '../errors.test-util';
import type { MessageRecord } from './records';
import { selectInputs } from './select-inputs';
import { inscription, key } from './steps/test-records.test-util';

const ANCHOR = 1000;

function inputs(height: number): MessageRecord<'inputs'> {
  return {
    inscription: inscription(height), type: 'inputs', signer: key(9), message: undefined as never,
    payload: { network: 'regtest', genesis: `${'11'.repeat(32)}i0`, month: 1, signer: key(9), table: { rows: 1, parts: [] } },
  };
}

describe('when the inputs message is confirmed in the anchor block', () => {
  it('is the month\'s inputs', () => {
    const m = inputs(ANCHOR);
    expect(selectInputs([m], ANCHOR)).toBe(m);
  });
});

describe('when one inputs message is before the anchor and another after it', () => {
  it('takes the one in time, whatever the listing order', () => {
    const late = inputs(ANCHOR + 1);
    const early = inputs(ANCHOR - 5);
    expect(selectInputs([late, early], ANCHOR)).toBe(early);
  });
});

describe('when the only inputs message is confirmed one block after the anchor', () => {
  it('is rejected as late, not taken', () => {
    expect(codeOf(() => selectInputs([inputs(ANCHOR + 1)], ANCHOR))).toBe('TABLE_INPUTS_LATE');
  });
});

describe('when there is no inputs message', () => {
  it('is missing', () => {
    expect(codeOf(() => selectInputs([], ANCHOR))).toBe('TABLE_INPUTS_MISSING');
  });
});

describe('when several inputs messages are confirmed in time', () => {
  it('takes the earliest confirmed, whatever the listing order', () => {
    const a = inputs(ANCHOR - 3);
    const b = inputs(ANCHOR - 9);
    const c = inputs(ANCHOR);
    expect(selectInputs([a, b, c], ANCHOR)).toBe(b);
    expect(selectInputs([c, a, b], ANCHOR)).toBe(b);
  });

  it('takes the first listed of two in the same block (records are listed in chain order)', () => {
    const first = inputs(ANCHOR - 2);
    const second = inputs(ANCHOR - 2);
    expect(selectInputs([first, second], ANCHOR)).toBe(first);
  });
});

describe('when every inputs message is confirmed after the anchor', () => {
  it('names the earliest of them, its height and the anchor', () => {
    const later = inputs(ANCHOR + 7);
    const early = inputs(ANCHOR + 2);
    const e = errorOf(() => selectInputs([later, early, inputs(ANCHOR + 9)], ANCHOR));
    expect(e.code).toBe('TABLE_INPUTS_LATE');
    expect(e.evidence).toEqual({ inscription: early.inscription.id, height: ANCHOR + 2, anchor: ANCHOR });
  });
});

describe('when two late inputs messages are confirmed in the same block', () => {
  it('names the first listed (records are listed in chain order)', () => {
    const first = inputs(ANCHOR + 4);
    const second = inputs(ANCHOR + 4);
    expect(errorOf(() => selectInputs([first, second], ANCHOR)).evidence).toMatchObject({ inscription: first.inscription.id });
  });
});

describe('when no inputs message exists at all', () => {
  it('names the anchor it was looked for at', () => {
    expect(errorOf(() => selectInputs([], ANCHOR)).evidence).toEqual({ anchor: ANCHOR });
  });
});

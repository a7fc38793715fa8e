import { describe, expect, it } from 'vitest';
import { codeOf } from '../errors.test-util';
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

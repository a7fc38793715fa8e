/**
 * The lottery's signature checks and the lead draw at their edges: what each refusal names, the draw's rejected tail
 * and its input checks. Fixtures are built inside the tests.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8 } from '../bytes';
import { combinePartials, dealBlsKey, partialSign } from '../crypto/threshold-bls';
import { refusalOf as refusal } from '../errors.test-util';
import { parseInscriptionId } from './ids';
import { lotteryPoint, parseLotteryKey, verifyLottery, type LotteryInput } from './lottery';
import { drawValue, selectLead } from './selection';

function signed() {
  const deal = dealBlsKey(utf8.encode('drey lottery draw test'), 2, 3);
  const input: LotteryInput = { network: 'regtest', genesis: parseInscriptionId(`${'aa'.repeat(32)}i0`), month: 4, attempt: 1, anchorHash: '0f'.repeat(32) };
  const sign = (x: LotteryInput) => bytesToHex(combinePartials([1, 2].map((i) => ({ index: i, signature: partialSign(deal.shares[i - 1]!, lotteryPoint(x)) }))));
  return { input, sig: sign(input), key: bytesToHex(deal.groupKey), sign };
}

describe('a lottery signature refused', () => {
  it('for another attempt: LOTTERY_BAD_SIGNATURE naming the month, attempt, anchor and signature', () => {
    const { input, sig, key } = signed();
    expect(refusal(() => verifyLottery({ ...input, attempt: 2 }, sig, key))).toEqual({
      code: 'LOTTERY_BAD_SIGNATURE', evidence: { month: 4, attempt: 2, anchor: input.anchorHash, signature: sig },
      message: 'lottery signature for month 4 attempt 2 does not verify under the group key',
    });
  });

  it('not a G1 point, or the identity', () => {
    const { input, key } = signed();
    const junk = `9f${'ff'.repeat(47)}`;
    const e = refusal(() => verifyLottery(input, junk, key));
    expect([e.code, e.evidence]).toEqual(['LOTTERY_MALFORMED', { signature: junk }]);
    expect(e.message.startsWith('BLS signature is not a G1 point: ')).toBe(true);
    const zero = bytesToHex(bls12_381.shortSignatures.Signature.toBytes(bls12_381.G1.Point.ZERO));
    expect(refusal(() => verifyLottery(input, zero, key))).toEqual({ code: 'LOTTERY_IDENTITY', evidence: {}, message: 'BLS signature is the identity point' });
    expect(refusal(() => verifyLottery(input, 5, key)).code).toBe('LOTTERY_MALFORMED');
  });

  it('under a key that is not a G2 point, the identity or no hex at all', () => {
    const { input, sig } = signed();
    const notPoint = refusal(() => parseLotteryKey(`9f${'ff'.repeat(95)}`));
    expect([notPoint.code, notPoint.evidence]).toEqual(['LOTTERY_BAD_KEY', {}]);
    expect(notPoint.message.startsWith('BLS group key is not a G2 point: ')).toBe(true);
    expect(refusal(() => parseLotteryKey(bytesToHex(bls12_381.G2.Point.ZERO.toBytes())))).toEqual({ code: 'LOTTERY_BAD_KEY', evidence: {}, message: 'BLS group key is the identity' });
    expect(refusal(() => verifyLottery(input, sig, null)).code).toBe('LOTTERY_BAD_KEY');
    expect(refusal(() => verifyLottery(input, sig, 'ab')).code).toBe('LOTTERY_BAD_KEY');
  });

  it('with an anchor hash that is no hash: LOTTERY_MALFORMED, every time it is asked', () => {
    const { input, sig, key } = signed();
    for (let i = 0; i < 2; i++) expect(refusal(() => verifyLottery({ ...input, anchorHash: 'zz' }, sig, key)).code).toBe('LOTTERY_MALFORMED');
  });
});

describe('the lead draw', () => {
  const R = new Uint8Array(32).fill(7);
  const a = { key: '11'.repeat(32), stake: 5n };
  const b = { key: '22'.repeat(32), stake: 3n };

  it('refuses randomness of the wrong length, a non-positive stake, a repeated key and a key that is not hex', () => {
    expect(() => selectLead(new Uint8Array(31), 0, [a])).toThrow('selectLead: randomness must be 32 bytes');
    expect(() => selectLead(new Uint8Array(33), 0, [a])).toThrow(RangeError);
    expect(() => selectLead(R, 0, [{ ...a, stake: 0n }])).toThrow(`selectLead: non-positive stake for ${a.key}`);
    expect(() => selectLead(R, 0, [{ ...a, stake: -1n }])).toThrow(RangeError);
    expect(() => selectLead(R, 0, [{ ...a, stake: 1n }])).not.toThrow();
    expect(() => selectLead(R, 0, [a, { ...a, stake: 1n }])).toThrow(`selectLead: duplicate key ${a.key}`);
    expect(() => selectLead(R, 0, [a, { key: 'zz', stake: 1n }])).toThrow();
  });

  it('with everyone excluded names the attempt and the excluded keys', () => {
    expect(refusal(() => selectLead(R, 3, [a, b], new Set([a.key, b.key])))).toEqual({
      code: 'LOTTERY_NO_CANDIDATES', evidence: { attempt: 3, excluded: [a.key, b.key] }, message: 'no eligible actuary is left for attempt 3',
    });
  });

  it('skips draw values in the rejected tail: some attempt needs a second counter, and it is the first value below the limit', () => {
    const total = (1n << 255n) + 1n;
    const limit = (1n << 256n) - ((1n << 256n) % total);
    const pool = [{ key: '11'.repeat(32), stake: total - 1n }, { key: '22'.repeat(32), stake: 1n }];
    let seen = 0;
    for (let attempt = 0; attempt < 12; attempt++) {
      let counter = 0;
      while (drawValue(R, attempt, counter) >= limit) counter++;
      const d = selectLead(R, attempt, pool);
      expect([d.counter, d.r, d.total]).toEqual([counter, drawValue(R, attempt, counter) % total, total]);
      if (counter > 0) seen++;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('gives the lead whose cumulative stake interval holds r, in key order', () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const d = selectLead(R, attempt, [b, a]);
      expect(d.lead).toBe(d.r < 5n ? a.key : b.key);
      expect(d.total).toBe(8n);
    }
  });
});

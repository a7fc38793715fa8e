import { describe, expect, it } from 'vitest';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bytesToHex, utf8 } from '../bytes';
import { combinePartials, dealBlsKey, partialSign } from '../crypto/threshold-bls';
import { lotteryPoint, verifyLottery, type LotteryInput } from './lottery';
import { parseInscriptionId } from './ids';
import { codeOf } from '../errors.test-util';

const deal = dealBlsKey(utf8.encode('drey lottery test seed'), 3, 5);
const input: LotteryInput = {
  network: 'regtest',
  genesis: parseInscriptionId('aa'.repeat(32) + 'i0'),
  month: 4,
  attempt: 0,
  anchorHash: '0f'.repeat(32),
};

function signWith(indices: number[], x: LotteryInput = input): string {
  const H = lotteryPoint(x);
  return bytesToHex(combinePartials(indices.map((i) => ({ index: i, signature: partialSign(deal.shares[i - 1]!, H) }))));
}


const groupKey = bytesToHex(deal.groupKey);

describe('when t of n actuaries sign the lottery message', () => {
  it('gives the same unique signature whichever subset signs', () => {
    expect(signWith([1, 2, 3])).toBe(signWith([2, 4, 5]));
    expect(signWith([5, 3, 1])).toBe(signWith([1, 2, 3]));
  });

  it('verifies under the group key and yields R = sha256(sig)', () => {
    const sig = signWith([1, 3, 5]);
    const R = verifyLottery(input, sig, groupKey);
    expect(R).toHaveLength(32);
    expect(bytesToHex(R)).not.toBe(sig.slice(0, 64));
  });

  it('is not valid for the next attempt or another anchor', () => {
    const sig = signWith([1, 2, 3]);
    expect(codeOf(() => verifyLottery({ ...input, attempt: 1 }, sig, groupKey))).toBe('LOTTERY_BAD_SIGNATURE');
    expect(codeOf(() => verifyLottery({ ...input, anchorHash: '10'.repeat(32) }, sig, groupKey))).toBe('LOTTERY_BAD_SIGNATURE');
    expect(codeOf(() => verifyLottery({ ...input, network: 'signet' }, sig, groupKey))).toBe('LOTTERY_BAD_SIGNATURE');
  });

  it('is not reached by fewer than t partials', () => {
    expect(codeOf(() => verifyLottery(input, signWith([1, 2]), groupKey))).toBe('LOTTERY_BAD_SIGNATURE');
  });
});

describe('when the same lottery is verified again', () => {
  it('gives the same R (a copy each time) or the same failure, for exactly those bytes', () => {
    const sig = signWith([2, 4, 5]);
    const R = verifyLottery(input, sig, groupKey);
    R.fill(0);
    const again = verifyLottery(input, sig, groupKey);
    expect(bytesToHex(again)).not.toBe('00'.repeat(32));
    expect(bytesToHex(again)).toBe(bytesToHex(verifyLottery(input, sig, groupKey)));
    for (let round = 0; round < 2; round++) {
      expect(codeOf(() => verifyLottery({ ...input, attempt: 7 }, sig, groupKey))).toBe('LOTTERY_BAD_SIGNATURE');
      expect(codeOf(() => verifyLottery(input, sig, '00'.repeat(96)))).toBe('LOTTERY_BAD_KEY');
      expect(codeOf(() => verifyLottery({ ...input, anchorHash: 'zz' }, sig, '00'.repeat(96)))).toBe('LOTTERY_BAD_KEY');
    }
  });
});

describe('when the signature or key is degenerate or malformed', () => {
  const zeroSig = bytesToHex(bls12_381.shortSignatures.Signature.toBytes(bls12_381.G1.Point.ZERO));
  const zeroKey = bytesToHex(bls12_381.G2.Point.ZERO.toBytes());
  it('rejects the identity signature', () => {
    expect(codeOf(() => verifyLottery(input, zeroSig, groupKey))).toBe('LOTTERY_IDENTITY');
  });
  it('rejects the identity group key', () => {
    expect(codeOf(() => verifyLottery(input, signWith([1, 2, 3]), zeroKey))).toBe('LOTTERY_BAD_KEY');
  });
  it('rejects a signature that is not a curve point', () => {
    const sig = signWith([1, 2, 3]);
    const flipped = sig.slice(0, 90) + (sig[90] === '0' ? '1' : '0') + sig.slice(91);
    expect(['LOTTERY_MALFORMED', 'LOTTERY_BAD_SIGNATURE']).toContain(codeOf(() => verifyLottery(input, flipped, groupKey)));
    expect(codeOf(() => verifyLottery(input, 'zz', groupKey))).toBe('LOTTERY_MALFORMED');
    expect(codeOf(() => verifyLottery(input, sig.slice(2), groupKey))).toBe('LOTTERY_MALFORMED');
  });
});

/**
 * The range checks of a dispute's values at their edges, on a toy key (N = 251, so N² = 63001 = 0xf619 and a share is
 * exactly two bytes): the genesis' Paillier elements, each wire share's fields, the share count and the proven key.
 */
import { describe, expect, it } from 'vitest';
import type { ThresholdPaillierPublic } from '../crypto/threshold-paillier';
import { errorOf } from '../errors.test-util';
import { KEY_LIMIT, paillierPublicOf, parseDecryptionShare, provenPlaintext, verifyDisputedKey, type Dispute } from './dispute';

const COMMIT = `${'22'.repeat(32)}i0`;
const E = '01'.repeat(16);

function toyKey(): ThresholdPaillierPublic {
  return { n: 251n, parties: 5, threshold: 3, v: 4n, verificationKeys: [9n, 16n, 25n, 36n, 49n] };
}

const share = (party: number, extra: Partial<Dispute['shares'][number]> = {}): Dispute['shares'][number] => ({ party, share: '0102', e: E, z: '05', ...extra });

describe('the genesis\' Paillier key', () => {
  const genesisKey = (v: string, keys: string[] = ['02', '03']) => ({ n: 'fb', parties: 2, threshold: 2, v, verification_keys: keys });

  it('reads N, the parties, the threshold, v and every v_i as numbers', () => {
    expect(paillierPublicOf(genesisKey('f618', ['01', '0a']))).toEqual({ n: 251n, parties: 2, threshold: 2, v: 63000n, verificationKeys: [1n, 10n] });
  });

  it.each([['0', '00'], ['N²', 'f619'], ['above N²', 'ffff']])('rejects v of %s', (_what, v) => {
    const e = errorOf(() => paillierPublicOf(genesisKey(v)));
    expect(e.code).toBe('REVEAL_MALFORMED');
    expect(e.evidence).toEqual({ field: 'v' });
  });

  it.each([['0', '00'], ['N²', 'f619']])('rejects a verification key of %s, naming which', (_what, bad) => {
    const e = errorOf(() => paillierPublicOf(genesisKey('02', ['02', bad])));
    expect(e.code).toBe('REVEAL_MALFORMED');
    expect(e.evidence).toEqual({ field: 'verification_keys[1]' });
  });
});

describe('a wire decryption share', () => {
  it('parses to its party, share, challenge and response', () => {
    expect(parseDecryptionShare(toyKey(), share(2, { share: 'f618', z: '0100' }), COMMIT)).toEqual({ index: 2, share: 63000n, e: BigInt('0x' + E), z: 256n });
  });

  it.each([1, 5])('accepts party %i, an end of 1..parties', (party) => {
    expect(parseDecryptionShare(toyKey(), share(party), COMMIT).index).toBe(party);
  });

  it('accepts a share of 1, the lowest value', () => {
    expect(parseDecryptionShare(toyKey(), share(1, { share: '0001' }), COMMIT).share).toBe(1n);
  });

  it.each([0, 6, -1, 1.5])('rejects party %s, naming the commit and party', (party) => {
    const e = errorOf(() => parseDecryptionShare(toyKey(), share(party), COMMIT));
    expect(e.code).toBe('REVEAL_MALFORMED');
    expect(e.evidence).toEqual({ commit: COMMIT, party });
  });

  it.each([['0', '0000'], ['N²', 'f619'], ['above N²', 'ffff']])('rejects a share of %s', (_what, value) => {
    const e = errorOf(() => parseDecryptionShare(toyKey(), share(3, { share: value }), COMMIT));
    expect(e.code).toBe('REVEAL_MALFORMED');
    expect(e.evidence).toEqual({ commit: COMMIT, party: 3 });
  });

  it.each([
    ['a share of three bytes', { share: '000102' }],
    ['a share of one byte', { share: '01' }],
    ['a challenge of 17 bytes', { e: `${E}01` }],
    ['a challenge that is no hex', { e: 'zz'.repeat(16) }],
    ['an empty response', { z: '' }],
    ['a response with a leading zero byte', { z: '0005' }],
    ['a response of one zero byte', { z: '00' }],
  ])('rejects %s', (_what, extra) => {
    expect(errorOf(() => parseDecryptionShare(toyKey(), share(3, extra), COMMIT)).code).toBe('REVEAL_MALFORMED');
  });
});

describe('the shares of a dispute, before their proofs are checked', () => {
  const dispute = (shares: Dispute['shares']): Dispute => ({ commit: COMMIT, shares });

  it('a party giving two shares is REVEAL_SHARE_DUPLICATE, naming the party', () => {
    const e = errorOf(() => provenPlaintext(toyKey(), 2n, dispute([share(4), share(2), share(4)])));
    expect(e.code).toBe('REVEAL_SHARE_DUPLICATE');
    expect(e.evidence).toEqual({ commit: COMMIT, party: 4 });
  });

  it('one share fewer than the threshold is REVEAL_SHARES_TOO_FEW, with the counts', () => {
    const e = errorOf(() => provenPlaintext(toyKey(), 2n, dispute([share(1), share(2)])));
    expect(e.code).toBe('REVEAL_SHARES_TOO_FEW');
    expect(e.evidence).toEqual({ commit: COMMIT, shares: 2, threshold: 3 });
    expect(errorOf(() => provenPlaintext(toyKey(), 2n, dispute([])))).toMatchObject({ code: 'REVEAL_SHARES_TOO_FEW', evidence: { shares: 0 } });
  });

  it('a share that is no unit mod N² is REVEAL_SHARE_INVALID, naming the party', () => {
    const e = errorOf(() => provenPlaintext(toyKey(), 2n, dispute([share(1, { share: '00fb' }), share(2), share(3, { share: '01f6' })])));
    expect(e.code).toBe('REVEAL_SHARE_INVALID');
    expect(e.evidence).toEqual({ commit: COMMIT, party: 1 });
  });

  it('a share whose proof fails is REVEAL_SHARE_INVALID, and the evidence names the disputed commit', () => {
    const e = errorOf(() => provenPlaintext(toyKey(), 2n, dispute([share(1), share(2), share(3)])));
    expect(e.code).toBe('REVEAL_SHARE_INVALID');
    expect(e.evidence).toEqual({ commit: COMMIT, party: 1 });
  });
});

describe('the key the shares prove, against the key the group revealed', () => {
  const hex32 = (x: bigint): string => x.toString(16).padStart(64, '0');

  it('agrees when the proven plaintext is the revealed key, up to the largest 32-byte key', () => {
    expect(() => verifyDisputedKey(5n, hex32(5n), COMMIT)).not.toThrow();
    expect(() => verifyDisputedKey(KEY_LIMIT - 1n, 'ff'.repeat(32), COMMIT)).not.toThrow();
    expect(() => verifyDisputedKey(0n, '00'.repeat(32), COMMIT)).not.toThrow();
  });

  it('takes a plaintext of 2^256 or more as no key, for which the group reveals 32 zero bytes', () => {
    expect(() => verifyDisputedKey(KEY_LIMIT, '00'.repeat(32), COMMIT)).not.toThrow();
    const e = errorOf(() => verifyDisputedKey(KEY_LIMIT, 'ff'.repeat(32), COMMIT));
    expect(e.code).toBe('REVEAL_KEY_CONTRADICTS_SHARES');
    expect(e.evidence).toEqual({ commit: COMMIT, revealed: 'ff'.repeat(32), proven: 'no key (a plaintext of 257 bits)' });
  });

  it('is REVEAL_KEY_CONTRADICTS_SHARES when they differ, with both keys as 32 bytes of hex', () => {
    const e = errorOf(() => verifyDisputedKey(6n, hex32(5n), COMMIT));
    expect(e.code).toBe('REVEAL_KEY_CONTRADICTS_SHARES');
    expect(e.evidence).toEqual({ commit: COMMIT, revealed: hex32(5n), proven: hex32(6n) });
  });

  it('rejects a revealed key that is not 32 bytes', () => {
    expect(errorOf(() => verifyDisputedKey(5n, '05', COMMIT)).code).toBe('REVEAL_MALFORMED');
  });
});

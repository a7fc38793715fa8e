import { describe, expect, it } from 'vitest';
import { schnorr, schnorr_FROST as frost } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8 } from '../bytes';
import { VerifyError } from '../errors';
import { groupKeyFromCommitments, verifyGroupKey } from './frost';
import { taggedHash } from './tagged-hash';

/** A deterministic rng for the test's DKG (noble takes an rng(len) function). */
function seededRng(label: string): (len?: number) => Uint8Array {
  let ctr = 0;
  return (len = 32) => {
    const out = new Uint8Array(len);
    for (let o = 0; o < len; o += 32) out.set(sha256(utf8.encode(`${label}/${ctr++}`)).subarray(0, Math.min(32, len - o)), o);
    return out;
  };
}

describe('when five actuaries run noble\'s FROST DKG (3 of 5) and three of them sign', () => {
  const signers = { min: 3, max: 5 };
  const ids = [1, 2, 3, 4, 5].map((i) => frost.Identifier.fromNumber(i));
  const r1 = ids.map((id, k) => frost.DKG.round1(id, signers, undefined, seededRng(`dkg-${k}`)));
  const pubs = r1.map((r) => r.public);
  const r2 = r1.map((r) => frost.DKG.round2(r.secret, pubs.filter((p) => p.identifier !== r.public.identifier)));
  const keys = r1.map((r, k) => frost.DKG.round3(r.secret, pubs.filter((p) => p.identifier !== r.public.identifier),
    r2.filter((_, j) => j !== k).map((m) => m[ids[k]!]!)));
  const commitments = pubs.map((p) => p.commitment.map((c) => bytesToHex(c)));
  const derived = groupKeyFromCommitments(commitments);

  it('derives the group key noble reports', () => {
    const nobleKey = keys[0]!.public.commitments[0]!;
    expect(bytesToHex(derived)).toBe(bytesToHex(nobleKey.length === 33 ? nobleKey.subarray(1) : nobleKey));
  });

  it('verifies the aggregated signature as plain BIP340 under the derived key', () => {
    const msg = taggedHash('drey/v1/final', utf8.encode('month 1'));
    const signing = [0, 2, 4];
    const nonces = signing.map((k) => frost.commit(keys[k]!.secret, seededRng(`nonce-${k}`)));
    const list = nonces.map((x) => x.commitments);
    const shares: Record<string, Uint8Array> = {};
    signing.forEach((k, j) => { shares[ids[k]!] = frost.signShare(keys[k]!.secret, keys[k]!.public, nonces[j]!.nonces, list, msg); });
    const sig = frost.aggregate(keys[0]!.public, list, msg, shares);
    expect(schnorr.verify(sig, msg, derived)).toBe(true);
    expect(schnorr.verify(sig, taggedHash('drey/v1/final', utf8.encode('month 2')), derived)).toBe(false);
  });

  it('does not accept the untweaked sum as the group key', () => {
    expect(() => verifyGroupKey(commitments, bytesToHex(derived))).not.toThrow();
    const untweaked = bytesToHex(schnorr.Point.fromBytes(Uint8Array.from(Buffer.from(commitments[0]![0]!, 'hex'))).toBytes(true).subarray(1));
    try {
      verifyGroupKey(commitments, untweaked);
      expect.unreachable();
    } catch (e) {
      expect((e as VerifyError).code).toBe('MESSAGE_BAD_KEY');
    }
  });

  it('rejects a commitment that is not a point', () => {
    const bad = commitments.map((l, i) => (i === 1 ? ['05' + 'ff'.repeat(32), ...l.slice(1)] : l));
    expect(() => groupKeyFromCommitments(bad)).toThrow(VerifyError);
  });
});

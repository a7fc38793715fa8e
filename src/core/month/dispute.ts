/**
 * The dispute path of a reveal (docs/protocol.md §7.4): each decryption share parsed and its proof checked against the
 * genesis' threshold Paillier key, at least `threshold` shares from distinct parties, combined into the proven
 * plaintext of the contested commit's KEM ciphertext.
 */
import { parseHex } from '../bytes';
import { bytesToBigint, byteLength, gcd } from '../crypto/bigint-math';
import { combineDecryptionShares, verifyDecryptionShare, type DecryptionShare, type ThresholdPaillierPublic } from '../crypto/threshold-paillier';
import { VerifyError } from '../errors';
import type { GenesisPayload, RevealPayload } from '../protocol/payloads';

export type Dispute = NonNullable<RevealPayload['disputes']>[number];
type WireShare = Dispute['shares'][number];

/** Plaintexts below 2^256 are package keys; a larger plaintext is no key (the group then reveals 32 zero bytes). */
export const KEY_LIMIT = 1n << 256n;
const CHALLENGE_BYTES = 16;

/** The genesis' Paillier key as numbers; `v` and every `v_i` must lie in 1..N²−1 (REVEAL_MALFORMED). */
export function paillierPublicOf(g: GenesisPayload['paillier']): ThresholdPaillierPublic {
  const n = BigInt('0x' + g.n);
  const n2 = n * n;
  const element = (hex: string, what: string): bigint => {
    const x = BigInt('0x' + hex);
    if (x <= 0n || x >= n2) throw new VerifyError('REVEAL_MALFORMED', `the genesis' Paillier ${what} is not in 1..N²−1`, { field: what });
    return x;
  };
  return {
    n, parties: g.parties, threshold: g.threshold, v: element(g.v, 'v'),
    verificationKeys: g.verification_keys.map((x, i) => element(x, `verification_keys[${i}]`)),
  };
}

/**
 * One wire share: `party` in 1..parties, `share` exactly 2·|N| bytes with a value in 1..N²−1, `e` exactly 16 bytes,
 * `z` big-endian without a leading zero byte (REVEAL_MALFORMED).
 */
export function parseDecryptionShare(pub: ThresholdPaillierPublic, s: WireShare, commit: string): DecryptionShare {
  const ev = { commit, party: s.party };
  const bad = (why: string): never => {
    throw new VerifyError('REVEAL_MALFORMED', `dispute of ${commit}, share of party ${s.party}: ${why}`, ev);
  };
  if (!Number.isSafeInteger(s.party) || s.party < 1 || s.party > pub.parties) bad(`no party ${s.party} among ${pub.parties}`);
  const share = bytesToBigint(parseHex(s.share, 'REVEAL_MALFORMED', `dispute of ${commit}: share of party ${s.party}`, 2 * byteLength(pub.n)));
  if (share <= 0n || share >= pub.n * pub.n) bad('the share is not in 1..N²−1');
  const e = bytesToBigint(parseHex(s.e, 'REVEAL_MALFORMED', `dispute of ${commit}: challenge e of party ${s.party}`, CHALLENGE_BYTES));
  const zBytes = parseHex(s.z, 'REVEAL_MALFORMED', `dispute of ${commit}: response z of party ${s.party}`);
  if (zBytes.length === 0 || zBytes[0] === 0) bad('z must be big-endian without a leading zero byte');
  return { index: s.party, share, e, z: bytesToBigint(zBytes) };
}

/**
 * The plaintext the dispute's shares prove for the KEM ciphertext `c`: every share parsed (REVEAL_MALFORMED), no party
 * twice (REVEAL_SHARE_DUPLICATE), at least `threshold` shares (REVEAL_SHARES_TOO_FEW), every proof valid
 * (REVEAL_SHARE_INVALID; an invalid share is a false statement signed by the group, even beside enough valid ones),
 * then the `threshold` shares of the lowest parties combined.
 */
export function provenPlaintext(pub: ThresholdPaillierPublic, c: bigint, dispute: Dispute): { plaintext: bigint; parties: number[] } {
  const shares = dispute.shares.map((s) => parseDecryptionShare(pub, s, dispute.commit));
  const seen = new Set<number>();
  for (const s of shares) {
    if (seen.has(s.index)) throw new VerifyError('REVEAL_SHARE_DUPLICATE', `dispute of ${dispute.commit}: party ${s.index} gives two shares`, { commit: dispute.commit, party: s.index });
    seen.add(s.index);
  }
  if (shares.length < pub.threshold) {
    throw new VerifyError('REVEAL_SHARES_TOO_FEW', `dispute of ${dispute.commit}: ${shares.length} share(s) from distinct parties; ${pub.threshold} needed`, { commit: dispute.commit, shares: shares.length, threshold: pub.threshold });
  }
  for (const s of shares) {
    if (gcd(s.share, pub.n) !== 1n) throw new VerifyError('REVEAL_SHARE_INVALID', `decryption share of party ${s.index}: not a unit mod N²`, { commit: dispute.commit, party: s.index });
    try {
      verifyDecryptionShare(pub, c, s);
    } catch (e) {
      if (e instanceof VerifyError) e.evidence.commit = dispute.commit;
      throw e;
    }
  }
  const used = [...shares].sort((a, b) => a.index - b.index).slice(0, pub.threshold);
  return { plaintext: combineDecryptionShares(pub, used), parties: used.map((s) => s.index) };
}

/** The proven plaintext against the group's revealed key: differing means the group lied (REVEAL_KEY_CONTRADICTS_SHARES). */
export function verifyDisputedKey(plaintext: bigint, keyHex: string, commit: string): void {
  const expected = plaintext < KEY_LIMIT ? plaintext : 0n;
  if (bytesToBigint(parseHex(keyHex, 'REVEAL_MALFORMED', 'revealed key', 32)) !== expected) {
    throw new VerifyError('REVEAL_KEY_CONTRADICTS_SHARES', `the decryption shares prove another key for ${commit} than the group revealed`, {
      commit, revealed: keyHex, proven: plaintext < KEY_LIMIT ? expected.toString(16).padStart(64, '0') : `no key (a plaintext of ${plaintext.toString(2).length} bits)`,
    });
  }
}

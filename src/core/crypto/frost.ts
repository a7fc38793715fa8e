/** The FROST group key as noble's `schnorr_FROST` DKG produces it: x-only TapTweak(Σ C_i0, "") (BIP341/BIP86). */
import { schnorr } from '@noble/curves/secp256k1.js';
import { taprootTweakPubkey } from '@scure/btc-signer/utils.js';
import { bytesToHex, parseHex } from '../bytes';
import { VerifyError } from '../errors';

const Point = schnorr.Point;

/**
 * From each DKG participant's round-1 commitment list (33-byte compressed points, hex), sum the constant terms
 * P = Σ C_i0 and return the BIP86-tweaked x-only key `taproot_tweak_pubkey(P.x, "")`, the key the group signs under.
 * MESSAGE_BAD_KEY when a commitment is not a point or the sum is the identity.
 */
export function groupKeyFromCommitments(commitments: readonly (readonly string[])[]): Uint8Array {
  if (commitments.length === 0) throw new VerifyError('MESSAGE_BAD_KEY', 'no DKG commitments', {});
  let sum = Point.ZERO;
  commitments.forEach((list, i) => {
    const c0 = parseHex(list[0], 'MESSAGE_BAD_KEY', `DKG commitment ${i}`, 33);
    try {
      sum = sum.add(Point.fromBytes(c0));
    } catch {
      throw new VerifyError('MESSAGE_BAD_KEY', `DKG commitment ${i} is not a secp256k1 point`, { participant: i, value: bytesToHex(c0) });
    }
  });
  if (sum.is0()) throw new VerifyError('MESSAGE_BAD_KEY', 'DKG commitments sum to the identity', {});
  return taprootTweakPubkey(sum.toBytes(true).subarray(1), new Uint8Array(0))[0];
}

/** Compare the derived key with the one a genesis pins (MESSAGE_BAD_KEY carries both). */
export function verifyGroupKey(commitments: readonly (readonly string[])[], pinned: string): void {
  const derived = bytesToHex(groupKeyFromCommitments(commitments));
  if (derived !== pinned) {
    throw new VerifyError('MESSAGE_BAD_KEY', 'FROST group key does not follow from the DKG commitments', { derived, pinned });
  }
}

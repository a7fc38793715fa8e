/**
 * The actuary group's signature on `reveal` and `final`: FROST (RFC 9591, BIP340 output) run in process by the first t
 * members. This is the seam where a ROAST coordinator over the nostr relay takes over: it needs only `signDigest`'s
 * inputs (the members' key packages and the digest) and returns the same 64-byte BIP340 signature.
 */
import { schnorr, schnorr_FROST as frost } from '@noble/curves/secp256k1.js';
import { bytesToHex } from '../../core/bytes';
import { messageDigest } from '../../core/protocol/message';
import { canonicalBytes } from '../../core/protocol/canonical';
import type { MessageType, PayloadByType } from '../../core/protocol/payloads';
import type { JsonValue } from '../../core/protocol/strict-json';
import type { GroupKeys } from './keys';
import { Rng } from './rng';

export function frostSignDigest(group: GroupKeys['frost'], digest: Uint8Array, nonceLabel: string, seed: string): Uint8Array {
  const signing = group.members.slice(0, group.threshold);
  const nonces = signing.map((m, k) => frost.commit(m.secret, new Rng(seed, `frost-nonce/${nonceLabel}/${k}`).fn()));
  const list = nonces.map((x) => x.commitments);
  const shares: Record<string, Uint8Array> = {};
  signing.forEach((m, j) => { shares[m.id] = frost.signShare(m.secret, m.public, nonces[j]!.nonces, list, digest); });
  const sig = frost.aggregate(signing[0]!.public, list, digest, shares);
  if (!schnorr.verify(sig, digest, Uint8Array.from(Buffer.from(group.groupKey, 'hex')))) {
    throw new Error('FROST aggregate does not verify under the group key');
  }
  return sig;
}

/** A group message: the canonical envelope with the FROST signature (payload.signer = the group key). */
export function buildGroupMessage<T extends MessageType>(type: T, payload: PayloadByType[T], group: GroupKeys['frost'], seed: string, label: string): Uint8Array {
  if (payload.signer !== group.groupKey) throw new RangeError('group message payload.signer must be the FROST group key');
  const json = payload as unknown as JsonValue;
  const sig = frostSignDigest(group, messageDigest(type, json), label, seed);
  return canonicalBytes({ drey: 1, type, payload: json, signer: group.groupKey, sig: bytesToHex(sig) });
}

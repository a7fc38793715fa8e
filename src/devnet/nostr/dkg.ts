/**
 * A deterministic in-process FROST DKG (RFC 9591 `FROST-secp256k1-SHA256-TR-v1`, noble `schnorr_FROST`) for the
 * simulator. The group key is derived exactly as docs/protocol.md §11 says: x(TapTweak(Σ C_i0, "")).
 */
import { schnorr_FROST as frost } from '@noble/curves/secp256k1.js';
import type { FrostPublic, FrostSecret } from '@noble/curves/abstract/frost.js';
import { bytesToHex } from '../../core/bytes';
import { groupKeyFromCommitments } from '../../core/crypto/frost';
import { seededRng } from './seeded';

export interface FrostMember {
  /** FROST identifier (noble's hex scalar; `Identifier.fromNumber(i)`). */
  id: string;
  secret: FrostSecret;
  public: FrostPublic;
}

export interface FrostGroup {
  threshold: number;
  members: FrostMember[];
  /** Every participant's round-1 commitment list (33-byte points, hex): what the genesis publishes. */
  commitments: string[][];
  /** x-only hex group key (protocol §11). */
  groupKey: string;
}

export function frostDkg({ n, t, seed }: { n: number; t: number; seed: string }): FrostGroup {
  if (!Number.isInteger(n) || !Number.isInteger(t) || t < 2 || t > n) throw new RangeError(`need 2 <= t <= n, got t=${t} n=${n}`);
  const signers = { min: t, max: n };
  const ids = Array.from({ length: n }, (_, i) => frost.Identifier.fromNumber(i + 1));
  const r1 = ids.map((id, k) => frost.DKG.round1(id, signers, undefined, seededRng(seed, `dkg/${k}`)));
  const pubs = r1.map((r) => r.public);
  const others = (id: string) => pubs.filter((p) => p.identifier !== id);
  const r2 = r1.map((r) => frost.DKG.round2(r.secret, others(r.public.identifier)));
  const members = ids.map((id, k) => {
    const key = frost.DKG.round3(r1[k]!.secret, others(id), r2.filter((_, j) => j !== k).map((m) => m[id]!));
    return { id, secret: key.secret, public: key.public };
  });
  const commitments = pubs.map((p) => p.commitment.map((c) => bytesToHex(c)));
  const groupKey = bytesToHex(groupKeyFromCommitments(commitments));
  const nobleKey = members[0]!.public.commitments[0]!;
  if (bytesToHex(nobleKey.length === 33 ? nobleKey.subarray(1) : nobleKey) !== groupKey) {
    throw new Error('FROST DKG: the §11 group key differs from the key noble signs under');
  }
  return { threshold: t, members, commitments, groupKey };
}

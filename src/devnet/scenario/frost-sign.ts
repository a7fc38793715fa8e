/**
 * The actuary group's signature on `reveal` and `final`: FROST (RFC 9591, BIP340 output) coordinated by ROAST
 * (eprint 2022/550) over a nostr relay (docs/nostr.md). Each actuary is its own signer with its DKG share, its actuary
 * key as nostr identity and its own relay connection; one coordinator. The output is the 64-byte BIP340 signature
 * under the genesis group key (protocol §11), which is all the chain ever sees.
 */
import { schnorr } from '@noble/curves/secp256k1.js';
import { bytesToHex, hexToBytes } from '../../core/bytes';
import { messageDigest } from '../../core/protocol/message';
import { canonicalBytes } from '../../core/protocol/canonical';
import type { MessageType, PayloadByType } from '../../core/protocol/payloads';
import type { JsonValue } from '../../core/protocol/strict-json';
import { blameFromTranscript, roastSign, type SignerBehaviour } from '../nostr';
import type { FrostMember, GroupKeys, KeyPair } from './keys';

/** One actuary as a ROAST signer: its FROST share and the key it signs its nostr events with. */
export interface GroupSigner {
  person: string;
  key: KeyPair;
  member: FrostMember;
  /** Scripted fault for the run (default honest). */
  behaviour?: SignerBehaviour;
}

export interface GroupSigning {
  relayUrl: string;
  frost: GroupKeys['frost'];
  /**
   * DEVNET ONLY: seeds the signers' nonces from (seed, message, signer, counter) so a calm run reproduces the same
   * signature; real actuaries draw fresh nonces.
   */
  seed: string;
  timeoutMs?: number;
}

/** What one ROAST run did: who signed, who was proven malicious (with the share event that proves it). */
export interface RoastOutcome {
  runId: string;
  coordinator: string;
  sessions: number;
  /** Actuary keys whose shares form the signature. */
  signers: string[];
  malicious: { person: string; actuary: string; shareEvent: string }[];
  /** Faults scripted for the run (silence cannot be proven from the transcript; it is recorded here as played). */
  scripted: { person: string; actuary: string; behaviour: SignerBehaviour }[];
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** Wait for every signer's first commitment before the first session, so a calm run always opens the same one. */
const GATHER_MS = 10_000;

/** Sign a 32-byte digest with ROAST; the signature is re-checked under the group key before it is returned. */
export async function roastSignDigest(ctx: GroupSigning, signers: readonly GroupSigner[], digest: Uint8Array): Promise<{ signature: Uint8Array; outcome: RoastOutcome }> {
  const byPerson = new Map(signers.map((s) => [s.person, s]));
  const r = await roastSign({
    relayUrl: ctx.relayUrl,
    group: { threshold: ctx.frost.threshold, groupKey: ctx.frost.groupKey, members: ctx.frost.members },
    signers: signers.map((s) => ({ id: s.person, secretShare: s.member.secret, nostrKey: s.key.secret, behaviour: s.behaviour ?? 'honest' })),
    message: digest, timeoutMs: ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS, seed: `${ctx.seed}/roast`, gatherMs: GATHER_MS,
  });
  if (!schnorr.verify(r.signature, digest, hexToBytes(ctx.frost.groupKey))) {
    throw new Error('ROAST signature does not verify under the group key');
  }
  const blame = blameFromTranscript(r.transcript, ctx.frost.members[0]!.public, digest);
  const byIdentifier = new Map(signers.map((s) => [s.member.id, s]));
  const malicious = r.malicious.map((person) => {
    const s = byPerson.get(person)!;
    const proof = blame.find((b) => byIdentifier.get(b.identifier) === s && b.verified);
    return { person, actuary: s.key.pub, shareEvent: proof?.shareEvent ?? '' };
  });
  return {
    signature: r.signature,
    outcome: {
      runId: r.runId, coordinator: r.coordinator, sessions: r.sessions,
      signers: r.signingSet.map((p) => byPerson.get(p)!.key.pub), malicious,
      scripted: signers.filter((s) => (s.behaviour ?? 'honest') !== 'honest').map((s) => ({ person: s.person, actuary: s.key.pub, behaviour: s.behaviour! })),
    },
  };
}

/** A group message: the canonical envelope with the ROAST-produced FROST signature (payload.signer = the group key). */
export async function buildGroupMessage<T extends MessageType>(
  type: T, payload: PayloadByType[T], ctx: GroupSigning, signers: readonly GroupSigner[],
): Promise<{ bytes: Uint8Array; outcome: RoastOutcome }> {
  if (payload.signer !== ctx.frost.groupKey) throw new RangeError('group message payload.signer must be the FROST group key');
  const json = payload as unknown as JsonValue;
  const { signature, outcome } = await roastSignDigest(ctx, signers, messageDigest(type, json));
  return { bytes: canonicalBytes({ drey: 1, type, payload: json, signer: ctx.frost.groupKey, sig: bytesToHex(signature) }), outcome };
}

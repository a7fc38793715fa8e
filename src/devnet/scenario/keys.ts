/**
 * Every secret of the scenario, derived from the seed: founders, Proof-of-Life service, actuaries (and rotated keys),
 * the FROST DKG of the actuary group (noble `schnorr_FROST`), the dealt threshold BLS lottery key and the dealt
 * threshold Paillier KEM key (DEVNET ONLY: the dealers know the whole keys).
 */
import { schnorr, schnorr_FROST as frost } from '@noble/curves/secp256k1.js';
import { bytesToHex } from '../../core/bytes';
import { dealBlsKey, type BlsDeal } from '../../core/crypto/threshold-bls';
import { dealThresholdPaillier, type ThresholdPaillierDeal } from '../../core/crypto/threshold-paillier';
import { groupKeyFromCommitments } from '../../core/crypto/frost';
import { Rng, seedBytes } from './rng';
import { deterministicSafePrime } from './safe-prime';

export interface KeyPair { secret: Uint8Array; pub: string }

export interface FrostMember {
  id: string;
  secret: ReturnType<typeof frost.DKG.round3>['secret'];
  public: ReturnType<typeof frost.DKG.round3>['public'];
}

export interface GroupKeys {
  frost: { members: FrostMember[]; threshold: number; commitments: string[][]; groupKey: string };
  bls: BlsDeal;
  paillier: ThresholdPaillierDeal;
}

/** Paillier prime size: N has twice as many bits (512-bit N, the smallest the genesis accepts). */
export const PAILLIER_PRIME_BITS = 256;

export function keyPair(seed: string, label: string): KeyPair {
  for (let i = 0; ; i++) {
    const secret = seedBytes(seed, `${label}/${i}`);
    try {
      return { secret, pub: bytesToHex(schnorr.getPublicKey(secret)) };
    } catch {
      // not a valid scalar: next
    }
  }
}

/** Run the DKG among `parties` actuaries (t-of-n) in process; the genesis publishes every round-1 commitment list. */
export function frostDkg(seed: string, threshold: number, parties: number): GroupKeys['frost'] {
  const signers = { min: threshold, max: parties };
  const ids = Array.from({ length: parties }, (_, i) => frost.Identifier.fromNumber(i + 1));
  const r1 = ids.map((id, k) => frost.DKG.round1(id, signers, undefined, new Rng(seed, `frost-dkg/${k}`).fn()));
  const pubs = r1.map((r) => r.public);
  const r2 = r1.map((r) => frost.DKG.round2(r.secret, pubs.filter((p) => p.identifier !== r.public.identifier)));
  const members = r1.map((r, k) => {
    const out = frost.DKG.round3(r.secret, pubs.filter((p) => p.identifier !== r.public.identifier),
      r2.filter((_, j) => j !== k).map((m) => m[ids[k]!]!));
    return { id: ids[k]!, secret: out.secret, public: out.public };
  });
  const commitments = pubs.map((p) => p.commitment.map((c) => bytesToHex(c)));
  return { members, threshold, commitments, groupKey: bytesToHex(groupKeyFromCommitments(commitments)) };
}

export function groupKeys(seed: string, threshold: number, parties: number): GroupKeys {
  const p = deterministicSafePrime(seed, 'paillier-p', PAILLIER_PRIME_BITS);
  let q = deterministicSafePrime(seed, 'paillier-q', PAILLIER_PRIME_BITS);
  for (let i = 1; q === p; i++) q = deterministicSafePrime(seed, `paillier-q${i}`, PAILLIER_PRIME_BITS);
  return {
    frost: frostDkg(seed, threshold, parties),
    bls: dealBlsKey(seedBytes(seed, 'bls-dealer'), threshold, parties),
    paillier: dealThresholdPaillier(p, q, threshold, parties, seedBytes(seed, 'paillier-dealer')),
  };
}

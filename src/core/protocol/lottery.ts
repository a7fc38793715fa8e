/** The lead lottery's beacon: a threshold BLS unique signature over the month's anchor (drand-style), randomness = SHA-256(sig). */
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, fromDisplayHex, parseHex } from '../bytes';
import { VerifyError } from '../errors';
import { inscriptionIdBytes, u32be, type InscriptionId } from './ids';
import type { NetworkName } from '../chain/network';

/** Hash-to-curve domain separation tag (RFC 9380 suite BLS12381G1_XMD:SHA-256_SSWU_RO_ with the protocol's prefix). */
export const LOTTERY_DST = 'DREY-V1-LOTTERY_BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_';

const short = bls12_381.shortSignatures;

export interface LotteryInput {
  network: NetworkName;
  genesis: InscriptionId;
  month: number;
  attempt: number;
  /** Block hash at the anchor height, display hex. */
  anchorHash: string;
}

/**
 * The signed bytes: `u8 len(network) ‖ ascii(network) ‖ genesisId36 ‖ month u32 BE ‖ attempt u32 BE ‖ anchor hash
 * (32 bytes, internal byte order)`.
 */
export function lotteryMessage(x: LotteryInput): Uint8Array {
  const net = new TextEncoder().encode(x.network);
  return concatBytes(Uint8Array.of(net.length), net, inscriptionIdBytes(x.genesis), u32be(x.month), u32be(x.attempt),
    fromDisplayHex(x.anchorHash, 'LOTTERY_MALFORMED', 'anchor hash'));
}

/** The message hashed onto G1 with LOTTERY_DST. */
export function lotteryPoint(x: LotteryInput): ReturnType<typeof short.hash> {
  return short.hash(lotteryMessage(x), LOTTERY_DST);
}

/** Parse the pinned group key (96-byte compressed G2); the identity and off-subgroup points are refused (LOTTERY_BAD_KEY). */
export function parseLotteryKey(hex: unknown): ReturnType<typeof bls12_381.G2.Point.fromBytes> {
  const bytes = parseHex(hex, 'LOTTERY_BAD_KEY', 'BLS group key', 96);
  let p;
  try {
    p = bls12_381.G2.Point.fromBytes(bytes);
  } catch (e) {
    throw new VerifyError('LOTTERY_BAD_KEY', `BLS group key is not a G2 point: ${(e as Error).message}`, {});
  }
  if (p.is0()) throw new VerifyError('LOTTERY_BAD_KEY', 'BLS group key is the identity', {});
  return p;
}

/** One verification, remembered by verifyLottery. */
function verifyLotteryOnce(x: LotteryInput, signatureHex: unknown, groupKeyHex: unknown): Uint8Array {
  const key = parseLotteryKey(groupKeyHex);
  const sigBytes = parseHex(signatureHex, 'LOTTERY_MALFORMED', 'BLS signature', 48);
  let sig;
  try {
    sig = short.Signature.fromBytes(sigBytes);
  } catch (e) {
    throw new VerifyError('LOTTERY_MALFORMED', `BLS signature is not a G1 point: ${(e as Error).message}`, { signature: bytesToHex(sigBytes) });
  }
  if (sig.is0()) throw new VerifyError('LOTTERY_IDENTITY', 'BLS signature is the identity point', {});
  if (!short.verify(sig, lotteryPoint(x), key)) {
    throw new VerifyError('LOTTERY_BAD_SIGNATURE', `lottery signature for month ${x.month} attempt ${x.attempt} does not verify under the group key`, {
      month: x.month, attempt: x.attempt, anchor: x.anchorHash, signature: bytesToHex(sigBytes),
    });
  }
  return sha256(sigBytes);
}

/**
 * Outcomes of lottery signatures already verified in this process, by (signed bytes, signature, key): the fetch layer
 * checks a lottery to decide whether to read it and the lottery step checks it again. A pure function of those
 * bytes, so a remembered outcome is the outcome. Bounded: the oldest go first.
 */
const verified = new Map<string, Uint8Array | VerifyError>();

/** The signed bytes, or undefined when they cannot be formed (verifyLotteryOnce then reports it in its own order). */
function signedBytes(x: LotteryInput): Uint8Array | undefined {
  try {
    return lotteryMessage(x);
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    return undefined;
  }
}
const VERIFIED_MAX = 1024;

/**
 * Verify a lottery signature (48-byte compressed G1) and return the month's randomness R = SHA-256(sig).
 * Codes: LOTTERY_MALFORMED (encoding), LOTTERY_IDENTITY, LOTTERY_BAD_SIGNATURE (pairing check failed), LOTTERY_BAD_KEY.
 */
export function verifyLottery(x: LotteryInput, signatureHex: unknown, groupKeyHex: unknown): Uint8Array {
  const signed = typeof signatureHex === 'string' && typeof groupKeyHex === 'string' ? signedBytes(x) : undefined;
  if (!signed) return verifyLotteryOnce(x, signatureHex, groupKeyHex);
  const id = `${bytesToHex(signed)}:${String(signatureHex)}:${String(groupKeyHex)}`;
  let outcome = verified.get(id);
  if (outcome === undefined) {
    try {
      outcome = verifyLotteryOnce(x, signatureHex, groupKeyHex);
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
      outcome = e;
    }
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    verified.set(id, outcome);
  }
  if (outcome instanceof VerifyError) throw outcome;
  return outcome.slice();
}

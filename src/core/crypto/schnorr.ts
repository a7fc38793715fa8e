/** BIP340 Schnorr signatures over secp256k1 (noble): signing for producers, strict verification for the verifier. */
import { schnorr } from '@noble/curves/secp256k1.js';
import { VerifyError } from '../errors';
import { bytesToHex, parseHex } from '../bytes';

/** Sign a 32-byte digest (producer side; `aux` makes it deterministic). */
export function signSchnorr(digest: Uint8Array, secretKey: Uint8Array, aux?: Uint8Array): Uint8Array {
  if (digest.length !== 32) throw new RangeError('signSchnorr: digest must be 32 bytes');
  return schnorr.sign(digest, secretKey, aux ?? new Uint8Array(32));
}

export function publicKeyFromSecret(secretKey: Uint8Array): Uint8Array {
  return schnorr.getPublicKey(secretKey);
}

/**
 * Parse an untrusted x-only public key: 64 lowercase hex chars naming an x coordinate on the curve.
 * Throws MESSAGE_BAD_KEY.
 */
export function parseXOnlyKey(hex: unknown, what = 'public key'): Uint8Array {
  if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) {
    throw new VerifyError('MESSAGE_BAD_KEY', `${what} must be 64 lowercase hex characters`, { value: String(hex).slice(0, 80) });
  }
  const key = parseHex(hex, 'MESSAGE_BAD_KEY', what, 32);
  try {
    schnorr.utils.lift_x(BigInt('0x' + hex));
  } catch {
    throw new VerifyError('MESSAGE_BAD_KEY', `${what} is not the x coordinate of a secp256k1 point`, { value: hex });
  }
  return key;
}

/** Parse an untrusted 64-byte BIP340 signature (lowercase hex). Throws MESSAGE_BAD_SIGNATURE on a malformed encoding. */
export function parseSchnorrSignature(hex: unknown, what = 'signature'): Uint8Array {
  if (typeof hex !== 'string' || !/^[0-9a-f]{128}$/.test(hex)) {
    throw new VerifyError('MESSAGE_BAD_SIGNATURE', `${what} must be 128 lowercase hex characters`, { value: String(hex).slice(0, 80) });
  }
  return parseHex(hex, 'MESSAGE_BAD_SIGNATURE', what, 64);
}

/**
 * Verdicts of signatures already checked in this process, by (key, digest, signature): a month reads each message
 * several times (to choose what to fetch, then in the steps), and `all` reads a month's registrations every month.
 * Verification is a pure function of those bytes, so a remembered answer is the answer. Bounded: the oldest go first.
 */
const checked = new Map<string, boolean>();
const CHECKED_MAX = 8192;

/** True when `sig` is a valid BIP340 signature of `digest` by `key` (all already parsed). */
export function isValidSchnorr(sig: Uint8Array, digest: Uint8Array, key: Uint8Array): boolean {
  const id = bytesToHex(key) + bytesToHex(digest) + bytesToHex(sig);
  let ok = checked.get(id);
  if (ok === undefined) {
    ok = schnorr.verify(sig, digest, key);
    if (checked.size >= CHECKED_MAX) checked.delete(checked.keys().next().value!);
    checked.set(id, ok);
  }
  return ok;
}

/** Verify or throw MESSAGE_BAD_SIGNATURE with the signer and digest as evidence. */
export function verifySchnorr(sig: Uint8Array, digest: Uint8Array, key: Uint8Array, what = 'signature'): void {
  if (!isValidSchnorr(sig, digest, key)) {
    throw new VerifyError('MESSAGE_BAD_SIGNATURE', `${what} does not verify under ${bytesToHex(key)}`, {
      signer: bytesToHex(key), digest: bytesToHex(digest), sig: bytesToHex(sig),
    });
  }
}

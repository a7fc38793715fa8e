/** Byte helpers shared by the core: strict hex, Bitcoin's display byte order, double SHA-256. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes as nobleHexToBytes } from '@noble/hashes/utils.js';
import { VerifyError, type VerifyCode } from './errors';

export { bytesToHex, concatBytes, sha256 };

const HEX_RE = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * Parse untrusted hex. `code` is the error code to throw (e.g. 'CHAIN_BAD_HEX'); `length` (bytes) is checked when given.
 */
export function parseHex(hex: unknown, code: VerifyCode, what: string, length?: number): Uint8Array {
  if (typeof hex !== 'string' || !HEX_RE.test(hex)) {
    throw new VerifyError(code, `${what} is not a hex string`, { value: typeof hex === 'string' ? hex.slice(0, 80) : typeof hex });
  }
  const bytes = nobleHexToBytes(hex.toLowerCase());
  if (length !== undefined && bytes.length !== length) {
    throw new VerifyError(code, `${what} must be ${length} bytes, got ${bytes.length}`, { value: hex.slice(0, 80) });
  }
  return bytes;
}

/** Hex of trusted input (tests, constants). Throws RangeError on bad input: a caller bug. */
export function hexToBytes(hex: string): Uint8Array {
  if (!HEX_RE.test(hex)) throw new RangeError('hexToBytes: not hex');
  return nobleHexToBytes(hex.toLowerCase());
}

export function reverse(bytes: Uint8Array): Uint8Array {
  return Uint8Array.from(bytes).reverse();
}

export function sha256d(bytes: Uint8Array): Uint8Array {
  return sha256(sha256(bytes));
}

/** Bitcoin hashes are printed reversed ("display order"): txids, block hashes, Esplora merkle branches. */
export function toDisplayHex(internal: Uint8Array): string {
  return bytesToHex(reverse(internal));
}

export function fromDisplayHex(hex: unknown, code: VerifyCode, what: string): Uint8Array {
  return reverse(parseHex(hex, code, what, 32));
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export const utf8 = {
  encode: (s: string): Uint8Array => new TextEncoder().encode(s),
  /** Strict UTF-8 decode: returns undefined on invalid sequences. */
  decodeStrict: (b: Uint8Array): string | undefined => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      return undefined;
    }
  },
};

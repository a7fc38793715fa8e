/** BIP340 tagged hashes (`SHA256(SHA256(tag) ‖ SHA256(tag) ‖ msg)`) and the protocol's `drey/v1/<type>` tags. */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';

const encoder = new TextEncoder();
const tagCache = new Map<string, Uint8Array>();

function tagHash(tag: string): Uint8Array {
  let h = tagCache.get(tag);
  if (!h) {
    h = sha256(encoder.encode(tag));
    tagCache.set(tag, h);
  }
  return h;
}

/** BIP340 `hash_tag(msg)`; several message parts are concatenated. */
export function taggedHash(tag: string, ...msgs: Uint8Array[]): Uint8Array {
  const t = tagHash(tag);
  return sha256(concatBytes(t, t, ...msgs));
}

/** The signature tag of a protocol message type, e.g. `drey/v1/commit`. */
export function messageTag(type: string): string {
  return `drey/v1/${type}`;
}

/** Deterministic byte streams for devnet keys and (optionally) nonces: SHA-256 in counter mode under a labelled seed. */
import { sha256 } from '@noble/hashes/sha2.js';
import { schnorr } from '@noble/curves/secp256k1.js';
import { concatBytes, utf8 } from '../../core/bytes';

/** A noble-style `rng(len)` that yields SHA-256(seed ‖ label ‖ counter) blocks. */
export function seededRng(seed: string, label: string): (len?: number) => Uint8Array {
  const base = sha256(utf8.encode(`drey/devnet/nostr/${seed}/${label}`));
  let counter = 0;
  return (len = 32) => {
    const blocks: Uint8Array[] = [];
    for (let got = 0; got < len; got += 32) {
      const c = new Uint8Array(4);
      new DataView(c.buffer).setUint32(0, counter++);
      blocks.push(sha256(concatBytes(base, c)));
    }
    return concatBytes(...blocks).subarray(0, len);
  };
}

/** A nostr (BIP340) secret key named by (seed, label). */
export function seededSecretKey(seed: string, label: string): Uint8Array {
  const rng = seededRng(seed, `key/${label}`);
  for (;;) {
    const sk = rng(32);
    try {
      schnorr.getPublicKey(sk);
      return sk;
    } catch {
      // zero or ≥ n: draw again
    }
  }
}

/** Deterministic byte streams for the scenario: every key, member and choice follows from the seed (SHA-256 in counter mode). */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8 } from '../../core/bytes';

/** 32 bytes named by a label under the seed. */
export function seedBytes(seed: string, label: string): Uint8Array {
  return sha256(utf8.encode(`drey/scenario/${seed}/${label}`));
}

/** A stream of pseudo-random numbers under (seed, label). */
export class Rng {
  private counter = 0;
  private readonly base: Uint8Array;

  constructor(seed: string, label: string) {
    this.base = seedBytes(seed, label);
  }

  bytes(len: number): Uint8Array {
    const out: Uint8Array[] = [];
    for (let got = 0; got < len; got += 32) {
      const c = new Uint8Array(4);
      new DataView(c.buffer).setUint32(0, this.counter++);
      out.push(sha256(concatBytes(this.base, c)));
    }
    return concatBytes(...out).subarray(0, len);
  }

  /** Uniform in [0, n) (n < 2^32; modulo bias below 2^-20 is irrelevant for a simulation). */
  int(n: number): number {
    const b = this.bytes(8);
    const v = new DataView(b.buffer).getBigUint64(0);
    return Number(v % BigInt(n));
  }

  /** True with probability num/den. */
  chance(num: number, den: number): boolean {
    return this.int(den) < num;
  }

  /** A noble-style rng(len) function. */
  fn(): (len?: number) => Uint8Array {
    return (len = 32) => this.bytes(len);
  }
}

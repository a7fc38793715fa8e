/**
 * Poseidon round constants from the Grain LFSR of the reference parameter script (eprint 2019/458 appendix F,
 * generate_parameters_grain.sage "1 0 254 t 8 R_P p", as circomlib's constants were made): an 80-bit register seeded
 * with the parameters, 160 bits discarded, then self-shrinking output (a 1 bit keeps the next bit, a 0 drops it);
 * each constant is the next 254 bits, big-endian, redrawn while ≥ p.
 */

class Grain {
  /** The register as a sliding window over a buffer: bits[head..head+80), new bits appended at head + 80. */
  private bits = new Uint8Array(4096 + 80);
  private head = 0;

  constructor(seed: readonly number[]) {
    this.bits.set(seed);
    for (let i = 0; i < 160; i++) this.step();
  }

  private step(): number {
    if (this.head === 4096) {
      this.bits.copyWithin(0, 4096, 4096 + 80);
      this.head = 0;
    }
    const s = this.bits;
    const h = this.head;
    const b = s[h + 62]! ^ s[h + 51]! ^ s[h + 38]! ^ s[h + 23]! ^ s[h + 13]! ^ s[h]!;
    s[h + 80] = b;
    this.head = h + 1;
    return b;
  }

  /** The self-shrinking output: pairs (a, b), b kept when a = 1. */
  next(): number {
    for (;;) {
      if (this.step() === 1) return this.step();
      this.step();
    }
  }
}

function bitsOf(v: number, width: number): number[] {
  return Array.from({ length: width }, (_, i) => (v >> (width - 1 - i)) & 1);
}

/** (roundsF + roundsP)·t round constants for a prime field (field type 1, S-box x^α: type 0). */
export function grainRoundConstants(t: number, roundsF: number, roundsP: number, prime: bigint, primeBits: number): bigint[] {
  const grain = new Grain([
    ...bitsOf(1, 2), ...bitsOf(0, 4), ...bitsOf(primeBits, 12), ...bitsOf(t, 12), ...bitsOf(roundsF, 10), ...bitsOf(roundsP, 10),
    ...new Array<number>(30).fill(1),
  ]);
  const element = (): bigint => {
    for (;;) {
      let v = 0n;
      for (let left = primeBits; left > 0;) {
        const take = Math.min(24, left);
        let chunk = 0;
        for (let i = 0; i < take; i++) chunk = chunk * 2 + grain.next();
        v = (v << BigInt(take)) | BigInt(chunk);
        left -= take;
      }
      if (v < prime) return v;
    }
  };
  return Array.from({ length: (roundsF + roundsP) * t }, element);
}

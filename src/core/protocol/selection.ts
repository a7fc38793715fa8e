/** Stake-weighted lead selection: actuaries sorted by key, cumulative stake, exact rejection sampling (docs/protocol.md §6.3). */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes } from '../bytes';
import { VerifyError } from '../errors';
import { u32be } from './ids';

export interface Candidate {
  /** x-only key, lowercase hex. */
  key: string;
  /** Eligible stake in sats (> 0). */
  stake: bigint;
}

export interface Draw {
  lead: string;
  /** Which counter value was accepted (0 unless a draw was rejected). */
  counter: number;
  /** The accepted value r ∈ [0, S). */
  r: bigint;
  total: bigint;
}

const PREFIX = new TextEncoder().encode('drey/v1/lead');
const TWO_256 = 1n << 256n;

/** x_c = SHA-256("drey/v1/lead" ‖ R ‖ attempt u32 BE ‖ c u32 BE) read as a 256-bit big-endian integer. */
export function drawValue(randomness: Uint8Array, attempt: number, counter: number): bigint {
  return BigInt('0x' + bytesToHex(sha256(concatBytes(PREFIX, randomness, u32be(attempt), u32be(counter)))));
}

/**
 * Pick the lead of `attempt` from R: drop excluded keys (failed leads of earlier attempts), sort the rest by key
 * bytes, S = Σ stake; accept the first x_c below ⌊2^256/S⌋·S, r = x_c mod S; the lead is the actuary whose cumulative
 * stake interval [C_{k−1}, C_k) holds r. LOTTERY_NO_CANDIDATES when nobody is left.
 */
export function selectLead(randomness: Uint8Array, attempt: number, candidates: readonly Candidate[], excluded: ReadonlySet<string> = new Set()): Draw {
  if (randomness.length !== 32) throw new RangeError('selectLead: randomness must be 32 bytes');
  const keys = new Set<string>();
  for (const c of candidates) {
    if (c.stake <= 0n) throw new RangeError(`selectLead: non-positive stake for ${c.key}`);
    if (keys.has(c.key)) throw new RangeError(`selectLead: duplicate key ${c.key}`);
    hexToBytes(c.key);
    keys.add(c.key);
  }
  const pool = candidates.filter((c) => !excluded.has(c.key)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const total = pool.reduce((s, c) => s + c.stake, 0n);
  if (pool.length === 0) throw new VerifyError('LOTTERY_NO_CANDIDATES', `no eligible actuary is left for attempt ${attempt}`, { attempt, excluded: [...excluded] });
  const limit = TWO_256 - (TWO_256 % total);
  for (let counter = 0; counter <= 0xffffffff; counter++) {
    const x = drawValue(randomness, attempt, counter);
    if (x >= limit) continue;
    const r = x % total;
    let cum = 0n;
    for (const c of pool) {
      cum += c.stake;
      if (r < cum) return { lead: c.key, counter, r, total };
    }
  }
  throw new Error('selectLead: unreachable');
}

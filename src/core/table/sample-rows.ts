/** Deterministic sample rows for tests, benchmarks and the devnet: a seeded xorshift, no Math.random. */
import type { AllocationRow } from './allocation';
import type { InputsRow } from './inputs';
import { RESERVE_USER_ID } from './limits';

/** xorshift32 stream; the same seed always gives the same numbers. */
export function seededRandom(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

function userId(next: () => number): string {
  return `u${next().toString(16).padStart(8, '0')}${next().toString(16).padStart(8, '0')}`;
}

/** `rows` allocation rows: reserve row then unique 17-character ids with allocations below 10^10 Dreybits. */
export function sampleAllocationRows(rows: number, seed = 1): AllocationRow[] {
  const next = seededRandom(seed);
  const out: AllocationRow[] = [{ userId: RESERVE_USER_ID, allocation: 1234n }];
  const seen = new Set<string>([RESERVE_USER_ID]);
  while (out.length < rows) {
    const id = userId(next);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ userId: id, allocation: BigInt(next() % 100_000) * 100_000n + BigInt(next() % 100_000) });
  }
  return out;
}

/** `rows` inputs rows: reserve row then members born 1930–2005 in 3 geographies, 1 in 200 deceased. */
export function sampleInputsRows(rows: number, seed = 1): InputsRow[] {
  const next = seededRandom(seed);
  const out: InputsRow[] = [
    { userId: RESERVE_USER_ID, dateOfBirth: 0, sex: 0, geography: 0, depositAddress: '', deposit: 0n, alive: true },
  ];
  const seen = new Set<string>([RESERVE_USER_ID]);
  while (out.length < rows) {
    const id = userId(next);
    if (seen.has(id)) continue;
    seen.add(id);
    const alive = next() % 200 !== 0;
    const deposits = alive && next() % 10 === 0;
    out.push({
      userId: id,
      dateOfBirth: (1930 + (next() % 76)) * 10_000 + (1 + (next() % 12)) * 100 + 1 + (next() % 28),
      sex: next() % 2,
      geography: next() % 3,
      depositAddress: deposits ? `bcrt1p${next().toString(36)}${next().toString(36)}` : '',
      deposit: deposits ? BigInt(next() % 10_000_000) : 0n,
      alive,
    });
  }
  return out;
}

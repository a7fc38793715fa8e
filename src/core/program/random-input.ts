/** Seeded random month inputs (valid or with one injected fault) for the program's property tests and benchmark. */
import { isValidDate } from './dates';
import { AGES, MAX_RATE, VALUE_LIMIT, type AllocationInput } from './types';

/** mulberry32: a small seeded generator of uint32 values. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function leapYearBefore(y: number): number {
  let l = y - 1;
  while (!(l % 4 === 0 && (l % 100 !== 0 || l % 400 === 0))) l--;
  return l;
}

export interface RandomInputOptions {
  rows: number;
  /** Rows carried from last month (default: all); rows past it are new members. */
  previousRows?: number;
  geographies?: number;
  /** Probability that a member (row ≥ 1) died this month. */
  deathRate?: number;
  depositRate?: number;
  /** Largest allocation or deposit of an ordinary row. */
  maxValue?: bigint;
  /** Give one random row everything left below 2^53, so totals sit at the bound. */
  extreme?: boolean;
  table?: 'random' | 'zero' | 'half' | 'mixed';
  referenceDate?: number;
}

export function randomInput(seed: number, o: RandomInputOptions): AllocationInput {
  const next = prng(seed);
  const unit = (): number => next() / 2 ** 32;
  const below = (n: number): number => Math.floor(unit() * n);
  const big = (max: bigint): bigint => ((BigInt(next()) << 32n) | BigInt(next())) % (max + 1n);
  const n = o.rows;
  const prevRows = o.previousRows ?? n;
  const g = o.geographies ?? 3;
  // Ordinary rows stay small enough that the total of allocations and deposits cannot reach 2^53.
  const wanted = o.maxValue ?? 10n ** 9n;
  const roomPerValue = (VALUE_LIMIT - 1n) / BigInt(2 * n);
  const maxValue = wanted < roomPerValue ? wanted : roomPerValue;
  const deathRate = o.deathRate ?? 0.05;
  const depositRate = o.depositRate ?? 0.3;
  const ref = o.referenceDate ?? 20250301;

  const rates = new Uint32Array(g * 2 * AGES);
  for (let k = 0; k < rates.length; k++) {
    const mode = o.table === 'mixed' ? (['random', 'zero', 'half'] as const)[below(3)]! : o.table ?? 'random';
    rates[k] = mode === 'zero' ? 0 : mode === 'half' ? MAX_RATE : below(4) === 0 ? next() % (MAX_RATE + 1) : next() % 2_000_000;
  }

  const previous = new BigUint64Array(prevRows);
  const alive = new Uint8Array(n);
  const deposit = new BigUint64Array(n);
  const dob = new Uint32Array(n);
  const sex = new Uint8Array(n);
  const geography = new Uint16Array(n);
  const refYear = Math.floor(ref / 10000);
  for (let i = 0; i < n; i++) {
    if (i < prevRows) previous[i] = below(10) === 0 ? 0n : big(maxValue);
    alive[i] = i === 0 || unit() >= deathRate ? 1 : 0;
    if (i > 0 && alive[i] === 1 && unit() < depositRate) deposit[i] = big(maxValue);
    sex[i] = below(2);
    geography[i] = below(g);
    const pick = below(8);
    if (pick === 0) dob[i] = ref; // turns 0 or a birthday today
    else if (pick === 1) { // birthday on the reference day (28 February when that year has no 29th)
      const d = (refYear - below(130)) * 10000 + (ref % 10000);
      dob[i] = isValidDate(d) ? d : d - 1;
    }
    else if (pick === 2) dob[i] = leapYearBefore(refYear - below(100)) * 10000 + 229; // 29 February
    else dob[i] = (refYear - 1 - below(125)) * 10000 + (1 + below(12)) * 100 + 1 + below(28);
  }
  if (o.extreme) {
    let total = 0n;
    for (const v of previous) total += v;
    for (const v of deposit) total += v;
    const room = VALUE_LIMIT - 1n - total;
    const k = below(prevRows);
    if (room > 0n && k < prevRows) previous[k] = previous[k]! + room;
  }
  return { referenceDate: ref, previous, alive, deposit, dob, sex, geography, mortality: { geographies: g, rates } };
}

/** The same input with one fault of a random class injected at a random place. */
export function withFault(input: AllocationInput, seed: number): { input: AllocationInput; fault: string } {
  const next = prng(seed);
  const below = (n: number): number => next() % n;
  const c: AllocationInput = {
    ...input,
    previous: input.previous.slice(), alive: input.alive.slice(), deposit: input.deposit.slice(), dob: input.dob.slice(),
    sex: input.sex.slice(), geography: input.geography.slice(),
    mortality: { geographies: input.mortality.geographies, rates: input.mortality.rates.slice() },
  };
  const n = c.alive.length;
  const row = n > 1 ? 1 + below(n - 1) : 0;
  const faults = ['date', 'future', 'rate', 'deceased', 'overflow', 'total', 'sex', 'geography', 'alive', 'reserve', 'reference'] as const;
  const fault = faults[below(faults.length)]!;
  switch (fault) {
    case 'date': c.dob[row] = [20230229, 19991301, 20000100, 0, 99999999][below(5)]!; break;
    case 'future': c.dob[row] = c.referenceDate + 1 + below(300); break;
    case 'rate': c.mortality.rates[below(c.mortality.rates.length)] = MAX_RATE + 1 + below(1000); break;
    case 'deceased': c.alive[row] = 0; c.deposit[row] = 1n + BigInt(below(1000)); break;
    case 'overflow': if (row < c.previous.length) c.previous[row] = VALUE_LIMIT + BigInt(below(1000)); else c.deposit[row] = VALUE_LIMIT; break;
    case 'total': c.deposit[row] = VALUE_LIMIT - 1n; c.alive[row] = 1; break;
    case 'sex': c.sex[row] = 2 + below(250); break;
    case 'geography': c.geography[row] = c.mortality.geographies + below(100); break;
    case 'alive': c.alive[row] = 2 + below(250); break;
    case 'reserve': if (below(2) === 0) c.alive[0] = 0; else c.deposit[0] = 5n; break;
    case 'reference': c.referenceDate = [20250230, 20251301, 0, 100000101][below(4)]!; break;
  }
  return { input: c, fault };
}

/** Dense [geography][sex][age] rate array the allocation program takes (docs/tables.md §Mortality table). */
import { VerifyError } from '../errors';
import { MAX_AGE, MAX_GEOGRAPHIES, MAX_Q_PPB } from './limits';
import type { MortalityTable } from './mortality';

export const AGES = MAX_AGE + 1;

export interface MortalityLookup {
  /** Geographies 0..geographies−1 are all present. */
  geographies: number;
  /** rates[(geography · 2 + sex) · 121 + age] = monthly q in ppb. */
  rates: Uint32Array;
}

export function rateIndex(geography: number, sex: number, age: number): number {
  return (geography * 2 + sex) * AGES + age;
}

/** Build the dense array; every cell of geographies 0..G−1 × sex 0..1 × age 0..120 must be given exactly once. */
export function mortalityLookup(table: MortalityTable): MortalityLookup {
  let geographies = 0;
  for (let row = 0; row < table.rows; row++) geographies = Math.max(geographies, table.geography[row]! + 1);
  if (geographies < 1 || geographies > MAX_GEOGRAPHIES) {
    throw new VerifyError('TABLE_SCHEMA', `a mortality table covers 1..${MAX_GEOGRAPHIES} geographies`, { geographies });
  }
  const cells = geographies * 2 * AGES;
  const rates = new Uint32Array(cells);
  const seen = new Uint8Array(cells);
  for (let row = 0; row < table.rows; row++) {
    const g = table.geography[row]!;
    const s = table.sex[row]!;
    const a = table.age[row]!;
    const q = table.qPpb[row]!;
    if (g < 0 || (s !== 0 && s !== 1) || a < 0 || a > MAX_AGE || q < 0n || q > MAX_Q_PPB) {
      throw new VerifyError('TABLE_RANGE', `row ${row} is not a mortality cell`, { row });
    }
    const i = rateIndex(g, s, a);
    if (seen[i]) throw new VerifyError('TABLE_DUPLICATE_CELL', `row ${row} repeats a cell`, { row, geography: g, sex: s, age: a });
    seen[i] = 1;
    rates[i] = Number(q);
  }
  const missing = seen.indexOf(0);
  if (missing >= 0) {
    const age = missing % AGES;
    const sex = Math.floor(missing / AGES) % 2;
    const geography = Math.floor(missing / (2 * AGES));
    throw new VerifyError('TABLE_SCHEMA', `the mortality table has no rate for geography ${geography}, sex ${sex}, age ${age}`, {
      geography, sex, age, missingCells: seen.reduce((n, v) => n + (v ? 0 : 1), 0),
    });
  }
  return { geographies, rates };
}

/** Monthly q (ppb) of one member (age already clamped to 0..120); a geography the table lacks is TABLE_RANGE. */
export function mortalityRate(lookup: MortalityLookup, geography: number, sex: number, age: number): number {
  if (!(geography >= 0 && geography < lookup.geographies)) {
    throw new VerifyError('TABLE_RANGE', `geography ${geography} is not in the mortality table`, { geography, geographies: lookup.geographies });
  }
  if (!((sex === 0 || sex === 1) && Number.isInteger(age) && age >= 0 && age <= MAX_AGE)) throw new RangeError('mortalityRate: sex 0/1, age 0..120');
  return lookup.rates[rateIndex(geography, sex, age)]!;
}

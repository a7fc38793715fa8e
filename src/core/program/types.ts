/** Inputs, outputs and bounds of the month's allocation (docs/allocation-formula.md, docs/program-abi.md). */
import type { Evidence, VerifyCode } from '../errors';

/** Rates are monthly, in parts per billion. */
export const Q = 1_000_000_000n;
/** Largest accepted rate: Q/2 keeps every weight at or below its allocation. */
export const MAX_RATE = 500_000_000;
/** Every allocation, deposit and total stays below 2^53. */
export const VALUE_LIMIT = 1n << 53n;
/** Ages 0..120: a mortality table has 121 rates per geography and sex. */
export const AGES = 121;
export const MAX_AGE = 120;
export const MAX_ROWS = 1_048_576;
export const MAX_GEOGRAPHIES = 4096;

/** Mortality table: `rates[(geography · 2 + sex) · 121 + age]`, sex 0 = female, 1 = male. */
export interface MortalityTable {
  geographies: number;
  rates: Uint32Array;
}

/**
 * One month's inputs as columns. `previous` holds last month's allocations (its length is the previous row count,
 * at most `alive.length`); the other columns have one entry per row of this month. Row 0 is the reserve row.
 */
export interface AllocationInput {
  /** First day of the month's calendar month, yyyymmdd. */
  referenceDate: number;
  previous: BigUint64Array;
  alive: Uint8Array;
  deposit: BigUint64Array;
  /** Date of birth, yyyymmdd. */
  dob: Uint32Array;
  sex: Uint8Array;
  geography: Uint16Array;
  mortality: MortalityTable;
}

export interface AllocationTotals {
  /** Dreybits forfeited this month. */
  F: bigint;
  /** Sum of the survivors' weights. */
  W: bigint;
  /** Rounding remainder credited to the reserve row. */
  R: bigint;
}

export interface AllocationOutput extends AllocationTotals {
  newAllocations: BigUint64Array;
  q: Uint32Array;
  w: BigUint64Array;
  share: BigUint64Array;
}

/** A coded failure as a plain value (safe to pass through structured clone and comlink). */
export interface ProgramFailure {
  code: VerifyCode;
  message: string;
  evidence: Evidence;
}

export interface ProgramStats {
  /** Linear memory size after the run, in 64 KiB pages. */
  memoryPages: number;
  /** Wall-clock time of compile + instantiate + run, in ms. */
  ms: number;
}

export type ProgramResult =
  | { ok: true; output: AllocationOutput; stats: ProgramStats }
  | { ok: false; error: ProgramFailure };

export interface ProgramLimits {
  /** Cap on linear memory, in 64 KiB pages (default 1024 = 64 MiB). */
  memoryPages?: number;
  /** Cap on the module's size in bytes (default 4 MiB). */
  maxBytes?: number;
}

export const DEFAULT_MEMORY_PAGES = 1024;
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

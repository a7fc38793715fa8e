/** The allocation program ABI v1 (docs/program-abi.md): exports, column ids, status codes and their error codes. */
import type { VerifyCode } from '../errors';

export const ABI_VERSION = 1;

/** Wasm value type bytes used in the required signatures. */
export const I32 = 0x7f;

/** Required function exports with their exact signatures (params, results). */
export const REQUIRED_FUNCTIONS: Readonly<Record<string, { params: readonly number[]; results: readonly number[] }>> = {
  abi_version: { params: [], results: [I32] },
  prepare: { params: [I32, I32, I32], results: [I32] },
  column: { params: [I32], results: [I32] },
  run: { params: [I32], results: [I32] },
  error_row: { params: [], results: [I32] },
};

export const MEMORY_EXPORT = 'memory';

/** Column ids passed to `column(id)`. */
export const COLUMN = {
  previous: 0,
  alive: 1,
  deposit: 2,
  dob: 3,
  sex: 4,
  geography: 5,
  mortality: 6,
  newAllocations: 7,
  q: 8,
  w: 9,
  share: 10,
  totals: 11,
} as const;

/** Status codes returned by `prepare` and `run`, and the error code each maps to. */
export const STATUS_CODES: Readonly<Record<number, VerifyCode>> = {
  1: 'PROGRAM_INPUT_SIZE',
  2: 'PROGRAM_INPUT_DATE',
  3: 'PROGRAM_INPUT_RATE',
  4: 'PROGRAM_INPUT_DECEASED_DEPOSIT',
  5: 'PROGRAM_INPUT_OVERFLOW',
  6: 'PROGRAM_INPUT_FIELD',
  7: 'PROGRAM_INPUT_RESERVE',
  8: 'PROGRAM_MEMORY_LIMIT',
};

export const STATUS_MESSAGES: Readonly<Partial<Record<VerifyCode, string>>> = {
  PROGRAM_INPUT_SIZE: 'row count, previous row count or geography count out of range',
  PROGRAM_INPUT_DATE: 'invalid yyyymmdd date, or a date of birth after the reference date',
  PROGRAM_INPUT_RATE: 'mortality rate above Q/2',
  PROGRAM_INPUT_DECEASED_DEPOSIT: 'a deceased member has a deposit',
  PROGRAM_INPUT_OVERFLOW: 'a value or the running total of allocations and deposits reaches 2^53',
  PROGRAM_INPUT_FIELD: 'alive, sex or geography out of range',
  PROGRAM_INPUT_RESERVE: 'the reserve row (row 0) must be alive with no deposit',
  PROGRAM_MEMORY_LIMIT: 'the program could not get the memory it needs within the cap',
};

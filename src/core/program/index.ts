/** The allocation program's public API: the reference formula, the same-thread host and their types. */
export { computeMonth } from './reference';
export { runAllocationProgram } from './host';
export { outputFromResult } from './result';
export { isValidDate, ageAt, referenceDateOfMonth } from './dates';
export { ABI_VERSION, COLUMN, STATUS_CODES } from './abi';
export {
  Q, MAX_RATE, VALUE_LIMIT, AGES, MAX_AGE, MAX_ROWS, MAX_GEOGRAPHIES, DEFAULT_MEMORY_PAGES, DEFAULT_MAX_BYTES,
} from './types';
export type {
  AllocationInput, AllocationOutput, AllocationTotals, MortalityTable, ProgramFailure, ProgramLimits, ProgramResult,
  ProgramStats,
} from './types';

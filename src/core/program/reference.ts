/** Plain TypeScript reference of the allocation formula (docs/allocation-formula.md), same checks as ABI v1. */
import { VerifyError, type VerifyCode } from '../errors';
import { STATUS_MESSAGES } from './abi';
import { ageAt, isValidDate } from './dates';
import {
  AGES, MAX_AGE, MAX_GEOGRAPHIES, MAX_RATE, MAX_ROWS, Q, VALUE_LIMIT,
  type AllocationInput, type AllocationOutput,
} from './types';

function inputError(code: VerifyCode, item: Record<string, number>): VerifyError {
  return new VerifyError(code, STATUS_MESSAGES[code] ?? code, item);
}

/** Column lengths are fixed by whoever built the input: a mismatch is a caller bug. */
export function checkInputShape(input: AllocationInput): void {
  const n = input.alive.length;
  for (const [name, col] of [['deposit', input.deposit], ['dob', input.dob], ['sex', input.sex], ['geography', input.geography]] as const) {
    if (col.length !== n) throw new RangeError(`column ${name} has ${col.length} rows, alive has ${n}`);
  }
  if (input.mortality.rates.length !== input.mortality.geographies * 2 * AGES) {
    throw new RangeError(`mortality table has ${input.mortality.rates.length} rates for ${input.mortality.geographies} geographies`);
  }
}

/**
 * The month's new allocations, per-row rates, weights and shares, and F, W, R. Checks run in the ABI's order
 * (sizes, reference date, table, then row by row) and the first failure throws a `PROGRAM_INPUT_*` VerifyError.
 */
export function computeMonth(input: AllocationInput): AllocationOutput {
  checkInputShape(input);
  const n = input.alive.length;
  const prevRows = input.previous.length;
  const geographies = input.mortality.geographies;
  if (n < 1 || n > MAX_ROWS || prevRows > n || geographies < 1 || geographies > MAX_GEOGRAPHIES) {
    throw inputError('PROGRAM_INPUT_SIZE', { rows: n, previousRows: prevRows, geographies });
  }
  const ref = input.referenceDate;
  if (!isValidDate(ref)) throw inputError('PROGRAM_INPUT_DATE', { row: -1 });
  const rates = input.mortality.rates;
  for (let k = 0; k < rates.length; k++) {
    if (rates[k]! > MAX_RATE) throw inputError('PROGRAM_INPUT_RATE', { entry: k });
  }

  const q = new Uint32Array(n);
  const w = new BigUint64Array(n);
  let total = 0n;
  let F = 0n;
  let W = 0n;
  for (let i = 0; i < n; i++) {
    const a = i < prevRows ? input.previous[i]! : 0n;
    const dep = input.deposit[i]!;
    const alive = input.alive[i]!;
    if (a >= VALUE_LIMIT || dep >= VALUE_LIMIT) throw inputError('PROGRAM_INPUT_OVERFLOW', { row: i });
    if (alive > 1) throw inputError('PROGRAM_INPUT_FIELD', { row: i });
    let qi = 0;
    if (i === 0) {
      if (alive !== 1 || dep !== 0n) throw inputError('PROGRAM_INPUT_RESERVE', { row: 0 });
    } else {
      const sex = input.sex[i]!;
      const geo = input.geography[i]!;
      if (sex > 1 || geo >= geographies) throw inputError('PROGRAM_INPUT_FIELD', { row: i });
      const dob = input.dob[i]!;
      if (!isValidDate(dob)) throw inputError('PROGRAM_INPUT_DATE', { row: i });
      const age = ageAt(dob, ref);
      if (age < 0) throw inputError('PROGRAM_INPUT_DATE', { row: i });
      if (alive === 0 && dep !== 0n) throw inputError('PROGRAM_INPUT_DECEASED_DEPOSIT', { row: i });
      qi = rates[(geo * 2 + sex) * AGES + Math.min(age, MAX_AGE)]!;
    }
    total += a + dep;
    if (total >= VALUE_LIMIT) throw inputError('PROGRAM_INPUT_OVERFLOW', { row: i });
    q[i] = qi;
    if (alive === 1) {
      const wi = (a * BigInt(qi)) / (Q - BigInt(qi));
      w[i] = wi;
      W += wi;
    } else {
      F += a;
    }
  }

  const share = new BigUint64Array(n);
  const newAllocations = new BigUint64Array(n);
  let shared = 0n;
  for (let i = 0; i < n; i++) {
    const s = W > 0n ? (F * w[i]!) / W : 0n;
    share[i] = s;
    shared += s;
    const a = i < prevRows ? input.previous[i]! : 0n;
    newAllocations[i] = input.alive[i] === 1 ? a + input.deposit[i]! + s : 0n;
  }
  const R = F - shared;
  newAllocations[0] = newAllocations[0]! + R;
  return { newAllocations, q, w, share, F, W, R };
}

/**
 * A depositor's inputs and the terms of the allocation formula for their row (docs/allocation-formula.md): last
 * month's allocation, alive flag, deposit, the mortality rate used and their age, weight and share of the month's
 * forfeitures, read from the month's tables and the pinned program's run on them (the numbers the proofs were checked against).
 */
import { ageAt, referenceDateOfMonth } from '../../program/dates';
import type { DepositorInputs } from '../report';
import type { MonthNumbers } from './program';
import type { MonthTables } from './tables';

/** The row's inputs, or undefined when the month's tables could not be read or the program not run (a step then failed). */
export function depositorInputs(row: number, tables: MonthTables | undefined, numbers: MonthNumbers | undefined, startMonth: number, month: number): DepositorInputs | undefined {
  const inputs = tables?.inputs?.table;
  const ref = numbers;
  if (!tables || !inputs || !ref || tables.previous === undefined || row < 0 || row >= inputs.rows) return undefined;
  const previousRows = tables.previous?.rows ?? 0;
  const previous = row < previousRows ? tables.previous?.allocations[row] ?? 0n : 0n;
  const reserve = row === 0;
  return {
    previous: previous.toString(),
    isNew: row >= previousRows,
    alive: inputs.alive[row] === 1,
    deposit: (inputs.deposit[row] ?? 0n).toString(),
    q: ref.q[row] ?? 0,
    age: reserve ? null : ageAt(inputs.dateOfBirth[row] ?? 0, referenceDateOfMonth(startMonth, month)),
    sex: inputs.sex[row] ?? 0,
    geography: inputs.geography[row] ?? 0,
    weight: (ref.w[row] ?? 0n).toString(),
    share: (ref.share[row] ?? 0n).toString(),
    F: ref.F.toString(),
    W: ref.W.toString(),
    R: ref.R.toString(),
    reserve,
  };
}

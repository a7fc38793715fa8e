/**
 * One month's allocation as every honest actuary computes it: the reference program (docs/allocation-formula.md) for
 * the rates and new allocations, then the batch witnesses and month root of the prover (cross-checked).
 */
import { computeMonth } from '../../core/program/reference';
import { referenceDateOfMonth } from '../../core/program/dates';
import type { MortalityTable as ProgramMortality } from '../../core/program/types';
import { userIdField } from '../../core/commit/user-id';
import type { MortalityRow } from '../../core/table/mortality';
import type { InputsRow } from '../../core/table/inputs';
import type { AllocationRow } from '../../core/table/allocation';
import { monthWitness, type MonthWitness } from '../prover/month-witness';

export interface MonthResult {
  rows: AllocationRow[];
  witness: MonthWitness;
  root: bigint;
}

/** The program's mortality layout `rates[(geography·2 + sex)·121 + age]` from the table's rows. */
export function programMortality(rows: readonly MortalityRow[]): ProgramMortality {
  const geographies = Math.max(...rows.map((r) => r.geography)) + 1;
  const rates = new Uint32Array(geographies * 2 * 121);
  for (const r of rows) rates[(r.geography * 2 + r.sex) * 121 + r.age] = Number(r.qPpb);
  return { geographies, rates };
}

export function computeAllocation(opts: {
  month: number; startMonth: number; batchSize: number; prev: readonly AllocationRow[]; inputs: readonly InputsRow[];
  mortality: ProgramMortality;
}): MonthResult {
  const { month, inputs, prev } = opts;
  const out = computeMonth({
    referenceDate: referenceDateOfMonth(opts.startMonth, month),
    previous: BigUint64Array.from(prev, (r) => r.allocation),
    alive: Uint8Array.from(inputs, (r) => (r.alive ? 1 : 0)),
    deposit: BigUint64Array.from(inputs, (r) => r.deposit),
    dob: Uint32Array.from(inputs, (r) => r.dateOfBirth),
    sex: Uint8Array.from(inputs, (r) => r.sex),
    geography: Uint16Array.from(inputs, (r) => r.geography),
    mortality: opts.mortality,
  });
  const uids = inputs.map((r) => userIdField(r.userId));
  const witness = monthWitness({
    month,
    batchSize: opts.batchSize,
    prev: prev.map((r, i) => ({ uid: uids[i]!, allocation: r.allocation })),
    inputs: inputs.map((r, i) => ({ uid: uids[i]!, alive: r.alive, deposit: r.deposit, q: BigInt(out.q[i]!) })),
  });
  witness.next.forEach((r, i) => {
    if (r.allocation !== out.newAllocations[i]) throw new Error(`month ${month} row ${i}: prover and reference disagree`);
  });
  return { rows: inputs.map((r, i) => ({ userId: r.userId, allocation: out.newAllocations[i]! })), witness, root: witness.monthRoot };
}

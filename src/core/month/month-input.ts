/** The allocation program's input for month m (docs/allocation-formula.md): last month's table, the inputs table, the mortality table. */
import { VerifyError } from '../errors';
import { referenceDateOfMonth } from '../program/dates';
import type { AllocationInput } from '../program/types';
import type { AllocationTable } from '../table/allocation';
import type { InputsTable } from '../table/inputs';
import type { MortalityLookup } from '../table/mortality-lookup';

/** Rows keep their position: row i of last month's table is row i of this month's inputs (TABLE_ROW_ORDER otherwise). */
export function monthInput(startMonth: number, month: number, previous: AllocationTable | undefined, inputs: InputsTable, mortality: MortalityLookup): AllocationInput {
  const lastIds = previous?.userIds ?? [];
  if (lastIds.length > inputs.rows) {
    throw new VerifyError('TABLE_ROW_ORDER', `the inputs table has ${inputs.rows} rows, last month's table ${lastIds.length}`, { inputs: inputs.rows, previous: lastIds.length });
  }
  lastIds.forEach((id, i) => {
    if (id !== inputs.userIds[i]) throw new VerifyError('TABLE_ROW_ORDER', `row ${i} is ${inputs.userIds[i]} in the inputs but ${id} last month`, { row: i });
  });
  return {
    referenceDate: referenceDateOfMonth(startMonth, month),
    previous: BigUint64Array.from(previous ? Array.from(previous.allocations, (a) => BigInt.asUintN(64, a)) : []),
    alive: Uint8Array.from(inputs.alive),
    deposit: BigUint64Array.from(Array.from(inputs.deposit, (d) => BigInt.asUintN(64, d))),
    dob: Uint32Array.from(inputs.dateOfBirth, (d) => d >>> 0),
    sex: Uint8Array.from(inputs.sex),
    geography: Uint16Array.from(inputs.geography),
    mortality: { geographies: mortality.geographies, rates: mortality.rates },
  };
}

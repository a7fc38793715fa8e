/** A small deterministic month for the demo, the tests and the benchmarks: reserve row, survivors, deaths, newcomers. */
import { RESERVE_USER_ID, userIdField } from '../../core/commit/user-id';
import type { AllocationLeafRow, InputsLeafRow } from '../../core/commit/leaf-rows';
import type { MonthRows } from './month-witness';

/**
 * Month `month` of a table with `rows` rows: the previous table holds rows 0..rows−2 (the last row is a newcomer),
 * every fifth member (rows 3, 8, …) dies this month, and rates and balances vary from row to row.
 */
export function sampleMonth(rows: number, batchSize: number, month = 2): MonthRows {
  if (rows < 2) throw new RangeError('a sample month has the reserve row and at least one member');
  const uid = (i: number) => userIdField(i === 0 ? RESERVE_USER_ID : `member-${i}`);
  const prev: AllocationLeafRow[] = Array.from({ length: rows - 1 }, (_, i) => ({
    uid: uid(i),
    allocation: i === 0 ? 7n : BigInt(100_000 + 37_123 * i),
  }));
  const inputs: InputsLeafRow[] = Array.from({ length: rows }, (_, i) => {
    const alive = i === 0 || i % 5 !== 3;
    return {
      uid: uid(i),
      alive,
      deposit: alive && i > 0 ? BigInt(1_000 * (i % 4)) : 0n,
      q: i === 0 ? 0n : BigInt(50_000 + 91_357 * i),
    };
  });
  return { month, batchSize, prev, inputs };
}

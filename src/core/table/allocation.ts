/** The month's allocation table, published in the `final` message (docs/tables.md §Allocation table). */
import { int64Column, utf8Column, type Columns } from './columns';
import { checkAmounts } from './amounts';
import { MAX_USER_ID_BYTES } from './limits';
import type { TableKind } from './table-kind';
import { checkUserIds } from './user-id';

export interface AllocationRow {
  userId: string;
  /** Dreybits. */
  allocation: bigint;
}

export interface AllocationTable {
  rows: number;
  /** Row i keeps its position from month to month; row 0 is `drey:reserve`. */
  userIds: string[];
  allocations: BigInt64Array;
  /** Σ allocations (< 2^53). */
  total: bigint;
}

export const ALLOCATION: TableKind<AllocationTable, AllocationRow> = {
  name: 'allocation',
  columns: [utf8Column('user_id', MAX_USER_ID_BYTES), int64Column('allocation')],
  columnsFromRows: (rows) => ({
    user_id: rows.map((r) => r.userId),
    allocation: BigInt64Array.from(rows, (r) => r.allocation),
  }),
  tableFromColumns(columns: Columns, rows: number): AllocationTable {
    const userIds = columns.user_id as string[];
    const allocations = columns.allocation as BigInt64Array;
    checkUserIds(userIds);
    const total = checkAmounts(allocations, 'allocation');
    return { rows, userIds, allocations, total };
  },
};

/** The month's allocation table, published in the `final` message (docs/tables.md §Allocation table). */
import { int64Column, utf8Column, type Columns } from './columns';
import { checkAmounts } from './amounts';
import { encodeColumns } from './encode';
import { MAX_USER_ID_BYTES } from './limits';
import { readTablePart } from './read-part';
import type { TableKind } from './table-kind';
import { checkTableSplit } from './split';
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

/** Canonical bytes of one allocation table file (no validation; see docs/tables.md). */
export function writeAllocationTable(rows: readonly AllocationRow[]): Uint8Array {
  return encodeColumns(ALLOCATION.columns, ALLOCATION.columnsFromRows(rows));
}

/** Parse a whole allocation table published as one file; multi-part tables go through `joinParts`. */
export async function parseAllocationTable(bytes: Uint8Array): Promise<AllocationTable> {
  const part = await readTablePart(bytes, ALLOCATION.columns);
  const table = ALLOCATION.tableFromColumns(part.columns, part.rows);
  checkTableSplit(ALLOCATION.columns, part.columns, [part.rows]);
  return table;
}

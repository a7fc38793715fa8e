/** The mortality table pinned by the `genesis` message (docs/tables.md §Mortality table). */
import { VerifyError } from '../errors';
import { int32Column, int64Column, type Columns } from './columns';
import { MAX_AGE, MAX_GEOGRAPHIES, MAX_Q_PPB } from './limits';
import { mortalityLookup } from './mortality-lookup';
import type { TableKind } from './table-kind';

export interface MortalityRow {
  geography: number;
  /** 0 female, 1 male. */
  sex: number;
  /** Whole years, 0..120. */
  age: number;
  /** Monthly death probability in parts per billion, 0..5e8. */
  qPpb: bigint;
}

export interface MortalityTable {
  rows: number;
  geography: Int32Array;
  sex: Int32Array;
  age: Int32Array;
  qPpb: BigInt64Array;
}

/** Sort key of a cell: rows are in strictly increasing (geography, sex, age) order. */
function cellKey(t: MortalityTable, row: number): number {
  return (t.geography[row]! * 2 + t.sex[row]!) * (MAX_AGE + 1) + t.age[row]!;
}

function checkRow(t: MortalityTable, row: number): void {
  const fail = (column: string, rule: string, value: unknown): never => {
    throw new VerifyError('TABLE_RANGE', `${column} of row ${row} ${rule}`, { row, column, value: String(value) });
  };
  const g = t.geography[row]!;
  const s = t.sex[row]!;
  const a = t.age[row]!;
  const q = t.qPpb[row]!;
  if (g < 0 || g >= MAX_GEOGRAPHIES) fail('geography', `must be in [0, ${MAX_GEOGRAPHIES})`, g);
  if (s !== 0 && s !== 1) fail('sex', 'must be 0 or 1', s);
  if (a < 0 || a > MAX_AGE) fail('age', `must be in [0, ${MAX_AGE}]`, a);
  if (q < 0n || q > MAX_Q_PPB) fail('q_ppb', `must be in [0, ${MAX_Q_PPB}]`, q);
  if (row > 0) {
    const prev = cellKey(t, row - 1);
    const key = cellKey(t, row);
    if (key === prev) throw new VerifyError('TABLE_DUPLICATE_CELL', `row ${row} repeats the cell of row ${row - 1}`, { row, geography: g, sex: s, age: a });
    if (key < prev) throw new VerifyError('TABLE_ORDER', `row ${row} is out of (geography, sex, age) order`, { row, geography: g, sex: s, age: a });
  }
}

export const MORTALITY: TableKind<MortalityTable, MortalityRow> = {
  name: 'mortality',
  columns: [int32Column('geography'), int32Column('sex'), int32Column('age'), int64Column('q_ppb')],
  columnsFromRows: (rows) => ({
    geography: Int32Array.from(rows, (r) => r.geography),
    sex: Int32Array.from(rows, (r) => r.sex),
    age: Int32Array.from(rows, (r) => r.age),
    q_ppb: BigInt64Array.from(rows, (r) => r.qPpb),
  }),
  tableFromColumns(columns: Columns, rows: number): MortalityTable {
    const table: MortalityTable = {
      rows,
      geography: columns.geography as Int32Array,
      sex: columns.sex as Int32Array,
      age: columns.age as Int32Array,
      qPpb: columns.q_ppb as BigInt64Array,
    };
    for (let row = 0; row < rows; row++) checkRow(table, row);
    mortalityLookup(table);
    return table;
  },
};

/** What the reader and writer need to know of each v1 table kind (docs/tables.md §Tables). */
import type { ColumnSpec, Columns } from './columns';

export interface TableKind<Table, Row> {
  readonly name: 'inputs' | 'allocation' | 'mortality';
  /** Columns in file order. */
  readonly columns: readonly ColumnSpec[];
  /** Rows to columns for the writer (no validation: tests write malformed tables with it). */
  columnsFromRows(rows: readonly Row[]): Columns;
  /** Decoded columns of the whole table to the typed table, checking every row rule and whole-table rule. */
  tableFromColumns(columns: Columns, rows: number): Table;
}

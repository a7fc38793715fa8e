/** One table file, of any of the three kinds: its canonical bytes from rows, and the typed table from untrusted bytes (docs/tables.md). */
import { encodeColumns } from './encode';
import { readTablePart } from './read-part';
import { checkTableSplit } from './split';
import type { TableKind } from './table-kind';

/** Canonical bytes of one table file of `kind` (no validation: tests write malformed tables with it). */
export function writeTable<Row>(kind: TableKind<unknown, Row>, rows: readonly Row[]): Uint8Array {
  return encodeColumns(kind.columns, kind.columnsFromRows(rows));
}

/** Parse a whole table of `kind` published as one file (every row and table rule checked); parts go through `joinParts`. */
export async function parseTable<Table>(kind: TableKind<Table, unknown>, bytes: Uint8Array): Promise<Table> {
  const part = await readTablePart(bytes, kind.columns);
  const table = kind.tableFromColumns(part.columns, part.rows);
  checkTableSplit(kind.columns, part.columns, [part.rows]);
  return table;
}

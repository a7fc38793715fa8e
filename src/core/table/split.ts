/** The split rule: which consecutive rows go into which part (docs/tables.md §Parts). */
import { VerifyError } from '../errors';
import { rowPayloadBytes, type ColumnSpec, type Columns } from './columns';
import { MAX_TABLE_ROWS, PART_PAYLOAD_BUDGET } from './limits';

/**
 * Rows per part, greedily: a part takes the next row while its PLAIN payload stays within PART_PAYLOAD_BUDGET.
 * A function of the rows alone, so the parts (and their sha256) are too.
 */
export function partRowCounts(specs: readonly ColumnSpec[], columns: Columns, rows: number): number[] {
  const counts: number[] = [];
  let inPart = 0;
  let payload = 0;
  for (let i = 0; i < rows; i++) {
    const size = rowPayloadBytes(specs, columns, i);
    if (inPart > 0 && payload + size > PART_PAYLOAD_BUDGET) {
      counts.push(inPart);
      inPart = 0;
      payload = 0;
    }
    inPart++;
    payload += size;
  }
  if (inPart > 0) counts.push(inPart);
  return counts;
}

/** The parts a table was published in must be the ones the split rule gives. */
export function checkTableSplit(specs: readonly ColumnSpec[], columns: Columns, listed: readonly number[]): void {
  const rows = listed.reduce((a, b) => a + b, 0);
  const expected = partRowCounts(specs, columns, rows);
  if (expected.length !== listed.length || expected.some((n, i) => n !== listed[i])) {
    throw new VerifyError('TABLE_PART_SPLIT', 'the table is not split into parts by the split rule', {
      listed: listed.slice(0, 16),
      expected: expected.slice(0, 16),
    });
  }
}

/**
 * The fewest rows a part other than the last holds under the split rule: it closes only when the next row would not
 * fit, so its payload exceeds the budget less one row, and every row is at most the largest row a table can hold.
 */
export function minRowsPerPart(specs: readonly ColumnSpec[]): number {
  return Math.floor(PART_PAYLOAD_BUDGET / specs.reduce((n, s) => n + s.maxValueBytes, 0));
}

/**
 * What a listing's row counts alone show, before any part is fetched (docs/protocol.md §2.5): at most MAX_TABLE_ROWS
 * rows, and every part but the last at least `minRowsPerPart` rows — so one message names at most
 * ⌈rows / minRowsPerPart⌉ parts. A listing the split rule cannot give is TABLE_PART_SPLIT.
 */
export function checkPartCounts(specs: readonly ColumnSpec[], listed: readonly number[]): void {
  const rows = listed.reduce((a, b) => a + b, 0);
  const least = minRowsPerPart(specs);
  const short = listed.findIndex((n, i) => i < listed.length - 1 && n < least);
  if (rows > MAX_TABLE_ROWS || short >= 0) {
    throw new VerifyError('TABLE_PART_SPLIT', rows > MAX_TABLE_ROWS
      ? `the table names ${rows} rows; a table holds at most ${MAX_TABLE_ROWS}`
      : `part ${short} holds ${listed[short]} rows; every part but the last holds at least ${least} under the split rule`, {
      rows, parts: listed.length, least, ...(short >= 0 ? { part: short } : {}),
    });
  }
}

/** The split rule: which consecutive rows go into which part (docs/tables.md §Parts). */
import { VerifyError } from '../errors';
import { rowPayloadBytes, type ColumnSpec, type Columns } from './columns';
import { PART_PAYLOAD_BUDGET } from './limits';

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

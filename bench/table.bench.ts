/** Table throughput: canonical write and checked parse of 100,000-row tables (in parts), and bytes per row. */
import { ALLOCATION, INPUTS, joinParts, partListing, splitIntoParts, type TableKind } from '../src/core/table';
import { rowPayloadBytes } from '../src/core/table/columns';
import { sampleAllocationRows, sampleInputsRows } from '../src/core/table/sample-rows';
import { fmt, medianMs } from './stats';

const ROWS = 100_000;

async function measure<Row>(name: string, kind: TableKind<unknown, Row>, rows: Row[]): Promise<void> {
  let parts = splitIntoParts(kind, rows);
  const writeMs = await medianMs(5, () => {
    parts = splitIntoParts(kind, rows);
  });
  const data = parts.map((p) => p.data);
  const listing = partListing(parts);
  const parseMs = await medianMs(5, () => joinParts(kind, data, listing));
  const bytes = parts.reduce((n, p) => n + p.bytes, 0);
  const columns = kind.columnsFromRows(rows);
  let payload = 0;
  for (let i = 0; i < rows.length; i++) payload += rowPayloadBytes(kind.columns, columns, i);
  console.log(`${name} table, ${ROWS.toLocaleString('en')} rows in ${parts.length} parts, ${fmt(bytes / 1e6)} MB:`);
  console.log(`  write (split + encode + sha256): ${fmt(writeMs)} ms (median of 5), ${fmt(ROWS / writeMs)} k rows/s`);
  console.log(`  parse (sha256 + checks + decode + canonical re-encode + join): ${fmt(parseMs)} ms (median of 5), ${fmt(ROWS / parseMs)} k rows/s`);
  console.log(`  size: ${fmt(bytes / ROWS)} bytes/row on chain (PLAIN payload ${fmt(payload / ROWS)} bytes/row, Snappy ×${fmt(bytes / payload)})`);
}

export default async function bench(): Promise<void> {
  await measure('allocation', ALLOCATION, sampleAllocationRows(ROWS));
  await measure('inputs', INPUTS, sampleInputsRows(ROWS));
}

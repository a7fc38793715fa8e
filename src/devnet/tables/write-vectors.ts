/**
 * Writes vectors/tables/: one small canonical file of each v1 table with its rows as JSON and sha256, and the
 * mutation vectors (each a file that must fail with the named code). Run: npx tsx src/devnet/tables/write-vectors.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { bytesToHex, sha256 } from '../../core/bytes';
import { sampleAllocationRows, sampleInputsRows } from '../../core/table/sample-rows';
import { devnetMortalityRows } from './mortality-rates';
import { ALLOCATION, INPUTS, MORTALITY, writeTable } from '../../core/table';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../vectors/tables');

const replacer = (_: string, x: unknown) => (typeof x === 'bigint' ? x.toString() : x);
/** A JSON list, one element per line (bigints as decimal strings). */
const json = (v: readonly unknown[]) => `[\n${v.map((x) => JSON.stringify(x, replacer)).join(',\n')}\n]\n`;

function main(): void {
  rmSync(join(OUT, 'mutations'), { recursive: true, force: true });
  mkdirSync(join(OUT, 'mutations'), { recursive: true });
  const allocation = sampleAllocationRows(20, 11);
  const inputs = sampleInputsRows(20, 12);
  const mortality = devnetMortalityRows();
  const tables = { allocation: [allocation, writeTable(ALLOCATION, allocation)], inputs: [inputs, writeTable(INPUTS, inputs)], mortality: [mortality, writeTable(MORTALITY, mortality)] } as const;
  const manifest = Object.entries(tables).map(([name, [rows, bytes]]) => {
    writeFileSync(join(OUT, `${name}.parquet`), bytes);
    writeFileSync(join(OUT, `${name}.json`), json(rows));
    return { table: name, file: `${name}.parquet`, rows: rows.length, bytes: bytes.length, sha256: bytesToHex(sha256(bytes)) };
  });
  writeFileSync(join(OUT, 'manifest.json'), json(manifest));

  const alloc = tables.allocation[1];
  const ids = allocation.map((r) => r.userId);
  const amounts = BigInt64Array.from(allocation, (r) => r.allocation);
  const raw = (columns: { name: string; data: unknown; element: Record<string, unknown> }[], options: Record<string, unknown> = {}) => new Uint8Array(parquetWriteBuffer({
    schema: [{ name: 'root', num_children: columns.length }, ...columns.map((c) => ({ name: c.name, ...c.element }))],
    columnData: columns.map((c) => ({ name: c.name, data: c.data as string[], encoding: 'PLAIN' as const, offsetIndex: false })),
    codec: 'SNAPPY', statistics: false, rowGroupSize: ids.length, pageSize: 0, createdBy: 'drey/1', ...options,
  }));
  const userIdCol = { name: 'user_id', data: ids, element: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' } };
  const allocCol = { name: 'allocation', data: amounts, element: { type: 'INT64', repetition_type: 'REQUIRED' } };
  const withNull = [...ids];
  withNull[3] = null as unknown as string;
  const dup = allocation.map((r, i) => (i === 5 ? { ...r, userId: allocation[2]!.userId } : r));
  const badSex = inputs.map((r, i) => (i === 4 ? { ...r, sex: 2 } : r));
  const badQ = mortality.map((r, i) => (i === 100 ? { ...r, qPpb: 500_000_001n } : r));
  const mutations: [string, 'allocation' | 'inputs' | 'mortality', string, Uint8Array][] = [
    ['not-parquet', 'allocation', 'TABLE_NOT_PARQUET', new TextEncoder().encode(json(allocation.map((r) => [r.userId, r.allocation])))],
    ['truncated', 'allocation', 'TABLE_NOT_PARQUET', alloc.subarray(0, alloc.length - 20)],
    ['allocation-as-double', 'allocation', 'TABLE_SCHEMA', raw([userIdCol, { ...allocCol, data: Float64Array.from(amounts, Number), element: { type: 'DOUBLE', repetition_type: 'REQUIRED' } }])],
    ['missing-column', 'allocation', 'TABLE_SCHEMA', raw([userIdCol])],
    ['extra-column', 'allocation', 'TABLE_SCHEMA', raw([userIdCol, allocCol, { ...userIdCol, name: 'note' }])],
    ['null-user-id', 'allocation', 'TABLE_NULL', raw([{ ...userIdCol, data: withNull, element: { ...userIdCol.element, repetition_type: 'OPTIONAL' } }, allocCol])],
    ['uncompressed', 'allocation', 'TABLE_NOT_CANONICAL', raw([userIdCol, allocCol], { codec: 'UNCOMPRESSED' })],
    ['with-statistics', 'allocation', 'TABLE_NOT_CANONICAL', raw([userIdCol, allocCol], { statistics: true })],
    ['duplicate-user', 'allocation', 'TABLE_DUPLICATE_USER', writeTable(ALLOCATION, dup)],
    ['no-reserve-row', 'allocation', 'TABLE_RESERVE_ROW', writeTable(ALLOCATION, allocation.slice(1))],
    ['sex-2', 'inputs', 'TABLE_RANGE', writeTable(INPUTS, badSex)],
    ['q-above-half', 'mortality', 'TABLE_RANGE', writeTable(MORTALITY, badQ)],
    ['missing-cell', 'mortality', 'TABLE_SCHEMA', writeTable(MORTALITY, mortality.slice(0, -1))],
  ];
  writeFileSync(join(OUT, 'mutations.json'), json(mutations.map(([name, table, code]) => ({ file: `mutations/${name}.parquet`, table, code }))));
  for (const [name, , , bytes] of mutations) writeFileSync(join(OUT, 'mutations', `${name}.parquet`), bytes);
  console.log(`wrote ${manifest.length} tables and ${mutations.length} mutations to ${OUT}`);
}

main();

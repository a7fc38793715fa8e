import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256 } from '../bytes';
import { VerifyError } from '../errors';
import { ALLOCATION } from './allocation';
import { INPUTS } from './inputs';
import { MORTALITY } from './mortality';
import { encodeColumns } from './encode';
import type { TableKind } from './table-kind';
import { parseTable } from './table-file';

const DIR = resolve(import.meta.dirname, '../../../vectors/tables');
const read = (file: string) => new Uint8Array(readFileSync(join(DIR, file)));
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T;

type Row = Record<string, string | number | bigint | boolean>;
const KINDS = {
  allocation: [ALLOCATION, (b: Uint8Array) => parseTable(ALLOCATION, b)],
  inputs: [INPUTS, (b: Uint8Array) => parseTable(INPUTS, b)],
  mortality: [MORTALITY, (b: Uint8Array) => parseTable(MORTALITY, b)],
} as unknown as Record<string, [TableKind<unknown, Row>, (b: Uint8Array) => Promise<unknown>]>;

/** JSON rows back to writer rows: decimal strings of INT64 columns to bigint. */
function rowsFromJson(rows: Row[]): Row[] {
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, ['allocation', 'deposit', 'qPpb'].includes(k) ? BigInt(v as string) : v])));
}

describe('the committed table vectors (vectors/tables)', () => {
  const manifest = readJson<{ table: string; file: string; rows: number; bytes: number; sha256: string }[]>('manifest.json');

  it.each(manifest)('$file has its pinned sha256 and parses to its JSON rows', async ({ table, file, rows, bytes, sha256: pinned }) => {
    const data = read(file);
    expect(data.length).toBe(bytes);
    expect(bytesToHex(sha256(data))).toBe(pinned);
    const [kind, parse] = KINDS[table]!;
    await expect(parse(data)).resolves.toMatchObject({ rows });
    const jsonRows = rowsFromJson(readJson<Row[]>(file.replace('.parquet', '.json')));
    // The writer in use still produces the pinned bytes: the encoding is a function of the rows.
    expect(encodeColumns(kind.columns, kind.columnsFromRows(jsonRows))).toEqual(data);
  });
});

describe('the committed mutation vectors', () => {
  const mutations = readJson<{ file: string; table: string; code: string }[]>('mutations.json');
  it.each(mutations)('$file fails with $code', async ({ file, table, code }) => {
    const [, parse] = KINDS[table]!;
    const error = await parse(read(file)).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(VerifyError);
    expect((error as VerifyError).code).toBe(code);
  });
});

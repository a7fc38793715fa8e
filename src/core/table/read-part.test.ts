import { describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import { VerifyError } from '../errors';
import { MAX_PART_BYTES } from './limits';
import { sampleAllocationRows } from './sample-rows';
import { parseTable, writeTable } from './table-file';
import { ALLOCATION as ALLOCATION_TABLE } from './allocation';

type Data = Parameters<typeof parquetWriteBuffer>[0]['columnData'][number]['data'];

const ROWS = sampleAllocationRows(50);
const IDS = ROWS.map((r) => r.userId);
const ALLOC = BigInt64Array.from(ROWS, (r) => r.allocation);

/** A Parquet file written directly with hyparquet-writer, with the canonical options unless overridden. */
function parquet(columns: { name: string; data: Data; element: Omit<SchemaElement, 'name'> }[], options: Record<string, unknown> = {}): Uint8Array {
  return new Uint8Array(parquetWriteBuffer({
    schema: [{ name: 'root', num_children: columns.length }, ...columns.map((c) => ({ name: c.name, ...c.element }))],
    columnData: columns.map((c) => ({ name: c.name, data: c.data, encoding: 'PLAIN' as const, offsetIndex: false })),
    codec: 'SNAPPY', statistics: false, rowGroupSize: c0(columns), pageSize: 0, createdBy: 'drey/1',
    ...options,
  }));
}
function c0(columns: { data: Data }[]): number {
  return columns[0]!.data.length;
}

const USER_ID = { name: 'user_id', data: IDS, element: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' } } as const;
const ALLOCATION = { name: 'allocation', data: ALLOC, element: { type: 'INT64', repetition_type: 'REQUIRED' } } as const;

async function codeOf(bytes: Uint8Array): Promise<string> {
  try {
    await parseTable(ALLOCATION_TABLE, bytes);
    return 'OK';
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    return e.code;
  }
}

describe('when the file is written the canonical way directly', () => {
  it('is accepted and equal to the table writer', async () => {
    const bytes = parquet([USER_ID, ALLOCATION]);
    expect(bytes).toEqual(writeTable(ALLOCATION_TABLE, ROWS));
    expect(await codeOf(bytes)).toBe('OK');
  });
});

describe('when the bytes are not a Parquet file', () => {
  it('rejects JSON, empty input and a lone magic', async () => {
    expect(await codeOf(new TextEncoder().encode('{"rows":[]}'))).toBe('TABLE_NOT_PARQUET');
    expect(await codeOf(new Uint8Array())).toBe('TABLE_NOT_PARQUET');
    expect(await codeOf(new TextEncoder().encode('PAR1PAR1'))).toBe('TABLE_NOT_PARQUET');
  });

  it('rejects a truncated file at every cut', async () => {
    const bytes = writeTable(ALLOCATION_TABLE, ROWS);
    for (const cut of [4, 100, bytes.length - 100, bytes.length - 9, bytes.length - 1]) {
      expect(await codeOf(bytes.subarray(0, cut))).toBe('TABLE_NOT_PARQUET');
    }
  });

  it('rejects a footer length pointing before the file', async () => {
    const bytes = writeTable(ALLOCATION_TABLE, ROWS).slice();
    new DataView(bytes.buffer).setUint32(bytes.length - 8, bytes.length, true);
    expect(await codeOf(bytes)).toBe('TABLE_NOT_PARQUET');
  });
});

describe('when the file is larger than an inscription part', () => {
  it('rejects it before parsing', async () => {
    const bytes = new Uint8Array(MAX_PART_BYTES + 1);
    bytes.set([0x50, 0x41, 0x52, 0x31]);
    await expect(parseTable(ALLOCATION_TABLE, bytes)).rejects.toMatchObject({ code: 'TABLE_TOO_LARGE', evidence: { bytes: MAX_PART_BYTES + 1 } });
  });
});

describe('when the schema differs', () => {
  it('rejects a wrong column type (allocation as DOUBLE, as INT32, as a string)', async () => {
    const asDouble = { name: 'allocation', data: Float64Array.from(ALLOC, Number), element: { type: 'DOUBLE', repetition_type: 'REQUIRED' } } as const;
    const asInt32 = { name: 'allocation', data: Int32Array.from(ALLOC, Number), element: { type: 'INT32', repetition_type: 'REQUIRED' } } as const;
    const asText = { name: 'allocation', data: IDS, element: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' } } as const;
    for (const col of [asDouble, asInt32, asText]) {
      await expect(parseTable(ALLOCATION_TABLE, parquet([USER_ID, col]))).rejects.toMatchObject({ code: 'TABLE_SCHEMA', evidence: { column: 'allocation' } });
    }
  });

  it('rejects user ids stored as raw bytes without the UTF8 annotation', async () => {
    const raw = { ...USER_ID, element: { type: 'BYTE_ARRAY', repetition_type: 'REQUIRED' } } as const;
    await expect(parseTable(ALLOCATION_TABLE, parquet([raw, ALLOCATION]))).rejects.toMatchObject({ code: 'TABLE_SCHEMA', evidence: { column: 'user_id' } });
  });

  it('rejects an INT64 with a logical annotation (timestamp)', async () => {
    const ts = { ...ALLOCATION, element: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'REQUIRED' } } as const;
    expect(await codeOf(parquet([USER_ID, ts]))).toBe('TABLE_SCHEMA');
  });

  it('rejects a missing column and names it', async () => {
    await expect(parseTable(ALLOCATION_TABLE, parquet([USER_ID]))).rejects.toMatchObject({ code: 'TABLE_SCHEMA', evidence: { missing: ['allocation'] } });
  });

  it('rejects an extra column and names it', async () => {
    const extra = { name: 'note', data: IDS, element: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' } } as const;
    await expect(parseTable(ALLOCATION_TABLE, parquet([USER_ID, ALLOCATION, extra]))).rejects.toMatchObject({ code: 'TABLE_SCHEMA', evidence: { extra: ['note'] } });
  });

  it('rejects swapped column order', async () => {
    expect(await codeOf(parquet([ALLOCATION, USER_ID]))).toBe('TABLE_SCHEMA');
  });
});

describe('when a required column holds a null', () => {
  it('rejects it as TABLE_NULL', async () => {
    const withNull = [...IDS];
    withNull[7] = null as unknown as string;
    const col = { name: 'user_id', data: withNull, element: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' } } as const;
    await expect(parseTable(ALLOCATION_TABLE, parquet([col, ALLOCATION]))).rejects.toMatchObject({ code: 'TABLE_NULL', evidence: { column: 'user_id' } });
  });

  it('rejects a nullable declaration even without nulls', async () => {
    const col = { ...ALLOCATION, element: { type: 'INT64', repetition_type: 'OPTIONAL' } } as const;
    expect(await codeOf(parquet([USER_ID, col]))).toBe('TABLE_NULL');
  });
});

describe('when the file holds the right rows in a non-canonical encoding', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['uncompressed', { codec: 'UNCOMPRESSED' }],
    ['with statistics', { statistics: true }],
    ['in two row groups', { rowGroupSize: 25 }],
    ['in several pages', { pageSize: 200 }],
    ['with key-value metadata', { kvMetadata: [{ key: 'note', value: 'x' }] }],
    ['with another created_by', { createdBy: 'someone else' }],
  ];
  it.each(cases)('rejects the file %s', async (_, options) => {
    expect(await codeOf(parquet([USER_ID, ALLOCATION], options))).toBe('TABLE_NOT_CANONICAL');
  });

  it('rejects dictionary encoding', async () => {
    const bytes = new Uint8Array(parquetWriteBuffer({
      columnData: [{ name: 'user_id', data: IDS.map((_, i) => (i === 0 ? IDS[0]! : `u${i % 3}`)), type: 'STRING', nullable: false }, { name: 'allocation', data: ALLOC, type: 'INT64', nullable: false }],
      statistics: false, createdBy: 'drey/1',
    }));
    expect(await codeOf(bytes)).toBe('TABLE_NOT_CANONICAL');
  });

  it('rejects trailing garbage before the footer is touched', async () => {
    const bytes = writeTable(ALLOCATION_TABLE, ROWS);
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes.subarray(0, 4));
    longer.set([1, 2, 3], 4);
    longer.set(bytes.subarray(4), 7);
    expect(await codeOf(longer)).not.toBe('OK');
  });
});

describe('when a string is not valid UTF-8', () => {
  it('rejects it as TABLE_UTF8', async () => {
    const ids: (string | Uint8Array)[] = [...IDS];
    ids[3] = Uint8Array.of(0x75, 0xff, 0x31);
    const col = { ...USER_ID, data: ids as unknown as string[] };
    await expect(parseTable(ALLOCATION_TABLE, parquet([col, ALLOCATION]))).rejects.toMatchObject({ code: 'TABLE_UTF8' });
  });
});

/** The canonical Parquet encoding of a v1 table (docs/tables.md §Canonical encoding), with hyparquet-writer. */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import type { ColumnSpec, ColumnType, Columns, ColumnValues } from './columns';
import { CREATED_BY } from './limits';

/** The schema element each column type is written as (and must be read as). */
export function schemaElementFor(spec: ColumnSpec): SchemaElement {
  const base = { name: spec.name, repetition_type: 'REQUIRED' as const };
  switch (spec.type) {
    case 'UTF8': return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
    case 'INT32': return { ...base, type: 'INT32' };
    case 'INT64': return { ...base, type: 'INT64' };
    case 'BOOLEAN': return { ...base, type: 'BOOLEAN' };
  }
}

function writerData(type: ColumnType, values: ColumnValues): string[] | Int32Array | BigInt64Array | boolean[] {
  if (type === 'BOOLEAN') return Array.from(values as Uint8Array, (v) => v !== 0);
  return values as string[] | Int32Array | BigInt64Array;
}

/**
 * Encode columns canonically: one row group, one PLAIN data page (v2 header) per column, Snappy, every column REQUIRED,
 * no statistics, no dictionary, no page indexes, no key-value metadata, `created_by` = "drey/1".
 * Equal columns always give equal bytes. Caller bugs (wrong lengths, no rows) are RangeErrors.
 */
export function encodeColumns(specs: readonly ColumnSpec[], columns: Columns): Uint8Array {
  const rows = columns[specs[0]?.name ?? '']?.length ?? 0;
  if (rows === 0) throw new RangeError('a table has at least one row');
  for (const spec of specs) {
    if (columns[spec.name]?.length !== rows) throw new RangeError(`column ${spec.name} must have ${rows} values`);
  }
  const buffer = parquetWriteBuffer({
    schema: [{ name: 'root', num_children: specs.length }, ...specs.map(schemaElementFor)],
    columnData: specs.map((spec) => ({
      name: spec.name,
      data: writerData(spec.type, columns[spec.name]!),
      encoding: 'PLAIN' as const,
      offsetIndex: false,
    })),
    codec: 'SNAPPY',
    statistics: false,
    rowGroupSize: rows,
    pageSize: 0,
    createdBy: CREATED_BY,
  });
  return new Uint8Array(buffer);
}

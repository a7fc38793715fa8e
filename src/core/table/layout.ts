/** Structural checks of an untrusted Parquet footer and page headers before any value is decoded (docs/tables.md §Reading). */
import type { FileMetaData, PageHeader, SchemaElement } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { asVerifyError, VerifyError } from '../errors';
import type { ColumnSpec } from './columns';

function schemaFail(message: string, evidence: Record<string, unknown>): never {
  throw new VerifyError('TABLE_SCHEMA', message, evidence);
}

function notCanonical(message: string, evidence: Record<string, unknown>): never {
  throw new VerifyError('TABLE_NOT_CANONICAL', message, evidence);
}

/** Thrift fields of a hostile footer may carry any type: insist on the declared one. */
function i64(value: unknown, what: string): bigint {
  if (typeof value !== 'bigint') throw new VerifyError('TABLE_NOT_PARQUET', `${what} is not an i64`, { found: typeof value });
  return value;
}

function i32(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new VerifyError('TABLE_NOT_PARQUET', `${what} is not an i32`, { found: typeof value });
  return value;
}

const TYPE_OF: Record<ColumnSpec['type'], string> = { UTF8: 'BYTE_ARRAY', INT32: 'INT32', INT64: 'INT64', BOOLEAN: 'BOOLEAN' };

function describe(e: SchemaElement): string {
  return [e.repetition_type, e.type, e.converted_type, e.logical_type?.type].filter(Boolean).join(' ');
}

/** Exact column set, order, physical and logical types, and REQUIRED repetition. */
export function checkSchema(metadata: FileMetaData, specs: readonly ColumnSpec[]): void {
  const [root, ...leaves] = metadata.schema;
  if (!root || root.type !== undefined || leaves.some((e) => e.num_children)) {
    schemaFail('a table is one flat group of columns', { columns: leaves.map((e) => e.name) });
  }
  const names = leaves.map((e) => e.name);
  const expected = specs.map((s) => s.name);
  const missing = expected.filter((n) => !names.includes(n));
  const extra = names.filter((n) => !expected.includes(n));
  if (missing.length || extra.length || names.length !== expected.length) {
    schemaFail(`columns must be exactly ${expected.join(', ')}`, { missing, extra, columns: names });
  }
  if (names.some((n, i) => n !== expected[i])) schemaFail(`columns must be in the order ${expected.join(', ')}`, { columns: names });
  specs.forEach((spec, i) => {
    const e = leaves[i]!;
    const isString = e.converted_type === 'UTF8' || e.logical_type?.type === 'STRING';
    const annotated = e.converted_type !== undefined || e.logical_type !== undefined;
    const typeOk = e.type === TYPE_OF[spec.type] && (spec.type === 'UTF8' ? isString : !annotated);
    if (!typeOk) schemaFail(`column ${spec.name} must be ${spec.type}`, { column: spec.name, found: describe(e) });
    if (e.repetition_type === 'OPTIONAL') {
      throw new VerifyError('TABLE_NULL', `column ${spec.name} is nullable; every value is required`, { column: spec.name });
    }
    if (e.repetition_type !== 'REQUIRED') schemaFail(`column ${spec.name} must be REQUIRED`, { column: spec.name, found: describe(e) });
  });
}

/** Declared row count, bounded before any allocation. */
export function checkRowCount(metadata: FileMetaData, maxRows: number): number {
  const rows = i64(metadata.num_rows, 'num_rows');
  if (rows <= 0n) throw new VerifyError('TABLE_EMPTY', 'a table file holds at least one row', { rows: rows.toString() });
  if (rows > BigInt(maxRows)) {
    throw new VerifyError('TABLE_TOO_LARGE', `a part may hold at most ${maxRows} rows`, { rows: rows.toString(), maxRows });
  }
  return Number(rows);
}

function readPageHeader(bytes: Uint8Array, offset: number, column: string): { header: PageHeader; headerBytes: number } {
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset };
  try {
    const header = parquetHeader(reader);
    return { header, headerBytes: reader.offset - offset };
  } catch (e) {
    throw asVerifyError(e, 'TABLE_NOT_PARQUET', `page header of column ${column}`, { column, offset });
  }
}

/**
 * One row group; per column one Snappy chunk holding exactly one PLAIN v2 data page of `rows` values, nothing else
 * (no dictionary, statistics, indexes, bloom filters, external files). Page sizes are bounded by the column's
 * largest possible value so decompression cannot allocate more than the schema allows.
 */
export function checkLayout(metadata: FileMetaData, bytes: Uint8Array, specs: readonly ColumnSpec[], rows: number): void {
  if (metadata.row_groups.length !== 1) notCanonical('a table file has exactly one row group', { rowGroups: metadata.row_groups.length });
  const group = metadata.row_groups[0]!;
  if (i64(group.num_rows, 'row group num_rows') !== BigInt(rows) || group.columns.length !== specs.length) {
    notCanonical('the row group must hold every row and column', { rows: group.num_rows.toString(), columns: group.columns.length });
  }
  const footerStart = bytes.length - 8 - metadata.metadata_length;
  specs.forEach((spec, i) => {
    const chunk = group.columns[i]!;
    const meta = chunk.meta_data;
    const evidence = { column: spec.name };
    if (!meta || chunk.file_path !== undefined) notCanonical(`column ${spec.name} must be stored in this file`, evidence);
    if (meta.path_in_schema.length !== 1 || meta.path_in_schema[0] !== spec.name || meta.type !== TYPE_OF[spec.type]) {
      schemaFail(`column chunk ${i} does not match column ${spec.name}`, { ...evidence, path: meta.path_in_schema });
    }
    const extras = meta.dictionary_page_offset ?? meta.index_page_offset ?? meta.bloom_filter_offset ??
      chunk.offset_index_offset ?? chunk.column_index_offset ?? meta.statistics ?? meta.key_value_metadata;
    if (meta.codec !== 'SNAPPY' || extras !== undefined || i64(meta.num_values, 'num_values') !== BigInt(rows)) {
      notCanonical(`column ${spec.name} must be one Snappy PLAIN page without extras`, { ...evidence, codec: meta.codec });
    }
    const start = i64(meta.data_page_offset, 'data_page_offset');
    const size = i64(meta.total_compressed_size, 'total_compressed_size');
    if (start < 4n || size <= 0n || start + size > BigInt(footerStart)) {
      throw new VerifyError('TABLE_NOT_PARQUET', `column ${spec.name} lies outside the file`, { ...evidence, start: start.toString(), size: size.toString() });
    }
    const { header, headerBytes } = readPageHeader(bytes, Number(start), spec.name);
    const page = header.data_page_header_v2;
    const plainPage = header.type === 'DATA_PAGE_V2' && page !== undefined && page.encoding === 'PLAIN' &&
      page.num_values === rows && page.num_rows === rows && page.num_nulls === 0 && page.is_compressed === true &&
      page.definition_levels_byte_length === 0 && page.repetition_levels_byte_length === 0;
    if (!plainPage) {
      notCanonical(`column ${spec.name} must be one PLAIN v2 data page of ${rows} values`, { ...evidence, page: header.type, encoding: page?.encoding });
    }
    const maxPage = rows * spec.maxValueBytes;
    const uncompressed = i32(header.uncompressed_page_size, 'uncompressed_page_size');
    const compressed = i32(header.compressed_page_size, 'compressed_page_size');
    if (uncompressed < 0 || uncompressed > maxPage) {
      throw new VerifyError('TABLE_TOO_LARGE', `column ${spec.name} page declares ${uncompressed} bytes, at most ${maxPage} fit`, evidence);
    }
    if (compressed < 0 || BigInt(headerBytes + compressed) !== size) {
      notCanonical(`column ${spec.name} chunk must be exactly one page`, { ...evidence, pageBytes: headerBytes + compressed, chunkBytes: size.toString() });
    }
  });
}

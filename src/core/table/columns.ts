/** Column types of the v1 tables and the decoded column values they map to (docs/tables.md §Encoding). */

/** The four physical/logical types the tables use; every column is REQUIRED, PLAIN-encoded. */
export type ColumnType = 'UTF8' | 'INT32' | 'INT64' | 'BOOLEAN';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  /** Upper bound of one value's PLAIN size in bytes (4-byte length prefix included for UTF8). */
  readonly maxValueBytes: number;
}

/** Decoded values of one column: strings, int32, int64 as bigint, booleans as 0/1. */
export type ColumnValues = string[] | Int32Array | BigInt64Array | Uint8Array;

/** A table's columns by name, all of the same length. */
export type Columns = Record<string, ColumnValues>;

export function utf8Column(name: string, maxBytes: number): ColumnSpec {
  return { name, type: 'UTF8', maxValueBytes: 4 + maxBytes };
}

export function int32Column(name: string): ColumnSpec {
  return { name, type: 'INT32', maxValueBytes: 4 };
}

export function int64Column(name: string): ColumnSpec {
  return { name, type: 'INT64', maxValueBytes: 8 };
}

export function booleanColumn(name: string): ColumnSpec {
  return { name, type: 'BOOLEAN', maxValueBytes: 1 };
}

/** Number of UTF-8 bytes of a well-formed string (lone surrogates count as U+FFFD, 3 bytes, as TextEncoder does). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** PLAIN payload bytes of row `i` (the split rule's measure): UTF8 4 + length, INT32 4, INT64 8, BOOLEAN 1. */
export function rowPayloadBytes(specs: readonly ColumnSpec[], columns: Columns, i: number): number {
  let n = 0;
  for (const spec of specs) {
    if (spec.type === 'UTF8') n += 4 + utf8Length((columns[spec.name] as string[])[i]!);
    else n += spec.maxValueBytes;
  }
  return n;
}

/** Smallest PLAIN payload a row can have (bounds the rows a part may declare). */
export function minRowPayloadBytes(specs: readonly ColumnSpec[]): number {
  return specs.reduce((n, s) => n + (s.type === 'UTF8' ? 4 : s.maxValueBytes), 0);
}

/** Concatenate same-typed column values (parts joined in order). */
export function concatColumn(type: ColumnType, chunks: ColumnValues[]): ColumnValues {
  if (type === 'UTF8') return ([] as string[]).concat(...(chunks as string[][]));
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = type === 'INT32' ? new Int32Array(total) : type === 'INT64' ? new BigInt64Array(total) : new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    (out as Int32Array).set(c as Int32Array, at);
    at += c.length;
  }
  return out;
}
